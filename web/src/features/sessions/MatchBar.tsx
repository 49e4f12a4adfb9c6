/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useEffect, useEffectEvent } from 'react';

export interface Matches {
  query: string;
  words: string[];
  /** Seqs of the matching messages, oldest first. */
  seqs: number[];
  /** The one shown. */
  index: number;
  truncated: boolean;
}

/**
 * "3 of 7" matches of a search in the open session, with previous (older) and next (newer).
 * N and Shift+N move too, outside text fields.
 */
export function MatchBar({ matches, onGo, onClose }: { matches: Matches; onGo: (index: number) => void; onClose: () => void }) {
  const { seqs, index, query } = matches;
  const go = useEffectEvent(onGo);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = document.activeElement;
      const typing = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement
        || (el as HTMLElement | null)?.isContentEditable;
      if (typing || e.ctrlKey || e.metaKey || e.altKey || (e.key !== 'n' && e.key !== 'N')) return;
      e.preventDefault();
      go(e.key === 'N' ? index - 1 : index + 1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [index]);

  return (
    <div className="match-bar" role="search" aria-label="Matches in this session">
      {seqs.length === 0 ? (
        <span role="status">No message of this session holds “{query}”.</span>
      ) : (
        <span role="status">
          “{query}”: match <strong>{index + 1}</strong> of {seqs.length}{matches.truncated ? '+' : ''}
        </span>
      )}
      <span className="spacer" />
      <button type="button" className="small" disabled={index <= 0} onClick={() => onGo(index - 1)} aria-keyshortcuts="Shift+N">
        <span aria-hidden="true">↑ </span>Previous match
      </button>
      <button type="button" className="small" disabled={index >= seqs.length - 1} onClick={() => onGo(index + 1)} aria-keyshortcuts="N">
        <span aria-hidden="true">↓ </span>Next match
      </button>
      <button type="button" className="icon" aria-label="Close the search in this session" onClick={onClose}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
