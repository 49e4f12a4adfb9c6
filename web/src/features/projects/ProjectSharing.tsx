/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { getProjectPeople, shareProject, unshareProject, type ProjectPeople } from '../../api/sharing';
import { ErrorMessage } from '../shared';
import { useAction } from '../useAction';
import { useLoad } from '../useLoad';

/**
 * Who has access to a project, from its menu. Everyone who may use the project sees the owner and the members;
 * the owner and admins add a member by username and remove one.
 */
export function ProjectSharing({ projectId, projectName }: { projectId: string; projectName: string }) {
  const [people, setPeople] = useState<ProjectPeople | null>(null);
  const [username, setUsername] = useState('');
  const { busy, error, setError, run } = useAction();
  const inputId = useId();

  const load = useCallback(async () => {
    try {
      setPeople(await getProjectPeople(projectId));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [projectId, setError]);

  useLoad(load);

  async function add(e: FormEvent) {
    e.preventDefault();
    const name = username.trim();
    if (!name) return setError('Enter the username to share with.');
    await run(async () => {
      await shareProject(projectId, name);
      setUsername('');
      await load();
    });
  }

  async function remove(userId: string) {
    await run(async () => {
      await unshareProject(projectId, userId);
      await load();
    });
  }

  return (
    <section className="project-sharing" aria-label={`Sharing of ${projectName}`}>
      <h3 className="small-heading">Who has access</h3>
      {!people && !error && <p className="muted small-text" role="status">Loading…</p>}
      {people && (
        <ul className="people" aria-label="People with access">
          {people.owner && (
            <li><span className="person">{people.owner.username ?? 'deleted account'}</span> <span className="muted">owner</span></li>
          )}
          {people.members.map((m) => (
            <li key={m.id}>
              <span className="person">{m.username ?? 'deleted account'}</span>
              {people.canShare && (
                <button type="button" className="small" disabled={busy}
                  aria-label={`Remove ${m.username ?? m.id} from ${projectName}`} onClick={() => void remove(m.id)}>
                  Remove
                </button>
              )}
            </li>
          ))}
          {people.members.length === 0 && <li className="muted small-text">Not shared with anyone.</li>}
        </ul>
      )}
      {people?.canShare && (
        <form className="row" onSubmit={add} noValidate aria-label={`Share ${projectName}`}>
          <label htmlFor={inputId} className="sr-only">Username to share with</label>
          <input id={inputId} value={username} onChange={(e) => setUsername(e.target.value)} placeholder="username"
            autoComplete="off" spellCheck={false} maxLength={64} />
          <button type="submit" disabled={busy}>Share</button>
        </form>
      )}
      <ErrorMessage message={error} />
    </section>
  );
}
