/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useId, useState, type FormEvent } from 'react';
import { addProject, errorMessage, updateProject } from '../../api/client';
import type { Project, ProjectPatch } from '../../api/types';
import { getProject } from '../../api/projects';
import { ErrorMessage } from '../shared';
import { MemoryFiles } from './MemoryFiles';
import { PermissionRules } from './PermissionRules';
import { ProjectSharing } from './ProjectSharing';
import { mcpHref, navigate, projectHref } from '../shell/route';
import { CloneForm, NewFolderForm } from './NewProjectForms';
import { Worktrees } from './Worktrees';

type AddMode = 'existing' | 'new' | 'clone';

/** Add a project: an existing folder, a new one, or a clone. */
function AddProject({ onAdded, onCancel }: { onAdded: (p: Project) => void; onCancel: () => void }) {
  const [mode, setMode] = useState<AddMode>('existing');
  const [error, setError] = useState<string | null>(null);
  const tabs: [AddMode, string][] = [['existing', 'Existing folder'], ['new', 'New folder'], ['clone', 'Clone']];
  return (
    <div className="add-project-modes">
      <div className="segmented" role="group" aria-label="How to add a project">
        {tabs.map(([m, label]) => (
          <button key={m} type="button" className="small" aria-pressed={mode === m} onClick={() => setMode(m)}>{label}</button>
        ))}
      </div>
      {mode === 'existing' && <AddProjectForm onAdded={onAdded} onCancel={onCancel} />}
      {mode === 'new' && <NewFolderForm onAdded={onAdded} onCancel={onCancel} />}
      {mode === 'clone' && (
        <CloneForm onCancel={onCancel} onAdded={(id) => {
          getProject(id).then(onAdded, (err: unknown) => setError(errorMessage(err)));
        }} />
      )}
      <ErrorMessage message={error} />
    </div>
  );
}

function AddProjectForm({ onAdded, onCancel }: { onAdded: (p: Project) => void; onCancel: () => void }) {
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!path.trim()) return setError('Enter the absolute path of a folder on the server.');
    setBusy(true);
    setError(null);
    try {
      onAdded(await addProject(path.trim()));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="add-project" onSubmit={submit} noValidate aria-label="Add a project">
      <label htmlFor={id}>Folder path</label>
      <input id={id} value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/code/app"
        autoFocus spellCheck={false} autoComplete="off"
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onCancel(); } }} />
      <ErrorMessage message={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Adding…' : 'Add'}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

function ProjectRow({ project, selected, onPatch, onAdded, worktree = false }: {
  project: Project;
  selected: boolean;
  onPatch: (p: Project, patch: ProjectPatch) => Promise<boolean>;
  onAdded: (p: Project) => void;
  worktree?: boolean;
}) {
  const [actions, setActions] = useState(false);
  const [trees, setTrees] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [memory, setMemory] = useState(false);
  const [rules, setRules] = useState(false);
  const [name, setName] = useState(project.name);
  const actionsId = useId();

  async function rename(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || trimmed === project.name) return setRenaming(false);
    if (await onPatch(project, { name: trimmed })) {
      setRenaming(false);
      setActions(false);
    }
  }

  return (
    <li className={`project-row${selected ? ' selected' : ''}${worktree ? ' worktree-row' : ''}`}>
      {renaming ? (
        <form className="rename" onSubmit={rename} aria-label={`Rename project ${project.name}`}>
          <input aria-label="New project name" value={name} autoFocus maxLength={200}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setRenaming(false); } }} />
          <button type="submit">Save</button>
        </form>
      ) : (
        <div className="project-line">
          <a href={projectHref(project.id)} className="project-link" aria-current={selected ? 'page' : undefined}
            title={project.path}>
            <span className="project-name">
              {worktree && <span aria-hidden="true" className="worktree-mark">⎇ </span>}
              {worktree && <span className="sr-only">Worktree </span>}
              {project.name}
            </span>
            <span className="count" aria-label={`${project.sessionCount} sessions`}>{project.sessionCount}</span>
          </a>
          <button type="button" className={`icon star${project.starred ? ' on' : ''}`} aria-pressed={project.starred}
            aria-label={`Star ${project.name}`} onClick={() => void onPatch(project, { starred: !project.starred })}>
            <span aria-hidden="true">{project.starred ? '★' : '☆'}</span>
          </button>
          <button type="button" className="icon" aria-expanded={actions} aria-controls={actionsId}
            aria-label={`More actions for ${project.name}`} onClick={() => setActions((a) => !a)}>
            <span aria-hidden="true">⋯</span>
          </button>
        </div>
      )}
      {actions && !renaming && (
        <div id={actionsId} className="project-actions">
          <span className="path mono" title={project.path}>{project.path}</span>
          <button type="button" onClick={() => { setName(project.name); setRenaming(true); }}>Rename</button>
          <button type="button" onClick={() => void onPatch(project, { archived: !project.archived }).then(() => setActions(false))}>
            {project.archived ? 'Unarchive' : 'Archive'}
          </button>
          <a className="button" href={mcpHref(project.id)} onClick={() => setActions(false)}>MCP servers</a>
          <button type="button" aria-expanded={sharing} onClick={() => setSharing((v) => !v)}>Sharing</button>
          {sharing && <ProjectSharing projectId={project.id} projectName={project.name} />}
          <button type="button" aria-expanded={memory} onClick={() => setMemory((v) => !v)}>Memory &amp; settings</button>
          {memory && <MemoryFiles projectId={project.id} projectName={project.name} />}
          <button type="button" aria-expanded={rules} onClick={() => setRules((v) => !v)}>Permission rules</button>
          {rules && <PermissionRules projectId={project.id} projectName={project.name} />}
          {!project.parentId && (
            <button type="button" aria-expanded={trees} onClick={() => setTrees((t) => !t)}>Worktrees</button>
          )}
          {trees && <Worktrees project={project} onAdded={onAdded} onRemoved={() => {}} />}
        </div>
      )}
    </li>
  );
}

