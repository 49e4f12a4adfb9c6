import { useCallback, useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { getProjectPeople, shareProject, unshareProject, type ProjectPeople } from '../../api/sharing';
import { ErrorMessage } from '../shared';
import { useAction } from '../useAction';
import { useLoad } from '../useLoad';
import { useStrings } from '../../i18n/catalog';
import { projectsStrings } from './ProjectsPanel.strings';

/**
 * Who has access to a project, from its menu. Everyone who may use the project sees the owner and the members;
 * the owner and admins add a member by username and remove one.
 */
export function ProjectSharing({ projectId, projectName }: { projectId: string; projectName: string }) {
  const [people, setPeople] = useState<ProjectPeople | null>(null);
  const [username, setUsername] = useState('');
  const { busy, error, setError, run } = useAction();
  const inputId = useId();
  const t = useStrings(projectsStrings);

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
    if (!name) return setError(t.shareUsernameMissing);
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
    <section className="project-sharing" aria-label={t.sharingOf(projectName)}>
      <h3 className="small-heading">{t.whoHasAccess}</h3>
      {!people && !error && <p className="muted small-text" role="status">{t.loading}</p>}
      {people && (
        <ul className="people" aria-label={t.peopleWithAccess}>
          {people.owner && (
            <li><span className="person">{people.owner.username ?? t.deletedAccount}</span> <span className="muted">{t.owner}</span></li>
          )}
          {people.members.map((m) => (
            <li key={m.id}>
              <span className="person">{m.username ?? t.deletedAccount}</span>
              {people.canShare && (
                <button type="button" className="small" disabled={busy}
                  aria-label={t.removeFrom(m.username ?? m.id, projectName)} onClick={() => void remove(m.id)}>
                  {t.remove}
                </button>
              )}
            </li>
          ))}
          {people.members.length === 0 && <li className="muted small-text">{t.notShared}</li>}
        </ul>
      )}
      {people?.canShare && (
        <form className="row" onSubmit={add} noValidate aria-label={t.shareForm(projectName)}>
          <label htmlFor={inputId} className="sr-only">{t.shareWith}</label>
          <input id={inputId} value={username} onChange={(e) => setUsername(e.target.value)} placeholder={t.usernamePlaceholder}
            autoComplete="off" spellCheck={false} maxLength={64} />
          <button type="submit" disabled={busy}>{t.share}</button>
        </form>
      )}
      <ErrorMessage message={error} />
    </section>
  );
}
