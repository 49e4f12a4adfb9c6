import { useCallback, useState, type FormEvent } from 'react';
import { createApiKey, deleteApiKey, errorMessage, listApiKeys } from '../../api/client';
import type { ApiKey, CreatedApiKey } from '../../api/types';
import { ErrorMessage, Field, formatDate } from '../shared';
import { useLoad } from '../useLoad';
import { useStrings } from '../../i18n/catalog';
import { apiKeysStrings } from './strings';

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
  const t = useStrings(apiKeysStrings);
  return (
    <div className="secret" role="status" aria-live="polite">
      <p>
        <strong>{t.keyCreated(created.name)}</strong>{t.copyNow}
      </p>
      <div className="secret-row">
        <input className="mono" readOnly aria-label={t.secretLabel} value={created.secret}
          onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={async () => setCopied((await copyText(created.secret)) ? 'yes' : 'no')}>
          {t.copy}
        </button>
      </div>
      {copied === 'yes' && <small>{t.copied}</small>}
      {copied === 'no' && <small>{t.notCopied}</small>}
      <button type="button" className="link" onClick={onDismiss}>
        {t.done}
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
  const t = useStrings(apiKeysStrings);

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
    if (!name.trim()) return setError(t.nameMissing);
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
    if (!window.confirm(t.confirmDelete(key.name))) return;
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
      <h2 id="keys-title">{t.title}</h2>
      <p className="muted">
        {t.introBefore}<code>{'X-API-Key'}</code>{t.introAfter}
      </p>
      <form className="inline-form" onSubmit={create} noValidate>
        <Field label={t.nameLabel} required maxLength={100} value={name}
          onChange={(e) => setName(e.target.value)} placeholder={t.namePlaceholder} />
        <button type="submit" className="primary" disabled={busy}>
          {t.create}
        </button>
      </form>
      <ErrorMessage message={error} />
      {created && <NewSecret created={created} onDismiss={() => setCreated(null)} />}
      {keys === null ? (
        <p className="muted">{t.loading}</p>
      ) : keys.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr><th scope="col">{t.name}</th><th scope="col">{t.prefix}</th><th scope="col">{t.created}</th><th scope="col">{t.lastUsed}</th><th scope="col"><span className="sr-only">{t.actions}</span></th></tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td className="mono">{k.prefix}…</td>
                  <td>{formatDate(k.createdAt)}</td>
                  <td>{k.lastUsedAt ? formatDate(k.lastUsedAt) : t.never}</td>
                  <td>
                    <button type="button" className="danger" onClick={() => remove(k)} aria-label={t.deleteKey(k.name)}>
                      {t.delete}
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
