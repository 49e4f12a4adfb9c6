import { useState } from 'react';
import { ApiError, errorMessage, request } from '../../api/client';
import type { ResponseOf } from '../../api/types';
import { useStrings } from '../../i18n/catalog';
import { gitPanelsStrings } from './panels.strings';

const suggestCommitMessage = (projectId: string) =>
  request<ResponseOf<'gitCommitMessage', 200>>('POST', `/projects/${encodeURIComponent(projectId)}/git/commit-message`);

/**
 * Asks Claude for a message describing the staged diff; the text lands in the commit box to be edited, never
 * committed by itself.
 */
export function CommitMessageButton({ projectId, disabled, onMessage, onError }: {
  projectId: string;
  disabled: boolean;
  onMessage: (message: string) => void;
  onError: (message: string) => void;
}) {
  const [writing, setWriting] = useState(false);
  const t = useStrings(gitPanelsStrings);

  async function write() {
    setWriting(true);
    try {
      onMessage((await suggestCommitMessage(projectId)).message);
    } catch (err) {
      onError(err instanceof ApiError && err.code === 'NOTHING_STAGED' ? t.nothingStaged : errorMessage(err));
    } finally {
      setWriting(false);
    }
  }

  return (
    <button type="button" disabled={disabled || writing} onClick={() => void write()} aria-busy={writing}>
      {writing ? t.claudeWriting : t.writeWithClaude}
    </button>
  );
}
