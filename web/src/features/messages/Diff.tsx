/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useMemo, useState, type ReactNode } from 'react';
import { parsePatch, structuredPatch } from 'diff';
import { COLLAPSED_LINES } from './Collapsible';
import { CopyButton } from './CopyButton';

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}

/** The hunks as unified diff text, for copying. */
export function hunksText(hunks: Hunk[]): string {
  return hunks.map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines.filter((l) => !l.startsWith('\\'))]
    .join('\n')).join('\n');
}

/** The hunks and their lines that fit in `budget` lines, each hunk's header counting as one. */
function withinBudget(hunks: Hunk[], budget: number): { hunk: Hunk; lines: string[] }[] {
  const shown: { hunk: Hunk; lines: string[] }[] = [];
  for (const hunk of hunks) {
    if (budget <= 0) break;
    budget--;
    // “\ No newline at end of file” says nothing useful here
    const lines = hunk.lines.filter((line) => !line.startsWith('\\')).slice(0, budget);
    budget -= lines.length;
    shown.push({ hunk, lines });
  }
  return shown;
}

/**
 * Unified hunks: removed lines in red with “-”, added in green with “+”. Shared by tool cards and
 * the Git tab; long ones show their first lines until expanded (`collapse`); `hunkAction` puts a
 * control in each hunk's header (the Git tab's discard).
 */
export function DiffHunks({ hunks, label = 'Changes', collapse = false, hunkAction }: {
  hunks: Hunk[]; label?: string; collapse?: boolean; hunkAction?: (hunk: Hunk) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const total = hunks.reduce((n, h) => n + h.lines.length + 1, 0);
  const long = collapse && total > COLLAPSED_LINES * 2;
  const shown = withinBudget(hunks, long && !open ? COLLAPSED_LINES * 2 : Infinity);
  return (
    <div className="diff-wrap">
      <div className="diff" role="group" aria-label={label}>
        {shown.map(({ hunk: h, lines }, i) => {
          return (
            <div className="hunk" key={i}>
              <div className="hunk-head mono">
                <span>@@ -{h.oldStart},{h.oldLines} +{h.newStart},{h.newLines} @@</span>
                {hunkAction?.(h)}
              </div>
              {lines.map((line, j) => {
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
          );
        })}
      </div>
      <div className="diff-tools">
        {long && (
          <button type="button" className="link expand" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? 'Show fewer lines of the diff' : `Show all ${total} lines of the diff`}
          </button>
        )}
        <CopyButton text={() => hunksText(hunks)} label="Copy the diff" />
      </div>
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
  return <DiffHunks hunks={hunks} collapse />;
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
