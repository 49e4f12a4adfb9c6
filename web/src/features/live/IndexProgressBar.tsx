/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import type { IndexProgress } from '../../api/types';

const MB = 1024 * 1024;

function megabytes(bytes: number): string {
  return (bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0);
}

/**
 * A slim bar while the transcript index scans, as long indexing tools show one: files and MB done
 * of the pass. While sessions are only being listed the bar counts the files glanced at.
 */
export function IndexProgressBar({ index }: { index: IndexProgress }) {
  const listing = index.phase === 'listing';
  const total = index.filesTotal;
  const bytesTotal = index.bytesTotal ?? 0;
  // Bytes weigh a big file as it is read; files when sizes are not known.
  const fraction = !listing && bytesTotal > 0 ? (index.bytesDone ?? 0) / bytesTotal : total > 0 ? index.filesDone / total : 0;
  const percent = Math.max(0, Math.min(100, Math.round(fraction * 100)));
  const label = index.state !== 'scanning' || total === 0
    ? 'Indexing transcripts…'
    : listing
      ? `Listing sessions… ${index.filesDone} / ${total} files`
      : `Indexing transcripts… ${index.filesDone} / ${total} files` +
        (bytesTotal > 0 ? ` · ${megabytes(index.bytesDone ?? 0)} / ${megabytes(bytesTotal)} MB` : '');
  return (
    <div className="index-status muted" role="status">
      <span className="index-status-label">{label}</span>
      {index.state === 'scanning' && total > 0 && (
        <div className="index-status-bar" role="progressbar" aria-label="Transcript indexing"
          aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <div className="index-status-fill" style={{ width: `${percent}%` }} />
        </div>
      )}
    </div>
  );
}
