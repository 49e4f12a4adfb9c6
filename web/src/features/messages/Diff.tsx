import { useMemo } from 'react';
import { parsePatch, structuredPatch } from 'diff';

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}

/** Unified hunks: removed lines in red with “-”, added in green with “+”. Shared by tool cards and the Git tab. */
export function DiffHunks({ hunks, label = 'Changes' }: { hunks: Hunk[]; label?: string }) {
  return (
    <div className="diff" role="group" aria-label={label}>
      {hunks.map((h, i) => (
        <div className="hunk" key={i}>
          <div className="hunk-head mono">@@ -{h.oldStart},{h.oldLines} +{h.newStart},{h.newLines} @@</div>
          {/* “\ No newline at end of file” says nothing useful here */}
          {h.lines.filter((line) => !line.startsWith('\\')).map((line, j) => {
            const sign = line[0];
            const kind = sign === '+' ? 'add' : sign === '-' ? 'del' : 'ctx';
            return (
              <div key={j} className={`diff-line ${kind}`}>
                <span className="sign" aria-hidden="true">{sign === ' ' || sign === undefined ? '\u00a0' : sign}</span>
                <span className="sr-only">{kind === 'add' ? 'added: ' : kind === 'del' ? 'removed: ' : ''}</span>
                <span className="code">{line.slice(1) || '\u00a0'}</span>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/** A unified diff of one replacement. */
export function Diff({ oldText, newText, path }: { oldText: string; newText: string; path?: string }) {
  const hunks = useMemo(
    () => structuredPatch(path ?? 'a', path ?? 'b', oldText, newText, undefined, undefined, { context: 3 }).hunks,
    [oldText, newText, path],
  );
  if (hunks.length === 0) return <p className="muted small-text">(no change)</p>;
  return <DiffHunks hunks={hunks} />;
}

/** The hunks of git's unified diff text (one or more files). */
export function parseUnifiedDiff(text: string): { file: string; hunks: Hunk[] }[] {
  try {
    return parsePatch(text)
      .filter((p) => p.hunks.length > 0)
      .map((p) => ({ file: (p.newFileName ?? p.oldFileName ?? '').replace(/^[ab]\//, ''), hunks: p.hunks }));
  } catch {
    return [];
  }
}
