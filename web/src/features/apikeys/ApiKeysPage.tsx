/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useCallback, useState, type FormEvent } from 'react';
import { createApiKey, deleteApiKey, errorMessage, listApiKeys } from '../../api/client';
import type { ApiKey, CreatedApiKey } from '../../api/types';
import { ErrorMessage, Field, formatDate } from '../shared';
import { useLoad } from '../useLoad';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function NewSecret({ created, onDismiss }: { created: CreatedApiKey; onDismiss: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  return (
    <div className="secret" role="status" aria-live="polite">
      <p>
        <strong>Key “{created.name}” created.</strong> Copy the secret now: it will not be shown again.
      </p>
      <div className="secret-row">
        <input className="mono" readOnly aria-label="New API key secret" value={created.secret}
          onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={async () => setCopied((await copyText(created.secret)) ? 'yes' : 'no')}>
          Copy
        </button>
      </div>
      {copied === 'yes' && <small>Copied to the clipboard.</small>}
      {copied === 'no' && <small>Could not copy: select the text and copy it by hand.</small>}
      <button type="button" className="link" onClick={onDismiss}>
        Done
      </button>
    </div>
  );
}

export function ApiKeysPage() {
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setKeys(await listApiKeys());
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);

  useLoad(load);

  async function create(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setError('Give the key a name.');
    setError(null);
    setBusy(true);
    try {
      setCreated(await createApiKey(name.trim()));
      setName('');
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove(key: ApiKey) {
    if (!window.confirm(`Delete the API key “${key.name}”? Programs using it will stop working.`)) return;
    setError(null);
    try {
      await deleteApiKey(key.id);
      setKeys((ks) => ks?.filter((k) => k.id !== key.id) ?? null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <section className="card" aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <p className="muted">
        Keys let scripts call the API with the <code>X-API-Key</code> header. They act as you.
      </p>
      <form className="inline-form" onSubmit={create} noValidate>
        <Field label="Name of the new key" required maxLength={100} value={name}
          onChange={(e) => setName(e.target.value)} placeholder="e.g. CI pipeline" />
        <button type="submit" className="primary" disabled={busy}>
          Create key
        </button>
      </form>
      <ErrorMessage message={error} />
      {created && <NewSecret created={created} onDismiss={() => setCreated(null)} />}
      {keys === null ? (
        <p className="muted">Loading…</p>
      ) : keys.length === 0 ? (
        <p className="muted">No API keys yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col"><span className="sr-only">Actions</span></th></tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td className="mono">{k.prefix}…</td>
                  <td>{formatDate(k.createdAt)}</td>
                  <td>{k.lastUsedAt ? formatDate(k.lastUsedAt) : 'Never'}</td>
                  <td>
                    <button type="button" className="danger" onClick={() => remove(k)} aria-label={`Delete key ${k.name}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
