import { useCallback, useId, useState, type FormEvent } from 'react';
import { createUser, deleteUser, errorMessage, listUsers, updateUser } from '../../api/client';
import type { Capability, Role, User, UserPatch } from '../../api/types';
import { ErrorMessage, Field, formatDate, PASSWORD_MIN } from '../shared';
import { useLoad } from '../useLoad';
import { useStrings } from '../../i18n/catalog';
import { usersStrings } from './strings';

function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const roleId = useId();
  const t = useStrings(usersStrings);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim()) return setError(t.usernameMissing);
    if (password.length < PASSWORD_MIN) return setError(t.passwordTooShort(PASSWORD_MIN));
    setError(null);
    setBusy(true);
    try {
      await createUser(username.trim(), password, role);
      setUsername('');
      setPassword('');
      setRole('member');
      onCreated();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={t.addForm}>
      <Field label={t.username} autoComplete="off" required value={username} onChange={(e) => setUsername(e.target.value)} />
      <Field label={t.password} type="password" autoComplete="new-password" required minLength={PASSWORD_MIN}
        hint={t.passwordHint(PASSWORD_MIN)} value={password} onChange={(e) => setPassword(e.target.value)} />
      <div className="field">
        <label htmlFor={roleId}>{t.role}</label>
        <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="member">{t.member}</option>
          <option value="admin">{t.admin}</option>
        </select>
      </div>
      <button type="submit" className="primary" disabled={busy}>{t.addUser}</button>
      <ErrorMessage message={error} />
    </form>
  );
}

const CAPABILITIES: { id: Capability; label: 'webShell' | 'bypassPermissions' }[] = [
  { id: 'terminal', label: 'webShell' },
  { id: 'bypassPermissions', label: 'bypassPermissions' },
];

/** The capabilities an admin gives an account; members start without any. */
function Capabilities({ user, onChange }: { user: User; onChange: (next: Capability[]) => void }) {
  const have = user.capabilities ?? [];
  const t = useStrings(usersStrings);
  return (
    <fieldset className="capabilities">
      <legend className="sr-only">{t.capabilitiesOf(user.username)}</legend>
      {CAPABILITIES.map((c) => (
        <label key={c.id}>
          <input type="checkbox" checked={have.includes(c.id)}
            onChange={(e) => onChange(e.target.checked ? [...have, c.id] : have.filter((x) => x !== c.id))} />
          {' '}{t[c.label]}
        </label>
      ))}
    </fieldset>
  );
}

function UserRow({ user, isSelf, onChanged, onError }: {
  user: User;
  isSelf: boolean;
  onChanged: (u: User | null) => void;
  onError: (m: string) => void;
}) {
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const t = useStrings(usersStrings);

  async function patch(p: UserPatch) {
    try {
      const updated = await updateUser(user.id, p);
      const { password: _omit, ...visible } = p;
      onChanged(updated ?? { ...user, ...visible });
      return true;
    } catch (err) {
      onError(errorMessage(err));
      return false;
    }
  }

  async function remove() {
    if (!window.confirm(t.confirmDelete(user.username))) return;
    try {
      await deleteUser(user.id);
      onChanged(null);
    } catch (err) {
      onError(errorMessage(err));
    }
  }

  async function resetPassword(e: FormEvent) {
    e.preventDefault();
    if (password.length < PASSWORD_MIN) return onError(t.passwordTooShort(PASSWORD_MIN));
    if (await patch({ password })) {
      setPassword('');
      setResetting(false);
    }
  }

  return (
    <tr>
      <td>
        {user.username}
        {isSelf && <span className="badge">{t.you}</span>}
      </td>
      <td>
        <select aria-label={t.roleOf(user.username)} value={user.role} disabled={isSelf}
          onChange={(e) => patch({ role: e.target.value as Role })}>
          <option value="member">{t.member}</option>
          <option value="admin">{t.admin}</option>
        </select>
      </td>
      <td><Capabilities user={user} onChange={(capabilities) => patch({ capabilities })} /></td>
      <td>{user.disabled ? t.disabled : t.active}</td>
      <td>{formatDate(user.createdAt)}</td>
      <td className="actions">
        {!isSelf && (
          <button type="button" onClick={() => patch({ disabled: !user.disabled })}>
            {user.disabled ? t.enable : t.disable}
          </button>
        )}
        <button type="button" onClick={() => setResetting((r) => !r)} aria-expanded={resetting}>
          {t.setPassword}
        </button>
        {!isSelf && (
          <button type="button" className="danger" onClick={remove} aria-label={t.deleteUser(user.username)}>
            {t.delete}
          </button>
        )}
        {resetting && (
          <form className="inline-form" onSubmit={resetPassword} noValidate>
            <Field label={t.newPasswordFor(user.username)} type="password" autoComplete="new-password"
              value={password} onChange={(e) => setPassword(e.target.value)} />
            <button type="submit" className="primary">{t.save}</button>
          </form>
        )}
      </td>
    </tr>
  );
}

export function UsersPage({ me }: { me: User }) {
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = useStrings(usersStrings);

  const load = useCallback(async () => {
    try {
      setUsers(await listUsers());
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);

  useLoad(load);

  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title">{t.title}</h2>
      <NewUserForm onCreated={load} />
      <ErrorMessage message={error} />
      {users === null ? (
        <p className="muted">{t.loading}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr><th scope="col">{t.username}</th><th scope="col">{t.role}</th><th scope="col">{t.capabilities}</th><th scope="col">{t.status}</th><th scope="col">{t.created}</th><th scope="col"><span className="sr-only">{t.actions}</span></th></tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <UserRow key={u.id} user={u} isSelf={u.id === me.id} onError={setError}
                  onChanged={(nu) => {
                    setError(null);
                    setUsers((list) => (nu ? list?.map((x) => (x.id === u.id ? nu : x)) : list?.filter((x) => x.id !== u.id)) ?? null);
                  }} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
