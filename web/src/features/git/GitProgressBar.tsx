import type { GitProgress } from '../../api/workspace';
import { useStrings } from '../../i18n/catalog';
import { remoteStrings } from './strings';

/** git's phase in its own words (English, as the server's messages are), its numbers as the language writes them. */
function progressText(t: typeof remoteStrings.en, p: GitProgress): string {
  return t.progress(p.phase, p.percent, p.done, p.total);
}

/** A clone's or a fetch's, pull's or push's progress as git reports it; before its first report, that git is starting. */
export function GitProgressBar({ progress, label }: { progress: GitProgress | null | undefined; label: string }) {
  const t = useStrings(remoteStrings);
  return (
    <div className="git-progress" role="status" aria-live="polite">
      <progress max={100} value={progress?.percent ?? 0} aria-label={label} />
      <span className="small-text">{progress ? progressText(t, progress) : t.startingGit}</span>
    </div>
  );
}
