import { useEffect, useId, useRef, useState, type ClipboardEvent, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import type { StartRun } from '../../api/runs';
import { offerNotificationsOnce } from '../notify/notify';
import { useChatStore } from './ChatContext';
import { readDraft, saveDraft } from './draft';
import { CompletionList } from './CompletionList';
import { fileSuggestions, slashSuggestions, tokenAt, type Suggestion } from './completion';
import { DOCUMENT_ACCEPT, formatSize, readDocuments, type DocumentAttachment } from './documents';
import { IMAGE_TYPES, MAX_IMAGES, readImages, type Attachment } from './images';
import { stringsNow, useStrings } from '../../i18n/catalog';
import { composerStrings } from './Composer.strings';

const MODEL_ALIASES = ['sonnet', 'opus', 'haiku'];
/** The CLI's `--effort` levels (the server refuses any other). */
type Effort = NonNullable<StartRun['effort']>;
const EFFORTS: Effort[] = ['low', 'medium', 'high', 'xhigh', 'max'];
/** What `--permission-mode` takes (dontAsk refuses every prompt: of little use from a browser). */
type PermissionMode = NonNullable<StartRun['permissionMode']>;
const PERMISSION_MODES: PermissionMode[] = ['default', 'acceptEdits', 'plan', 'bypassPermissions'];
/** Each option says what it is, even where the field's label is hidden (phones). */
const MODE_LABEL: Partial<Record<PermissionMode, 'modeDefault' | 'modeAcceptEdits' | 'modePlan' | 'modeBypass'>> = {
  default: 'modeDefault',
  acceptEdits: 'modeAcceptEdits',
  plan: 'modePlan',
  bypassPermissions: 'modeBypass',
};
/** The message box grows with what is typed up to this many pixels, then scrolls. */
const MAX_INPUT_PX = 240;
const FILE_QUERY_DELAY_MS = 120;

function sendError(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 429 || err.code === 'RATE_LIMITED') {
      return stringsNow(composerStrings).tooManyRuns(err.retryAfter ?? null, err.message);
    }
    if (err.code === 'RUN_ACTIVE') return stringsNow(composerStrings).runActive;
  }
  return errorMessage(err);
}

