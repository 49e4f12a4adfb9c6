/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { uploadFiles, type UploadHandle, type UploadItem } from '../../api/workspace';

type UploadState =
  | { kind: 'sending'; folder: string; count: number; sent: number; total: number }
  | { kind: 'conflict'; folder: string; items: UploadItem[]; paths: string[] }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

/**
 * One upload at a time into a project folder: progress while it is sent, and, when files are in
 * the way, the choice the editor offers for a stale save: replace them or leave everything as it was.
 */
export function useUploads(projectId: string, onWritten: (folder: string, paths: string[]) => void) {
  const [state, setState] = useState<UploadState | null>(null);
  const handle = useRef<UploadHandle | null>(null);

  const start = useCallback(async (folder: string, items: UploadItem[], overwrite = false) => {
    if (items.length === 0) return;
    setState({ kind: 'sending', folder, count: items.length, sent: 0, total: 0 });
    const upload = uploadFiles(projectId, folder, items, overwrite,
      (sent, total) => setState({ kind: 'sending', folder, count: items.length, sent, total }));
    handle.current = upload;
    try {
      const paths = await upload.done;
      setState({ kind: 'done', message: `Uploaded ${paths.length === 1 ? '1 file' : `${paths.length} files`} to ${folder || 'the project root'}.` });
      onWritten(folder, paths);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UPLOAD_CONFLICT' && err.paths?.length) {
        setState({ kind: 'conflict', folder, items, paths: err.paths });
      } else if (err instanceof ApiError && err.code === 'CANCELLED') {
        setState(null);
      } else {
        setState({ kind: 'failed', message: errorMessage(err) });
      }
    } finally {
      handle.current = null;
    }
  }, [projectId, onWritten]);

  const cancel = useCallback(() => handle.current?.cancel(), []);
  const dismiss = useCallback(() => setState(null), []);
  return { state, start, cancel, dismiss };
}

const percent = (sent: number, total: number) => (total > 0 ? Math.floor((sent / total) * 100) : 0);

export function UploadStatus({ uploads }: { uploads: ReturnType<typeof useUploads> }) {
  const { state, start, cancel, dismiss } = uploads;
  if (!state) return null;
  switch (state.kind) {
    case 'sending':
      return (
        <div className="upload-status notice" role="status" aria-label="Upload">
          <span className="small-text">
            Uploading {state.count === 1 ? '1 file' : `${state.count} files`} to {state.folder || 'the project root'}… {percent(state.sent, state.total)}%
          </span>
          <progress max={100} value={percent(state.sent, state.total)} aria-label="Upload progress" />
          <button type="button" className="small" onClick={cancel}>Cancel</button>
        </div>
      );
    case 'conflict': {
      const shown = state.paths.slice(0, 5);
      return (
        <div className="upload-status notice" role="alertdialog" aria-label="Files already exist">
          <p className="small-text">
            {state.paths.length === 1 ? 'This file already exists' : `${state.paths.length} files already exist`}:{' '}
            {shown.join(', ')}{state.paths.length > shown.length ? ', …' : ''}. Nothing was uploaded.
          </p>
          <div className="row">
            <button type="button" className="small danger" onClick={() => void start(state.folder, state.items, true)}>Replace them</button>
            <button type="button" className="small" onClick={dismiss}>Cancel</button>
          </div>
        </div>
      );
    }
    case 'done':
      return (
        <p className="upload-status notice" role="status">
          {state.message} <button type="button" className="link small" onClick={dismiss}>Dismiss</button>
        </p>
      );
    case 'failed':
      return (
        <p className="upload-status error" role="alert">
          {state.message} <button type="button" className="link small" onClick={dismiss}>Dismiss</button>
        </p>
      );
  }
}
