import type { ReactNode } from 'react';
import type { ToolUseBlock } from '../../api/types';
import { MessageView, ToolResult } from './Blocks';
import { CopyButton } from './CopyButton';
import { useThread } from './context';
import { Diff } from './Diff';
import { Markdown } from './Markdown';
import { useStrings } from '../../i18n/catalog';
import { toolCardStrings } from './ToolCards.strings';

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : JSON.stringify(v, null, 2));

function Card({ use, title, subtitle, children, resultLabel, hideResult }: {
  use: ToolUseBlock;
  title: ReactNode;
  subtitle?: ReactNode;
  children?: ReactNode;
  resultLabel?: string;
  hideResult?: boolean;
}) {
  const t = useStrings(toolCardStrings);
  const { results, running } = useThread();
  const result = results.get(use.id);
  const state = !result ? (running ? 'running' : 'pending') : result.block.isError ? 'error' : 'done';
  return (
    <section className={`tool-card tool-${use.name.toLowerCase()} state-${state}`} aria-label={t.toolCall(use.name)}>
      <header className="tool-head">
        <span className="tool-name">{title}</span>
        {subtitle && <span className="tool-sub">{subtitle}</span>}
        {state === 'running' && <span className="badge"><span className="spinner" aria-hidden="true" /> {t.running}</span>}
        {state === 'pending' && <span className="badge" title={t.noResultTitle}>{t.noResult}</span>}
        {state === 'error' && <span className="badge badge-error">{t.error}</span>}
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
  const t = useStrings(toolCardStrings);
  return (
    <Card use={use} title={'Bash'} subtitle={str(use.input.description) || undefined}>
      <div className="with-copy">
        <pre className="command"><span className="prompt" aria-hidden="true">$ </span>{str(use.input.command)}</pre>
        <CopyButton text={str(use.input.command)} label={t.copyCommand} />
      </div>
    </Card>
  );
}

function EditCard({ use }: { use: ToolUseBlock }) {
  const t = useStrings(toolCardStrings);
  const path = str(use.input.file_path);
  return (
    <Card use={use} title={'Edit'} subtitle={<FilePath path={path} />} hideResult>
      {use.input.replace_all === true && <span className="badge">{t.allOccurrences}</span>}
      <Diff path={path} oldText={str(use.input.old_string)} newText={str(use.input.new_string)} />
    </Card>
  );
}

function MultiEditCard({ use }: { use: ToolUseBlock }) {
  const t = useStrings(toolCardStrings);
  const path = str(use.input.file_path);
  const edits = Array.isArray(use.input.edits) ? (use.input.edits as Record<string, unknown>[]) : [];
  return (
    <Card use={use} title={'MultiEdit'} subtitle={<><FilePath path={path} /> · {t.edits(edits.length)}</>} hideResult>
      {edits.map((e, i) => (
        <Diff key={i} path={path} oldText={str(e.old_string)} newText={str(e.new_string)} />
      ))}
    </Card>
  );
}

function WriteCard({ use }: { use: ToolUseBlock }) {
  const path = str(use.input.file_path);
  return (
    <Card use={use} title={'Write'} subtitle={<FilePath path={path} />} hideResult>
      <Diff path={path} oldText="" newText={str(use.input.content)} />
    </Card>
  );
}

function ReadCard({ use }: { use: ToolUseBlock }) {
  const t = useStrings(toolCardStrings);
  const { offset, limit } = use.input;
  const start = typeof offset === 'number' ? offset : 1;
  const range = typeof offset === 'number' || typeof limit === 'number'
    ? t.lines(start, typeof limit === 'number' ? start + limit - 1 : null)
    : null;
  return (
    <Card use={use} title={'Read'} subtitle={<><FilePath path={use.input.file_path} />{range && <span className="muted"> · {range}</span>}</>}
      resultLabel={t.fileContent} />
  );
}

type TodoStatus = 'pending' | 'in_progress' | 'completed';
const TODO_KEY = { pending: 'todoPending', in_progress: 'todoInProgress', completed: 'todoCompleted' } as const satisfies Record<TodoStatus, string>;

function TodoCard({ use }: { use: ToolUseBlock }) {
  const t = useStrings(toolCardStrings);
  const todos = Array.isArray(use.input.todos) ? (use.input.todos as Record<string, unknown>[]) : [];
  const done = todos.filter((todo) => todo.status === 'completed').length;
  return (
    <Card use={use} title={t.todoList} subtitle={t.doneOf(done, todos.length)} hideResult>
      <ul className="todos" aria-label={t.todoList}>
        {todos.map((todo, i) => {
          const status = (['pending', 'in_progress', 'completed'] as const).find((s) => s === todo.status) ?? 'pending';
          const text = status === 'in_progress' && typeof todo.activeForm === 'string' && todo.activeForm ? todo.activeForm : str(todo.content);
          return (
            <li key={i} className={`todo todo-${status}`}>
              <span role="checkbox" aria-readonly="true" aria-label={str(todo.content)}
                aria-checked={status === 'completed' ? 'true' : status === 'in_progress' ? 'mixed' : 'false'}
                className="todo-box">
                <span aria-hidden="true">{status === 'completed' ? '✓' : status === 'in_progress' ? '◐' : ''}</span>
              </span>
              <span className="todo-text">{text}</span>
              <span className="todo-status">{t[TODO_KEY[status]]}</span>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function TaskCard({ use }: { use: ToolUseBlock }) {
  const t = useStrings(toolCardStrings);
  const { children, results } = useThread();
  const sub = children.get(use.id) ?? [];
  const result = results.get(use.id);
  const agent = str(use.input.subagent_type) || t.subagent;
  return (
    <Card use={use} title={`Task · ${agent}`} subtitle={str(use.input.description) || undefined} hideResult>
      <details className="task-prompt">
        <summary>{t.prompt}</summary>
        <div className="plain">{str(use.input.prompt)}</div>
      </details>
      {sub.length > 0 && (
        <details className="subagent">
          <summary>{t.subagentConversation(sub.length)}</summary>
          <div className="subagent-messages">
            {sub.map((m) => <MessageView key={m.seq} message={m} />)}
          </div>
        </details>
      )}
      {result && !result.block.isError && (
        <div className="task-answer">
          <div className="tool-result-label">{t.answer}</div>
          <Markdown text={result.block.content} />
        </div>
      )}
    </Card>
  );
}

function GenericCard({ use }: { use: ToolUseBlock }) {
  const t = useStrings(toolCardStrings);
  const input = Object.keys(use.input).length ? JSON.stringify(use.input, null, 2) : null;
  return (
    <Card use={use} title={use.name || t.tool}>
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
