/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import type { ReactNode } from 'react';
import type { ToolUseBlock } from '../../api/types';
import { MessageView, ToolResult } from './Blocks';
import { CopyButton } from './CopyButton';
import { useThread } from './context';
import { Diff } from './Diff';
import { Markdown } from './Markdown';

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : JSON.stringify(v, null, 2));

function Card({ use, title, subtitle, children, resultLabel, hideResult }: {
  use: ToolUseBlock;
  title: ReactNode;
  subtitle?: ReactNode;
  children?: ReactNode;
  resultLabel?: string;
  hideResult?: boolean;
}) {
  const { results, running } = useThread();
  const result = results.get(use.id);
  const state = !result ? (running ? 'running' : 'pending') : result.block.isError ? 'error' : 'done';
  return (
    <section className={`tool-card tool-${use.name.toLowerCase()} state-${state}`} aria-label={`Tool call ${use.name}`}>
      <header className="tool-head">
        <span className="tool-name">{title}</span>
        {subtitle && <span className="tool-sub">{subtitle}</span>}
        {state === 'running' && <span className="badge"><span className="spinner" aria-hidden="true" /> running</span>}
        {state === 'pending' && <span className="badge" title="The transcript has no result for this call (interrupted or still running)">no result</span>}
        {state === 'error' && <span className="badge badge-error">error</span>}
      </header>
      {children && <div className="tool-body">{children}</div>}
      {result && (!hideResult || result.block.isError) && (
        <ToolResult result={result.block} seq={result.seq} label={resultLabel} />
      )}
    </section>
  );
}

function FilePath({ path }: { path: unknown }) {
  return <span className="mono file-path" title={str(path)}>{str(path)}</span>;
}

function BashCard({ use }: { use: ToolUseBlock }) {
  return (
    <Card use={use} title="Bash" subtitle={str(use.input.description) || undefined}>
      <div className="with-copy">
        <pre className="command"><span className="prompt" aria-hidden="true">$ </span>{str(use.input.command)}</pre>
        <CopyButton text={str(use.input.command)} label="Copy the command" />
      </div>
    </Card>
  );
}

function EditCard({ use }: { use: ToolUseBlock }) {
  const path = str(use.input.file_path);
  return (
    <Card use={use} title="Edit" subtitle={<FilePath path={path} />} hideResult>
      {use.input.replace_all === true && <span className="badge">all occurrences</span>}
      <Diff path={path} oldText={str(use.input.old_string)} newText={str(use.input.new_string)} />
    </Card>
  );
}

function MultiEditCard({ use }: { use: ToolUseBlock }) {
  const path = str(use.input.file_path);
  const edits = Array.isArray(use.input.edits) ? (use.input.edits as Record<string, unknown>[]) : [];
  return (
    <Card use={use} title="MultiEdit" subtitle={<><FilePath path={path} /> · {edits.length} {edits.length === 1 ? 'edit' : 'edits'}</>} hideResult>
      {edits.map((e, i) => (
        <Diff key={i} path={path} oldText={str(e.old_string)} newText={str(e.new_string)} />
      ))}
    </Card>
  );
}

function WriteCard({ use }: { use: ToolUseBlock }) {
  const path = str(use.input.file_path);
  return (
    <Card use={use} title="Write" subtitle={<FilePath path={path} />} hideResult>
      <Diff path={path} oldText="" newText={str(use.input.content)} />
    </Card>
  );
}

function ReadCard({ use }: { use: ToolUseBlock }) {
  const { offset, limit } = use.input;
  const range = typeof offset === 'number' || typeof limit === 'number'
    ? `lines ${typeof offset === 'number' ? offset : 1}${typeof limit === 'number' ? `–${(typeof offset === 'number' ? offset : 1) + limit - 1}` : '+'}`
    : null;
  return (
    <Card use={use} title="Read" subtitle={<><FilePath path={use.input.file_path} />{range && <span className="muted"> · {range}</span>}</>}
      resultLabel="File content" />
  );
}

type TodoStatus = 'pending' | 'in_progress' | 'completed';
const TODO_LABEL: Record<TodoStatus, string> = { pending: 'pending', in_progress: 'in progress', completed: 'completed' };

function TodoCard({ use }: { use: ToolUseBlock }) {
  const todos = Array.isArray(use.input.todos) ? (use.input.todos as Record<string, unknown>[]) : [];
  const done = todos.filter((t) => t.status === 'completed').length;
  return (
    <Card use={use} title="Todo list" subtitle={`${done} of ${todos.length} done`} hideResult>
      <ul className="todos" aria-label="Todo list">
        {todos.map((t, i) => {
          const status = (['pending', 'in_progress', 'completed'] as const).find((s) => s === t.status) ?? 'pending';
          const text = status === 'in_progress' && typeof t.activeForm === 'string' && t.activeForm ? t.activeForm : str(t.content);
          return (
            <li key={i} className={`todo todo-${status}`}>
              <span role="checkbox" aria-readonly="true" aria-label={str(t.content)}
                aria-checked={status === 'completed' ? 'true' : status === 'in_progress' ? 'mixed' : 'false'}
                className="todo-box">
                <span aria-hidden="true">{status === 'completed' ? '✓' : status === 'in_progress' ? '◐' : ''}</span>
              </span>
              <span className="todo-text">{text}</span>
              <span className="todo-status">{TODO_LABEL[status]}</span>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function TaskCard({ use }: { use: ToolUseBlock }) {
  const { children, results } = useThread();
  const sub = children.get(use.id) ?? [];
  const result = results.get(use.id);
  const agent = str(use.input.subagent_type) || 'subagent';
  return (
    <Card use={use} title={`Task · ${agent}`} subtitle={str(use.input.description) || undefined} hideResult>
      <details className="task-prompt">
        <summary>Prompt</summary>
        <div className="plain">{str(use.input.prompt)}</div>
      </details>
      {sub.length > 0 && (
        <details className="subagent">
          <summary>Subagent conversation ({sub.length} {sub.length === 1 ? 'message' : 'messages'})</summary>
          <div className="subagent-messages">
            {sub.map((m) => <MessageView key={m.seq} message={m} />)}
          </div>
        </details>
      )}
      {result && !result.block.isError && (
        <div className="task-answer">
          <div className="tool-result-label">Answer</div>
          <Markdown text={result.block.content} />
        </div>
      )}
    </Card>
  );
}

function GenericCard({ use }: { use: ToolUseBlock }) {
  const input = Object.keys(use.input).length ? JSON.stringify(use.input, null, 2) : null;
  return (
    <Card use={use} title={use.name || 'Tool'}>
      {input && <pre className="tool-input">{input}</pre>}
    </Card>
  );
}

export function ToolCard({ use }: { use: ToolUseBlock }) {
  switch (use.name) {
    case 'Bash':
      return <BashCard use={use} />;
    case 'Edit':
      return <EditCard use={use} />;
    case 'MultiEdit':
      return <MultiEditCard use={use} />;
    case 'Write':
      return <WriteCard use={use} />;
    case 'Read':
      return <ReadCard use={use} />;
    case 'TodoWrite':
      return <TodoCard use={use} />;
    case 'Task':
    case 'Agent':
      return <TaskCard use={use} />;
    default:
      return <GenericCard use={use} />;
  }
}
