import { useState } from 'react';
import type { Hunk } from '../messages/Diff';
import { useStrings } from '../../i18n/catalog';
import { gitPanelsStrings } from './panels.strings';

/** A hunk header's "Discard", asked twice: the hunk's changes are gone once confirmed. */
export function HunkDiscard({ hunk, path, busy, onDiscard }: { hunk: Hunk; path: string; busy: boolean; onDiscard: (h: Hunk) => void }) {
  const [confirming, setConfirming] = useState(false);
  const t = useStrings(gitPanelsStrings);
  return confirming ? (
    <span className="git-confirm">
      <button type="button" className="small danger" disabled={busy} aria-label={t.confirmDiscardHunk(hunk.newStart, path)}
        onClick={() => { setConfirming(false); onDiscard(hunk); }}>{t.discardIt}</button>
      <button type="button" className="small" onClick={() => setConfirming(false)}>{t.keep}</button>
    </span>
  ) : (
    <span className="git-confirm">
      <button type="button" className="small danger" disabled={busy} aria-label={t.discardHunkLabel(hunk.newStart, path)}
        onClick={() => setConfirming(true)}>{t.discardHunk}</button>
    </span>
  );
}