/** Where the user types a prompt: models, permission modes, images, PDFs and text files, slash commands and @files. */
export function Composer({ chatKey, projectId, sessionId, activeRunId, models, slashCommands = [], cliMode = null, onSent, autoFocus,
  waiting = 0, forkFrom }: {
  chatKey: string;
  projectId: string;
  sessionId: string | null;
  activeRunId: string | null;
  /** Models seen in the session, offered next to the aliases. */
  models: string[];
  /** Commands the CLI announced for this session (its own and the project's), besides the built-ins. */
  slashCommands?: string[];
  /** The permission mode the session's CLI last reported: an approved plan changes it. */
  cliMode?: string | null;
  onSent?: (sessionId: string) => void;
  autoFocus?: boolean;
  /** Messages already waiting in the session's queue: a new one goes behind them. */
  waiting?: number;
  /** The session a new chat forks: sent with the first message. */
  forkFrom?: string;
}) {
  const store = useChatStore();
  const t = useStrings(composerStrings);
  const [text, setText] = useState(() => readDraft(projectId, sessionId));
  useEffect(() => saveDraft(projectId, sessionId, text), [projectId, sessionId, text]);
  const [images, setImages] = useState<Attachment[]>([]);
  const [documents, setDocuments] = useState<DocumentAttachment[]>([]);
  const [model, setModel] = useState('');
  const [effort, setEffort] = useState<Effort | ''>('');
  const [mode, setMode] = useState<PermissionMode>('default');
  // The choice follows the CLI when the CLI changes (a plan approved with edits accepted): a next
  // message sent with the old choice would quietly put the session back into plan mode.
  const [seenCliMode, setSeenCliMode] = useState(cliMode);
  if (cliMode !== seenCliMode) {
    setSeenCliMode(cliMode);
    const known = PERMISSION_MODES.find((m) => m === cliMode);
    if (known) setMode(known);
  }
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<{ kind: 'slash' | 'file'; start: number; items: Suggestion[] } | null>(null);
  const [active, setActive] = useState(0);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const query = useRef(0);
  const listId = useId();
  const running = activeRunId !== null;
  // A continued session takes a message while Claude works: it waits in the session's queue.
  const queueing = sessionId !== null && (running || waiting > 0);
  const blocked = running && !queueing;
  const [focused, setFocused] = useState(false);
  const errorId = useId();

  // One line until used; then as tall as what is typed.
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.style.height = 'auto';
    if (text) el.style.height = `${Math.min(MAX_INPUT_PX, el.scrollHeight + 2)}px`;
  }, [text]);

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  // Suggestions follow the token at the caret; a slower file answer never replaces a newer one.
  function suggest(value: string, caret: number) {
    const token = tokenAt(value, caret);
    const id = ++query.current;
    if (!token) return setSuggestions(null);
    if (token.kind === 'slash') {
      const items = slashSuggestions(token.query, slashCommands);
      setActive(0);
      return setSuggestions(items.length ? { kind: 'slash', start: token.start, items } : null);
    }
    setTimeout(() => {
      if (id !== query.current) return;
      fileSuggestions(projectId, token.query)
        .then((items) => {
          if (id !== query.current) return;
          setActive(0);
          setSuggestions(items.length ? { kind: 'file', start: token.start, items } : null);
        })
        .catch(() => id === query.current && setSuggestions(null));
    }, FILE_QUERY_DELAY_MS);
  }

  function pick(s: Suggestion) {
    const el = input.current;
    if (!el || !suggestions) return;
    const caret = el.selectionStart ?? text.length;
    const folder = s.value.endsWith('/');
    const insert = folder ? s.value : `${s.value} `;
    const next = text.slice(0, suggestions.start) + insert + text.slice(caret);
    const pos = suggestions.start + insert.length;
    setText(next);
    setSuggestions(null);
    query.current++;
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(pos, pos);
      // Picking a folder goes on listing inside it.
      if (folder) suggest(next, pos);
    });
  }

  /** Images become thumbnails, PDFs and text files chips; at most MAX_IMAGES files in all, as the server takes. */
  async function addFiles(files: File[]) {
    if (files.length === 0) return;
    const isImage = (f: File) => (IMAGE_TYPES as readonly string[]).includes(f.type);
    const { images: readImgs, refused: refusedImgs } = await readImages(files.filter(isImage));
    const { documents: readDocs, refused: refusedDocs } = await readDocuments(files.filter((f) => !isImage(f)));
    const room = Math.max(0, MAX_IMAGES - images.length - documents.length);
    const keptImages = readImgs.slice(0, room);
    const keptDocs = readDocs.slice(0, room - keptImages.length);
    setImages((old) => [...old, ...keptImages]);
    setDocuments((old) => [...old, ...keptDocs]);
    const refused = [...refusedImgs, ...refusedDocs];
    const problems = readImgs.length + readDocs.length > room ? [...refused, t.atMostFiles(MAX_IMAGES)] : refused;
    if (problems.length) setError(problems.join(' '));
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const prompt = text.trim();
    if (!store || sending || blocked || (!prompt && images.length === 0 && documents.length === 0)) return;
    setSending(true);
    setError(null);
    setSuggestions(null);
    offerNotificationsOnce();
    try {
      const sid = await store.send({
        key: chatKey, projectId, sessionId, prompt: text, images, documents,
        model: model || undefined, effort: effort || undefined, permissionMode: mode === 'default' ? undefined : mode,
        queue: queueing, forkFrom: sessionId === null ? forkFrom : undefined,
      });
      setText('');
      // Now, not from the effect: a new session's view is left for the session's own page in the
      // same render, and its effect would never run, leaving the sent prompt as the next new
      // session's draft.
      saveDraft(projectId, sessionId, '');
      setImages([]);
      setDocuments([]);
      onSent?.(sid);
    } catch (err) {
      // The prompt stays in the box so nothing typed is lost.
      setError(sendError(err));
    } finally {
      setSending(false);
    }
  }

  async function interrupt() {
    if (!store || !activeRunId) return;
    try {
      await store.interrupt(activeRunId);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.nativeEvent.isComposing) return;
    if (suggestions) {
      const n = suggestions.items.length;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
        return;
      }
      if ((e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey) || e.key === 'Tab') {
        e.preventDefault();
        pick(suggestions.items[Math.min(active, n - 1)]);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setSuggestions(null);
        query.current++;
        return;
      }
    }
    if (e.key === 'Enter' && (!e.shiftKey || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape' && running) {
      e.preventDefault();
      e.stopPropagation();
      void interrupt();
    }
  }

  function onPaste(e: ClipboardEvent) {
    const files = Array.from(e.clipboardData.files ?? []);
    if (files.length === 0) return;
    e.preventDefault();
    void addFiles(files);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    void addFiles(Array.from(e.dataTransfer.files ?? []));
  }

  const modelOptions = Array.from(new Set([...MODEL_ALIASES, ...models.filter(Boolean)]));
  const activeId = suggestions ? `${listId}-${Math.min(active, suggestions.items.length - 1)}` : undefined;

  const expanded = focused || text.length > 0 || images.length > 0 || documents.length > 0 || model !== '' || effort !== '' || mode !== 'default';
  return (
    <form className={`composer${dragging ? ' dragging' : ''}${expanded ? ' expanded' : ''}`} onSubmit={(e) => void submit(e)}
      aria-label={t.composer}
      // Only the message box and the options open the options: a click on Send or Interrupt must
      // not move the button it lands on (the options appear above the box, which stays put).
      onFocus={(e) => { const target = e.target as Element; if (target === input.current || target.closest('.composer-bar')) setFocused(true); }}
      onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false); }}
      onDragOver={(e) => { if (e.dataTransfer.types.includes('Files')) { e.preventDefault(); setDragging(true); } }}
      onDragLeave={() => setDragging(false)} onDrop={onDrop}>
      {error && <p className="error" role="alert" id={errorId}>{error}</p>}
      {images.length > 0 && (
        <ul className="thumbs" aria-label={t.imagesToSend}>
          {images.map((img, i) => (
            <li key={i}>
              <img src={img.preview} alt={img.name} />
              <button type="button" className="icon thumb-remove" aria-label={t.removeFile(img.name)}
                onClick={() => setImages((old) => old.filter((_, j) => j !== i))}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {documents.length > 0 && (
        <ul className="file-chips" aria-label={t.filesToSend}>
          {documents.map((doc, i) => (
            <li key={i} className="file-chip">
              <span className="file-chip-name" title={doc.name}>{doc.name}</span>
              <span className="muted small-text">{formatSize(doc.size)}</span>
              <button type="button" className="icon" aria-label={t.removeFile(doc.name)}
                onClick={() => setDocuments((old) => old.filter((_, j) => j !== i))}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="composer-bar">
        <label className="inline-field">
          <span>{t.model}</span>
          <select value={model} onChange={(e) => setModel(e.target.value)}>
            <option value="">{t.defaultModel}</option>
            {modelOptions.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
        <label className="inline-field">
          <span>{t.effort}</span>
          <select value={effort} onChange={(e) => setEffort(EFFORTS.find((x) => x === e.target.value) ?? '')}>
            <option value="">{t.defaultEffort}</option>
            {EFFORTS.map((x) => <option key={x} value={x}>{t.effortOption(x)}</option>)}
          </select>
        </label>
        <label className="inline-field">
          <span>{t.permissionMode}</span>
          <select value={mode} onChange={(e) => setMode(PERMISSION_MODES.find((m) => m === e.target.value) ?? 'default')}>
            {PERMISSION_MODES.map((m) => <option key={m} value={m}>{MODE_LABEL[m] ? t[MODE_LABEL[m]] : m}</option>)}
          </select>
        </label>
        <button type="button" className="small" onClick={() => fileInput.current?.click()}
          title={t.attachTitle}>{t.attachFiles}</button>
        <span className="muted small-text composer-tip">{t.tipType} <kbd>/</kbd> {t.tipCommands} <kbd>@</kbd> {t.tipFiles}</span>
        <input ref={fileInput} type="file" accept={`${IMAGE_TYPES.join(',')},${DOCUMENT_ACCEPT}`} multiple hidden
          aria-label={t.filesToAttach} onChange={(e) => { void addFiles(Array.from(e.target.files ?? [])); e.target.value = ''; }} />
      </div>
      <div className="composer-main">
        <div className="composer-box">
          {suggestions && (
            <CompletionList id={listId} label={suggestions.kind === 'slash' ? t.slashCommands : t.files} items={suggestions.items}
              active={active} onPick={pick} />
          )}
          <textarea ref={input} aria-label={t.messageClaude} rows={1} value={text} placeholder={t.messagePlaceholder}
            aria-controls={suggestions ? listId : undefined} aria-activedescendant={activeId} aria-autocomplete="list"
            aria-keyshortcuts="Enter Control+Enter Escape" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}
            onChange={(e) => { setText(e.target.value); suggest(e.target.value, e.target.selectionStart ?? e.target.value.length); }}
            onKeyDown={onKeyDown} onPaste={onPaste} onBlur={() => setSuggestions(null)} />
        </div>
        {running && <button type="button" className="danger" onClick={() => void interrupt()} aria-keyshortcuts="Escape">{t.interrupt}</button>}
        <button type="submit" className="primary" aria-busy={sending} disabled={!store || sending || blocked || (!text.trim() && images.length === 0 && documents.length === 0)}
          aria-keyshortcuts="Enter" title={queueing ? t.queueTitle : undefined}>
          {queueing ? t.queue : t.send}
        </button>
      </div>
    </form>
  );
}
