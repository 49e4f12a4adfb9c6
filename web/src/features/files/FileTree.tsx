/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import type { FileEntry, FileListing } from '../../api/workspace';

export interface Folder {
  listing?: FileListing;
  loading: boolean;
  error?: string;
}

interface TreeProps {
  folders: Map<string, Folder>;
  expanded: Set<string>;
  selected: string | null;
  /** Files with unsaved edits. */
  dirty?: Set<string>;
  onToggle: (dir: string) => void;
  onSelect: (entry: FileEntry) => void;
}

function Level({ dir, depth, ...props }: TreeProps & { dir: string; depth: number }) {
  const folder = props.folders.get(dir);
  if (!folder || (folder.loading && !folder.listing)) {
    return <li role="none" className="tree-note muted">Loading…</li>;
  }
  if (folder.error) return <li role="none" className="tree-note error">{folder.error}</li>;
  const entries = folder.listing?.entries ?? [];
  return (
    <>
      {entries.length === 0 && depth > 0 && <li role="none" className="tree-note muted">(empty)</li>}
      {entries.map((e) => {
        const isDir = e.type === 'directory';
        const open = isDir && props.expanded.has(e.path);
        return (
          <li key={e.path} role="treeitem" aria-level={depth + 1} aria-expanded={isDir ? open : undefined}
            aria-selected={props.selected === e.path} className={`tree-item depth-${Math.min(depth, 12)}`}
            data-dir={isDir ? e.path : dir}>
            <button type="button" className={`tree-row${props.selected === e.path ? ' selected' : ''}`}
              title={e.path}
              onClick={() => { props.onSelect(e); if (isDir) props.onToggle(e.path); }}>
              <span className="tree-icon" aria-hidden="true">{isDir ? (open ? '▾' : '▸') : e.type === 'symlink' ? '↪' : '·'}</span>
              <span className="tree-name">{e.name}</span>
              {props.dirty?.has(e.path) && <span className="dirty" aria-label="unsaved changes"> ●</span>}
            </button>
            {open && (
              <ul role="group" aria-label={e.name}>
                <Level {...props} dir={e.path} depth={depth + 1} />
              </ul>
            )}
          </li>
        );
      })}
      {folder.listing?.truncated && (
        <li role="none" className="tree-note notice">
          Only the first {entries.length} entries of this folder are listed.
        </li>
      )}
    </>
  );
}

/** Folders load on first expansion; the tree only renders what the parent has fetched. */
export function FileTree(props: TreeProps) {
  return (
    <ul className="file-tree" role="tree" aria-label="Project files">
      <Level {...props} dir="" depth={0} />
    </ul>
  );
}
