/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useId, useState, type FormEvent } from 'react';
import { addMcpServer, type AddedMcpServer, type McpScope, type McpTransport } from '../../api/mcp';
import { errorMessage } from '../../api/client';
import { ErrorMessage, Field, fieldOf } from '../shared';
import { checkForm, emptyForm, toRequest, type FormError, type McpForm } from './mcpForm';
import { PairRows } from './PairRows';

export const SCOPES: [McpScope, string][] = [
  ['local', 'Only you, only in this project.'],
  ['project', 'Everyone in this project: written to .mcp.json in its folder; each person approves it once in the CLI.'],
  ['user', 'Only you, in all your projects.'],
];

const TRANSPORTS: [McpTransport, string][] = [
  ['stdio', 'stdio: a command started on the server'],
  ['http', 'HTTP: a URL'],
  ['sse', 'SSE: a URL (server-sent events)'],
];

/** Adds a server through `claude mcp add-json`; the secret values of env and headers are cleared once sent. */
export function McpAddForm({ projectId, onAdded }: { projectId: string; onAdded: (added: AddedMcpServer) => void }) {
  const [form, setForm] = useState<McpForm>(() => emptyForm());
  const [invalid, setInvalid] = useState<FormError>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const id = useId();
  const argsId = `${id}-args`;
  const pairsErrorId = `${id}-pairs-error`;
  const set = (change: Partial<McpForm>) => setForm((f) => ({ ...f, ...change }));
  const fieldError = (field: NonNullable<FormError>['field']) => (invalid?.field === field ? invalid.message : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    setError(null);
    const problem = checkForm(form);
    setInvalid(problem);
    if (problem) return;
    setBusy(true);
    try {
      const added = await addMcpServer(projectId, toRequest(form));
      // Nothing typed stays in the page after it was sent: the values are write-only.
      setForm(emptyForm(form.scope, form.transport));
      setDone(`Added “${added.name}” (${added.scope} scope).`);
      onAdded(added);
    } catch (err) {
      // The server's own words; a 400 naming one of the form's fields goes under it.
      const field = fieldOf(err);
      if (field === 'name' || field === 'command' || field === 'args' || field === 'env' || field === 'url' || field === 'headers') {
        setInvalid({ field, message: errorMessage(err) });
      } else {
        setError(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  }

  const pairsError = fieldError(form.transport === 'stdio' ? 'env' : 'headers');
  return (
    <form className="mcp-add" onSubmit={submit} noValidate aria-label="Add an MCP server">
      <Field label="Name" value={form.name} onChange={(e) => set({ name: e.target.value })} maxLength={64}
        spellCheck={false} autoComplete="off" placeholder="e.g. github" error={fieldError('name')}
        hint="Letters, digits, - and _." />
      <fieldset className="mcp-scopes">
        <legend>Scope</legend>
        {SCOPES.map(([scope, explanation]) => (
          <label key={scope} className="mcp-choice">
            <input type="radio" name={`${id}-scope`} value={scope} checked={form.scope === scope}
              onChange={() => set({ scope })} />
            <span><strong>{scope}</strong> <span className="muted">— {explanation}</span></span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-transport`}>Transport</label>
        <select id={`${id}-transport`} value={form.transport}
          onChange={(e) => set({ transport: e.target.value as McpTransport })}>
          {TRANSPORTS.map(([t, label]) => <option key={t} value={t}>{label}</option>)}
        </select>
      </div>
      {form.transport === 'stdio' ? (
        <>
          <Field label="Command" value={form.command} onChange={(e) => set({ command: e.target.value })} maxLength={1000}
            spellCheck={false} autoComplete="off" className="mono" placeholder="npx" error={fieldError('command')}
            hint="Run in the project folder, in your sandbox." />
          <div className="field">
            <label htmlFor={argsId}>Arguments (one per line)</label>
            <textarea id={argsId} className="mono" rows={3} value={form.args} spellCheck={false}
              placeholder={'-y\n@modelcontextprotocol/server-github'} onChange={(e) => set({ args: e.target.value })}
              aria-invalid={fieldError('args') ? true : undefined}
              aria-describedby={fieldError('args') ? `${argsId}-error` : undefined} />
            {fieldError('args') && <p id={`${argsId}-error`} className="error field-error" role="alert">{fieldError('args')}</p>}
          </div>
          <PairRows legend="Environment variables" what="variable" rows={form.env} onChange={(env) => set({ env })}
            invalid={!!pairsError} errorId={pairsErrorId} />
        </>
      ) : (
        <>
          <Field label="URL" type="url" value={form.url} onChange={(e) => set({ url: e.target.value })} maxLength={2048}
            spellCheck={false} autoComplete="off" className="mono" placeholder="https://mcp.example.com/mcp"
            error={fieldError('url')} />
          <PairRows legend="Headers" what="header" rows={form.headers} onChange={(headers) => set({ headers })}
            invalid={!!pairsError} errorId={pairsErrorId} />
        </>
      )}
      {pairsError && <p id={pairsErrorId} className="error field-error" role="alert">{pairsError}</p>}
      <p className="hint">Values of variables and headers are sent once and never shown again.</p>
      <ErrorMessage message={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Adding…' : 'Add server'}</button>
        {done && <span className="success" role="status">{done}</span>}
      </div>
    </form>
  );
}
