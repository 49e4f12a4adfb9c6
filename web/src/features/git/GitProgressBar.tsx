import type { GitProgress } from '../../api/workspace';
import { useStrings } from '../../i18n/catalog';
import { remoteStrings } from './strings';

/** git's own words and numbers: the phase is git's (English, as the server's messages are). */
export function progressText(p: GitProgress): string {
  return `${p.phase}: ${p.percent}% (${p.done}/${p.total})`;
}

/** A clone's or a fetch's, pull's or push's progress as git reports it; before its first report, that git is starting. */
export function GitProgressBar({ progress, label }: { progress: GitProgress | null | undefined; label: string }) {
  const t = useStrings(remoteStrings);
  return (
    <div className="git-progress" role="status" aria-live="polite">
      <progress max={100} value={progress?.percent ?? 0} aria-label={label} />
      <span className="small-text">{progress ? progressText(progress) : t.startingGit}</span>
    </div>
  );
}
