import { lazy, Suspense, useEffect, useState } from 'react';
import type { User } from '../../api/types';
import { UserMenu } from './UserMenu';

// Secondary pages load on demand to keep the initial JS small.
const ApiKeysPage = lazy(() => import('../apikeys/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));
const AuditPage = lazy(() => import('../audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const ChangePasswordPage = lazy(() => import('../auth/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })));
const UsersPage = lazy(() => import('../users/UsersPage').then((m) => ({ default: m.UsersPage })));

type Route = '' | 'password' | 'api-keys' | 'users' | 'audit';
const ROUTES: Route[] = ['', 'password', 'api-keys', 'users', 'audit'];

function readRoute(): Route {
  const r = window.location.hash.replace(/^#\/?/, '') as Route;
  return ROUTES.includes(r) ? r : '';
}

function useHashRoute(): [Route, (r: string) => void] {
  const [route, setRoute] = useState<Route>(readRoute);
  useEffect(() => {
    const onHash = () => setRoute(readRoute());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [route, (r: string) => { window.location.hash = r ? `/${r}` : '/'; }];
}

function ProjectsPlaceholder() {
  return (
    <section className="card placeholder" aria-labelledby="projects-title">
      <h2 id="projects-title">Projects</h2>
      <p className="muted">Projects will appear here.</p>
    </section>
  );
}

export function Shell({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  const [route, navigate] = useHashRoute();
  const isAdmin = user.role === 'admin';
  const effective: Route = !isAdmin && (route === 'users' || route === 'audit') ? '' : route;

  const navItem = (r: Route, label: string) => (
    <a href={`#/${r}`} aria-current={effective === r ? 'page' : undefined}>{label}</a>
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <a className="brand" href="#/">
          <img src="/icon.svg" alt="" width="24" height="24" />
          <span>Claude Code UI</span>
        </a>
        <nav aria-label="Main">
          {navItem('', 'Projects')}
          {isAdmin && navItem('users', 'Users')}
          {isAdmin && navItem('audit', 'Audit log')}
        </nav>
        <UserMenu user={user} onNavigate={navigate} onSignOut={onSignOut} />
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <Suspense fallback={<p className="muted" role="status">Loading…</p>}>
          {effective === '' && <ProjectsPlaceholder />}
          {effective === 'password' && <ChangePasswordPage />}
          {effective === 'api-keys' && <ApiKeysPage />}
          {effective === 'users' && <UsersPage me={user} />}
          {effective === 'audit' && <AuditPage />}
        </Suspense>
      </main>
    </div>
  );
}
