/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useState } from 'react';
import { errorMessage, getToolResult, imageUrl } from '../../api/client';
import type { Message, MessageBlock, ToolResultBlock } from '../../api/types';
import { CollapsedText } from './Collapsible';
import { CopyButton } from './CopyButton';
import { Markdown } from './Markdown';
import { useThread } from './context';
import { ToolCard } from './ToolCards';

export function Thinking({ text }: { text: string }) {
  return (
    <details className="thinking">
      <summary>Thinking</summary>
      <div className="thinking-body">{text}</div>
    </details>
  );
}

export function SlashCommand({ name, args }: { name: string; args: string }) {
  const shown = name.startsWith('/') ? name : `/${name}`;
  return (
    <span className="chip slash" title="Slash command">
      <span className="mono">{shown}</span>
      {args && <span className="chip-args">{args}</span>}
    </span>
  );
}

export function ImageView({ imageId, mediaType }: { imageId: string; mediaType?: string | null }) {
  const { sessionId } = useThread();
  const [failed, setFailed] = useState(false);
  if (failed) return <p className="muted">[image could not be loaded]</p>;
  return (
    <a href={imageUrl(sessionId, imageId)} target="_blank" rel="noopener noreferrer" className="image-link">
      <img src={imageUrl(sessionId, imageId)} alt={`Attached image${mediaType ? ` (${mediaType})` : ''}`} loading="lazy"
        decoding="async" onError={() => setFailed(true)} />
    </a>
  );
}

/** The output of a tool, with error styling and the full text on demand when it was cut. */
export function ToolResult({ result, seq, label = 'Output' }: { result: ToolResultBlock; seq: number; label?: string }) {
  const { sessionId } = useThread();
  const [full, setFull] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadFull() {
    setBusy(true);
    setError(null);
    try {
      setFull((await getToolResult(sessionId, result.toolUseId, seq)).content);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const content = full ?? result.content;
  const name = result.isError ? 'Error' : label;
  return (
    <div className={`tool-result${result.isError ? ' is-error' : ''}`}>
      <div className="tool-result-label">
        <span>{name}</span>
        {content && <CopyButton text={content} label={`Copy the ${name.toLowerCase()}`} />}
      </div>
      {content ? <CollapsedText text={content} what={name.toLowerCase()} render={(shown) => <pre className="output">{shown}</pre>} />
        : <p className="muted small-text">(no output)</p>}
      {result.truncated && full === null && (
        <div className="truncated">
          <span className="muted small-text">
            Showing {result.content.length.toLocaleString()} of {result.fullLength.toLocaleString()} characters.
          </span>
          <button type="button" className="small" onClick={() => void loadFull()} disabled={busy}>
            {busy ? 'Loading…' : 'Show full output'}
          </button>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}

export function Block({ block, role, seq }: { block: MessageBlock; role: Message['role']; seq: number }) {
  switch (block.type) {
    case 'text':
      return role === 'assistant' ? <Markdown text={block.text} /> : <div className="plain">{block.text}</div>;
    case 'thinking':
      return <Thinking text={block.text} />;
    case 'toolUse':
      return <ToolCard use={block} />;
    case 'toolResult':
      return <ToolResult result={block} seq={seq} label="Tool output" />;
    case 'image':
      return <ImageView imageId={block.imageId} mediaType={block.mediaType} />;
    case 'slashCommand':
      return <SlashCommand name={block.name} args={block.args} />;
    default:
      return null;
  }
}

const ROLE_LABEL: Record<Message['role'], string> = { user: 'You', assistant: 'Claude', system: 'System' };

/** What the CLI writes as a "user" message when a turn is interrupted: not something anyone typed. */
const INTERRUPTED = /^\[Request interrupted by user[^\]]*\]$/;

export function isInterruptNotice(message: Message): boolean {
  return message.role === 'user' && message.blocks.length > 0
    && message.blocks.every((b) => b.type === 'text' && INTERRUPTED.test(b.text.trim()));
}

export function MessageView({ message }: { message: Message }) {
  const time = message.timestamp ? new Date(message.timestamp) : null;
  if (isInterruptNotice(message)) {
    return (
      <p className="interrupt-notice muted small-text" role="note">
        <span aria-hidden="true">⏹ </span>Interrupted{/tool use/.test((message.blocks[0] as { text: string }).text) ? ' during a tool call' : ''}
        {time && !Number.isNaN(time.getTime()) && <time dateTime={message.timestamp ?? undefined}> · {time.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time>}
      </p>
    );
  }
  return (
    <article className={`message role-${message.role}${message.hidden ? ' is-hidden' : ''}${message.sidechain ? ' is-sidechain' : ''}`}
      aria-label={`${ROLE_LABEL[message.role]} message`}>
      <header className="message-head">
        <span className="who">{message.hidden ? `${ROLE_LABEL[message.role]} (system)` : ROLE_LABEL[message.role]}</span>
        {time && !Number.isNaN(time.getTime()) && (
          <time className="muted" dateTime={message.timestamp ?? undefined} title={time.toLocaleString()}>
            {time.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
          </time>
        )}
      </header>
      <div className="message-body">
        {message.blocks.map((b, i) => <Block key={i} block={b} role={message.role} seq={message.seq} />)}
      </div>
    </article>
  );
}
