/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useEffect, useState } from 'react';
import { editQueued, listQueue, removeQueued, sendQueuedNow, type QueueEntry } from '../../api/runs';
import { useAction } from '../useAction';

/**
 * The messages waiting for the session's running turn, above the composer: each can be edited,
 * removed or sent now (which interrupts the turn). The list follows the session's
 * `queue_changed` events; before the first one arrives it is read once from the server.
 */
export function QueueStrip({ sessionId, items }: { sessionId: string; items: QueueEntry[] | undefined }) {
  const [loaded, setLoaded] = useState<QueueEntry[]>([]);
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const { busy, error, run } = useAction();

  useEffect(() => {
    if (items !== undefined) return;
    let live = true;
    listQueue(sessionId).then((page) => live && setLoaded(page.items)).catch(() => undefined);
    return () => { live = false; };
  }, [sessionId, items]);

  const shown = items ?? loaded;
  if (shown.length === 0) return null;

  async function act(what: () => Promise<unknown>) {
    if (await run(what)) setEditing(null);
  }

  return (
    <section className="queue-strip" aria-label="Queued messages">
      <p className="muted small-text">Sent in this order when Claude finishes the current turn:</p>
      {error && <p className="error" role="alert">{error}</p>}
      <ol>
        {shown.map((m) => (
          <li key={m.id} className="queue-item">
            {editing?.id === m.id ? (
              <form onSubmit={(e) => { e.preventDefault(); void act(() => editQueued(sessionId, m.id, { prompt: editing.text })); }}>
                <textarea aria-label="Edit queued message" value={editing.text} rows={2}
                  onChange={(e) => setEditing({ id: m.id, text: e.target.value })} />
                <button type="submit" className="small primary" disabled={busy || !editing.text.trim()}>Save</button>
                <button type="button" className="small" onClick={() => setEditing(null)}>Cancel</button>
              </form>
            ) : (
              <>
                <span className="queue-prompt">{m.prompt}</span>
                <span className="muted small-text">
                  {m.author ? ` ${m.author}` : ''}{m.model ? ` · ${m.model}` : ''}{m.effort ? ` · effort ${m.effort}` : ''}
                  {m.images ? ` · ${m.images} image${m.images === 1 ? '' : 's'}` : ''}
                  {m.attachments?.length ? ` · ${m.attachments.map((a) => a.name).join(', ')}` : ''}
                </span>
                <span className="queue-actions">
                  <button type="button" className="small" disabled={busy} aria-label={`Edit queued message: ${m.prompt}`}
                    onClick={() => setEditing({ id: m.id, text: m.prompt })}>Edit</button>
                  <button type="button" className="small" disabled={busy} aria-label={`Remove queued message: ${m.prompt}`}
                    onClick={() => void act(() => removeQueued(sessionId, m.id))}>Remove</button>
                  <button type="button" className="small" disabled={busy} aria-label={`Send now: ${m.prompt}`}
                    title="Interrupt the current turn and send this message next"
                    onClick={() => void act(() => sendQueuedNow(sessionId, m.id))}>Send now</button>
                </span>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