export function ProjectsPanel({ projects, loading, error, selectedId, onChanged }: {
  projects: Project[];
  loading: boolean;
  error: string | null;
  selectedId: string | null;
  onChanged: (p: Project) => void;
}) {
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const filterId = useId();

  async function patch(p: Project, change: ProjectPatch): Promise<boolean> {
    try {
      const updated = await updateProject(p.id, change);
      onChanged(updated ?? { ...p, ...change });
      setActionError(null);
      return true;
    } catch (err) {
      setActionError(errorMessage(err));
      return false;
    }
  }

  const needle = filter.trim().toLowerCase();
  const shown = projects.filter((p) => !needle || p.name.toLowerCase().includes(needle) || p.path.toLowerCase().includes(needle));
  const active = shown.filter((p) => !p.archived);
  // Worktree projects are listed under their parent (at the top level when the parent is not shown).
  const shownIds = new Set(active.map((p) => p.id));
  const topLevel = active.filter((p) => !p.parentId || !shownIds.has(p.parentId));
  const worktreesOf = (id: string) => active.filter((p) => p.parentId === id);
  const archived = shown.filter((p) => p.archived);

  return (
    <section className="panel projects-panel" aria-labelledby="projects-heading">
      <div className="panel-head">
        <h2 id="projects-heading">Projects</h2>
        <button type="button" className="small" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
          {adding ? 'Close' : 'Add project'}
        </button>
      </div>
      {adding && (
        <AddProject onCancel={() => setAdding(false)} onAdded={(p) => {
          setAdding(false);
          onChanged(p);
          navigate(projectHref(p.id));
        }} />
      )}
      <label htmlFor={filterId} className="sr-only">Filter projects</label>
      <input id={filterId} type="search" className="filter" placeholder="Filter projects" value={filter}
        onChange={(e) => setFilter(e.target.value)} />
      <ErrorMessage message={error ?? actionError} />
      {loading && projects.length === 0 && <p className="muted small-text" role="status">Loading projects…</p>}
      {!loading && projects.length === 0 && !error && (
        <p className="muted small-text">No projects yet. Add a folder, or run Claude Code on this machine.</p>
      )}
      {projects.length > 0 && shown.length === 0 && <p className="muted small-text">No project matches “{filter}”.</p>}
      <ul className="project-list" aria-label="Projects">
        {topLevel.flatMap((p) => [
          <ProjectRow key={p.id} project={p} selected={p.id === selectedId} onPatch={patch} onAdded={onChanged}
            worktree={!!p.parentId} />,
          ...worktreesOf(p.id).map((w) => (
            <ProjectRow key={w.id} project={w} selected={w.id === selectedId} onPatch={patch} onAdded={onChanged} worktree />
          )),
        ])}
      </ul>
      {archived.length > 0 && (
        <details className="archived" open={needle.length > 0 || undefined}>
          <summary>Archived ({archived.length})</summary>
          <ul className="project-list" aria-label="Archived projects">
            {archived.map((p) => (
              <ProjectRow key={p.id} project={p} selected={p.id === selectedId} onPatch={patch} onAdded={onChanged}
                worktree={!!p.parentId} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
