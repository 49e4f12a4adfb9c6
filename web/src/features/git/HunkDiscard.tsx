/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useState } from 'react';
import type { Hunk } from '../messages/Diff';

/** A hunk header's "Discard", asked twice: the hunk's changes are gone once confirmed. */
export function HunkDiscard({ hunk, path, busy, onDiscard }: { hunk: Hunk; path: string; busy: boolean; onDiscard: (h: Hunk) => void }) {
  const [confirming, setConfirming] = useState(false);
  const what = `the hunk at line ${hunk.newStart} of ${path}`;
  return confirming ? (
    <span className="git-confirm">
      <button type="button" className="small danger" disabled={busy} aria-label={`Confirm: discard ${what}`}
        onClick={() => { setConfirming(false); onDiscard(hunk); }}>Discard it</button>
      <button type="button" className="small" onClick={() => setConfirming(false)}>Keep</button>
    </span>
  ) : (
    <span className="git-confirm">
      <button type="button" className="small danger" disabled={busy} aria-label={`Discard ${what}`}
        onClick={() => setConfirming(true)}>Discard hunk</button>
    </span>
  );
}
