/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { lazy, Suspense, useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { errorMessage, listProjects } from '../../api/client';
import type { Project, User } from '../../api/types';
import { MaintenanceBanner } from '../admin/MaintenanceBanner';
import { ApprovalBanner } from '../chat/ApprovalBanner';
import { ChatProvider, usePendingApprovals } from '../chat/ChatContext';
import { ConnectionIndicator, IndexStatus, LiveProvider, useLiveFrames, useOnReconnect } from '../live/LiveContext';
import { ProjectsPanel } from '../projects/ProjectsPanel';
import { SearchBox } from '../search/SearchBox';
import { SessionsPanel } from '../sessions/SessionsPanel';
import { useLoad } from '../useLoad';
import { tabTitle, usePageTitle, useShownPageTitle } from './pageTitle';
import { navigate, newSessionHref, projectHref, sessionHref, useRoute, type Route, type ToolTab } from './route';
import { runShortcut } from './shortcuts';
import { UserMenu } from './UserMenu';
import { tabPanelId, WorkspaceTabs } from './WorkspaceTabs';

// Secondary pages and the session view (markdown, diffs, virtual list) load on demand.
const ApiKeysPage = lazy(() => import('../apikeys/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));
const NotificationsPage = lazy(() => import('../push/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const UsagePage = lazy(() => import('../usage/UsagePage').then((m) => ({ default: m.UsagePage })));
const AuditPage = lazy(() => import('../audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const ChangePasswordPage = lazy(() => import('../auth/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })));
const MaintenancePanel = lazy(() => import('../admin/MaintenancePanel').then((m) => ({ default: m.MaintenancePanel })));
const UsersPage = lazy(() => import('../users/UsersPage').then((m) => ({ default: m.UsersPage })));
const SessionView = lazy(() => import('../sessions/SessionView').then((m) => ({ default: m.SessionView })));
const ShortcutsHelp = lazy(() => import('./ShortcutsHelp').then((m) => ({ default: m.ShortcutsHelp })));
const McpServersPage = lazy(() => import('../mcp/McpServersPage').then((m) => ({ default: m.McpServersPage })));
const NewSessionView = lazy(() => import('../chat/NewSessionView').then((m) => ({ default: m.NewSessionView })));
// The workspace tools (xterm.js, CodeMirror, the git views) are chunks of their own.
const TerminalTab = lazy(() => import('../terminal/TerminalTab').then((m) => ({ default: m.TerminalTab })));
const FilesTab = lazy(() => import('../files/FilesTab').then((m) => ({ default: m.FilesTab })));
const GitTab = lazy(() => import('../git/GitTab').then((m) => ({ default: m.GitTab })));

function useProjects() {
  const [projects, setProjects] = useState<Project[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setProjects(await listProjects());
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useLoad(reload);
  useLiveFrames((f) => {
    if (f.type === 'projects_changed') void reload();
  });
  useOnReconnect(() => void reload());

  const replace = useCallback((p: Project) => {
    setProjects((old) => (old.some((o) => o.id === p.id) ? old.map((o) => (o.id === p.id ? p : o)) : [...old, p]));
  }, []);
  return { projects, loading, error, replace };
}

function ProjectHome({ projectId, project, tab, resume, lastSessionId }: {
  projectId: string; project: Project | undefined; tab?: ToolTab; resume?: string; lastSessionId?: string;
}) {
  const name = project?.name ?? 'Project';
  usePageTitle(tab ? `${tab[0].toUpperCase()}${tab.slice(1)} · ${name}` : name);
  return (
    <section className={`project-home${tab ? ' tool-page' : ''}`} aria-labelledby="project-title">
      <header className="pane-head project-head">
        <div>
          <h1 id="project-title">{name}</h1>
          {project && <p className="muted mono path">{project.path}</p>}
        </div>
        <button type="button" className="primary new-session" aria-keyshortcuts="Alt+N"
          onClick={() => navigate(newSessionHref(projectId))}>New session</button>
      </header>
      <WorkspaceTabs projectId={projectId} current={tab ?? 'chat'} projectName={tab ? name : undefined}
        chatHref={lastSessionId ? sessionHref(projectId, lastSessionId) : undefined} />
      <div className="tab-panel" role="tabpanel" id={tabPanelId} aria-labelledby={`tab-${tab ?? 'chat'}`}>
        <Suspense fallback={<p className="muted center" role="status">Loading…</p>}>
          {tab === 'terminal' && <TerminalTab key={`${projectId}:${resume ?? ''}`} projectId={projectId} resumeSessionId={resume} />}
          {tab === 'files' && <FilesTab key={projectId} projectId={projectId} />}
          {tab === 'git' && <GitTab key={projectId} projectId={projectId} />}
        </Suspense>
        {!tab && (
          <>
            {/* On a phone the sidebar is a drawer: the project page is its list of sessions. */}
            <div className="phone-only project-sessions">
              <SessionsPanel projectId={projectId} projectName={name} selectedId={null}
                archivedCount={project?.archivedSessionCount ?? 0} />
            </div>
            <div className="placeholder desktop-only">
              <p>Pick a session in the sidebar to read or continue it, or start a new one.</p>
              <p className="muted kbd-hint">Press <kbd>Alt</kbd>+<kbd>N</kbd> for a new session, <kbd>?</kbd> for all shortcuts.</p>
            </div>
          </>
        )}
      </div>
    </section>
  );
}

function Welcome({ projects }: { projects: Project[] }) {
  const shown = projects.filter((p) => !p.archived);
  return (
    <section className="placeholder welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome</h1>
      <p className="desktop-only">Pick a project in the sidebar, or search across all sessions.</p>
      <p className="muted kbd-hint">Press <kbd>/</kbd> or <kbd>Ctrl</kbd>+<kbd>K</kbd> to search.</p>
      {/* On a phone the sidebar is hidden: the projects are listed here. */}
      <div className="phone-only">
        <p>Pick a project, or search across all sessions above.</p>
        {shown.length > 0 && (
          <ul className="welcome-projects" aria-label="Your projects">
            {shown.map((p) => (
              <li key={p.id}><a href={projectHref(p.id)}><span>{p.name}</span> <span className="count">{p.sessionCount} sessions</span></a></li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function isTyping(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable;
}

function Workspace({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  const route = useRoute();
  const { projects, loading, error, replace } = useProjects();
  const [drawer, setDrawer] = useState(false);
  const [help, setHelp] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);
  const isAdmin = user.role === 'admin';
  const effective: Route = !isAdmin && (route.page === 'users' || route.page === 'audit') ? { page: 'home' } : route;
  const projectId = effective.page === 'project' || effective.page === 'session' || effective.page === 'new-session'
    || effective.page === 'mcp' ? effective.projectId : null;
  const sessionId = effective.page === 'session' ? effective.sessionId : null;
  const project = projects.find((p) => p.id === projectId);
  // "Chat" leads back to the session last open in each project.
  const [lastSession, setLastSession] = useState<ReadonlyMap<string, string>>(new Map());
  if (projectId && sessionId && lastSession.get(projectId) !== sessionId) setLastSession(new Map(lastSession).set(projectId, sessionId));

  // A navigation closes the drawer (phones), except to a project: its sessions show in the drawer,
  // to pick one. Noticed while rendering, so the drawer never shows over the new page.
  const [navigated, setNavigated] = useState(route);
  if (navigated !== route) {
    setNavigated(route);
    if (route.page !== 'project' || route.tab) setDrawer(false);
  }

  const pending = usePendingApprovals();
  const approvals = pending.reduce((n, p) => n + p.count, 0);
  const pageTitle = useShownPageTitle();
  const routeTitle = effective.page === 'users' ? 'Users' : effective.page === 'audit' ? 'Audit log'
    : effective.page === 'api-keys' ? 'API keys' : effective.page === 'password' ? 'Change password'
      : effective.page === 'notifications' ? 'Push notifications' : effective.page === 'usage' ? 'Usage'
      : effective.page === 'new-session' ? `New session${project ? ` · ${project.name}` : ''}` : null;
  useEffect(() => {
    document.title = tabTitle(pageTitle ?? routeTitle, approvals);
  }, [pageTitle, routeTitle, approvals]);

  const currentProject = useEffectEvent(() => projectId);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (runShortcut(e)) return;
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN') {
        // e.code: Alt+N types a character (˜, ñ) on some layouts, so e.key is not "n" there.
        const inProject = currentProject();
        if (!inProject) return;
        e.preventDefault();
        navigate(newSessionHref(inProject));
      } else if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(document.activeElement)) {
        e.preventDefault();
        setHelp(true);
      } else if ((e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        searchInput.current?.focus();
      } else if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(document.activeElement)) {
        e.preventDefault();
        searchInput.current?.focus();
      } else if (e.key === 'Escape') {
        setDrawer(false);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const navItem = (page: Route['page'], label: string) => (
    <a href={`#/${page}`} aria-current={effective.page === page ? 'page' : undefined}>{label}</a>
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <button type="button" className="icon drawer-toggle" aria-controls="sidebar" aria-expanded={drawer}
          aria-label={drawer ? 'Close the sidebar' : 'Open the sidebar'} onClick={() => setDrawer((d) => !d)}>
          <span aria-hidden="true">☰</span>
        </button>
        <a className="brand" href="#/">
          <img src="/icon.svg" alt="" width="24" height="24" />
          <span className="brand-name">Claude Code UI</span>
        </a>
        <SearchBox inputRef={searchInput} />
        <nav aria-label="Main">
          {navItem('usage', 'Usage')}
        </nav>
        {isAdmin && (
          <nav aria-label="Admin">
            {navItem('users', 'Users')}
            {navItem('audit', 'Audit log')}
          </nav>
        )}
        <ConnectionIndicator />
        <button type="button" className="icon shortcuts-button" aria-label="Keyboard shortcuts" aria-keyshortcuts="?" onClick={() => setHelp(true)}>
          <span aria-hidden="true">⌨</span>
        </button>
        <UserMenu user={user} onNavigate={(r) => { window.location.hash = `/${r}`; }} onSignOut={onSignOut} />
      </header>
      <div className="workspace">
        <aside id="sidebar" className={`sidebar${drawer ? ' open' : ''}`} aria-label="Projects and sessions">
          <ProjectsPanel projects={projects} loading={loading} error={error} selectedId={projectId} onChanged={replace} />
          {projectId && (
            <SessionsPanel key={projectId} projectId={projectId} projectName={project?.name ?? 'this project'}
              selectedId={sessionId} archivedCount={project?.archivedSessionCount ?? 0} />
          )}
          <IndexStatus />
        </aside>
        {drawer && <div className="backdrop" aria-hidden="true" onClick={() => setDrawer(false)} />}
        <main id="main" className="content" tabIndex={-1}>
          <MaintenanceBanner />
          <ApprovalBanner currentSessionId={sessionId} />
          <Suspense fallback={<p className="muted center" role="status">Loading…</p>}>
            {effective.page === 'home' && <Welcome projects={projects} />}
            {effective.page === 'project' && (
              <ProjectHome projectId={effective.projectId} project={project} tab={effective.tab} resume={effective.resume}
                lastSessionId={lastSession.get(effective.projectId)} />
            )}
            {effective.page === 'new-session' && (
              <NewSessionView key={`${effective.projectId}:${effective.forkFrom ?? ''}`} projectId={effective.projectId}
                projectName={project?.name} forkFrom={effective.forkFrom} />
            )}
            {effective.page === 'session' && (
              <SessionView key={effective.sessionId} sessionId={effective.sessionId} projectId={effective.projectId}
                projectName={project?.name} query={effective.query} />
            )}
            {effective.page === 'mcp' && (
              <div className="page"><McpServersPage key={effective.projectId} projectId={effective.projectId} projectName={project?.name} /></div>
            )}
            {effective.page === 'password' && <div className="page"><ChangePasswordPage /></div>}
            {effective.page === 'api-keys' && <div className="page"><ApiKeysPage /></div>}
            {effective.page === 'notifications' && <div className="page"><NotificationsPage /></div>}
            {effective.page === 'usage' && <div className="page"><UsagePage isAdmin={isAdmin} /></div>}
            {effective.page === 'users' && <div className="page"><MaintenancePanel /><UsersPage me={user} /></div>}
            {effective.page === 'audit' && <div className="page"><AuditPage /></div>}
          </Suspense>
        </main>
      </div>
      {help && <Suspense fallback={null}><ShortcutsHelp onClose={() => setHelp(false)} /></Suspense>}
    </div>
  );
}

export function Shell({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  return (
    <LiveProvider>
      <ChatProvider>
        <Workspace user={user} onSignOut={onSignOut} />
      </ChatProvider>
    </LiveProvider>
  );
}
