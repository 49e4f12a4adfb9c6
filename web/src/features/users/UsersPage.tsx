/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useId, useState, type FormEvent } from 'react';
import { createUser, deleteUser, errorMessage, listUsers, updateUser } from '../../api/client';
import type { Capability, Role, User, UserPatch } from '../../api/types';
import { ErrorMessage, Field, formatDate, PASSWORD_MIN } from '../shared';
import { useLoad } from '../useLoad';

function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const roleId = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim()) return setError('Enter a username.');
    if (password.length < PASSWORD_MIN) return setError(`The password must have at least ${PASSWORD_MIN} characters.`);
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
    <form className="inline-form" onSubmit={submit} noValidate aria-label="Add a user">
      <Field label="Username" autoComplete="off" required value={username} onChange={(e) => setUsername(e.target.value)} />
      <Field label="Password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters.`} value={password} onChange={(e) => setPassword(e.target.value)} />
      <div className="field">
        <label htmlFor={roleId}>Role</label>
        <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="member">Member</option>
          <option value="admin">Admin</option>
        </select>
      </div>
      <button type="submit" className="primary" disabled={busy}>Add user</button>
      <ErrorMessage message={error} />
    </form>
  );
}

const CAPABILITIES: { id: Capability; label: string }[] = [
  { id: 'terminal', label: 'Web shell' },
  { id: 'bypassPermissions', label: 'Bypass permissions' },
];

/** The capabilities an admin gives an account; members start without any. */
function Capabilities({ user, onChange }: { user: User; onChange: (next: Capability[]) => void }) {
  const have = user.capabilities ?? [];
  return (
    <fieldset className="capabilities">
      <legend className="sr-only">Capabilities of {user.username}</legend>
      {CAPABILITIES.map((c) => (
        <label key={c.id}>
          <input type="checkbox" checked={have.includes(c.id)}
            onChange={(e) => onChange(e.target.checked ? [...have, c.id] : have.filter((x) => x !== c.id))} />
          {' '}{c.label}
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
    if (!window.confirm(`Delete the user “${user.username}”?`)) return;
    try {
      await deleteUser(user.id);
      onChanged(null);
    } catch (err) {
      onError(errorMessage(err));
    }
  }

  async function resetPassword(e: FormEvent) {
    e.preventDefault();
    if (password.length < PASSWORD_MIN) return onError(`The password must have at least ${PASSWORD_MIN} characters.`);
    if (await patch({ password })) {
      setPassword('');
      setResetting(false);
    }
  }

  return (
    <tr>
      <td>
        {user.username}
        {isSelf && <span className="badge">you</span>}
      </td>
      <td>
        <select aria-label={`Role of ${user.username}`} value={user.role} disabled={isSelf}
          onChange={(e) => patch({ role: e.target.value as Role })}>
          <option value="member">Member</option>
          <option value="admin">Admin</option>
        </select>
      </td>
      <td><Capabilities user={user} onChange={(capabilities) => patch({ capabilities })} /></td>
      <td>{user.disabled ? 'Disabled' : 'Active'}</td>
      <td>{formatDate(user.createdAt)}</td>
      <td className="actions">
        {!isSelf && (
          <button type="button" onClick={() => patch({ disabled: !user.disabled })}>
            {user.disabled ? 'Enable' : 'Disable'}
          </button>
        )}
        <button type="button" onClick={() => setResetting((r) => !r)} aria-expanded={resetting}>
          Set password
        </button>
        {!isSelf && (
          <button type="button" className="danger" onClick={remove} aria-label={`Delete user ${user.username}`}>
            Delete
          </button>
        )}
        {resetting && (
          <form className="inline-form" onSubmit={resetPassword} noValidate>
            <Field label={`New password for ${user.username}`} type="password" autoComplete="new-password"
              value={password} onChange={(e) => setPassword(e.target.value)} />
            <button type="submit" className="primary">Save</button>
          </form>
        )}
      </td>
    </tr>
  );
}

export function UsersPage({ me }: { me: User }) {
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<string | null>(null);

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
      <h2 id="users-title">Users</h2>
      <NewUserForm onCreated={load} />
      <ErrorMessage message={error} />
      {users === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr><th scope="col">Username</th><th scope="col">Role</th><th scope="col">Capabilities</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col"><span className="sr-only">Actions</span></th></tr>
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
