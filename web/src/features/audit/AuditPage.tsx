import { useCallback, useEffect, useState } from 'react';
import { errorMessage, listAudit } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { ErrorMessage, formatDate } from '../shared';

const PAGE = 50;

export function AuditPage() {
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<string | number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (before?: string | number | null) => {
    setLoading(true);
    try {
      const page = await listAudit(PAGE, before);
      setItems((old) => (before == null ? page.items : [...old, ...page.items]));
      setNextBefore(page.nextBefore ?? null);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card" aria-labelledby="audit-title">
      <div className="card-head">
        <h2 id="audit-title">Audit log</h2>
        <button type="button" onClick={() => load()} disabled={loading}>Refresh</button>
      </div>
      <ErrorMessage message={error} />
      {items.length === 0 && !loading ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">IP</th><th scope="col">Result</th><th scope="col">Detail</th></tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td>{formatDate(a.at)}</td>
                  <td>{a.actorUsername ?? a.actorUserId ?? '—'}</td>
                  <td className="mono">{a.action}</td>
                  <td>{a.target ?? '—'}</td>
                  <td className="mono">{a.ip ?? '—'}</td>
                  <td className={a.success ? 'ok' : 'fail'}>{a.success ? 'OK' : 'Failed'}</td>
                  <td>{a.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loading && <p className="muted">Loading…</p>}
      {nextBefore != null && !loading && (
        <button type="button" onClick={() => load(nextBefore)}>Load older entries</button>
      )}
    </section>
  );
}
