import type { StartRun } from '../../api/runs';
import { stringsNow } from '../../i18n/catalog';
import { currentLanguage } from '../../i18n/current';
import { composerStrings } from './Composer.strings';

/** A PDF or a text file as `POST /api/runs` takes it in `attachments`. */
export type DocumentInput = NonNullable<StartRun['attachments']>[number];

export interface DocumentAttachment extends DocumentInput {
  /** Decoded size in bytes, shown on the chip. */
  size: number;
}

/** The server's limits (docs/api.md, "Attachments beyond images"). */
export const MAX_PDF_BYTES = 5 * 1024 * 1024;
export const MAX_TEXT_BYTES = 1024 * 1024;

const TEXT_TYPES = ['text/plain', 'text/markdown', 'text/x-markdown', 'text/csv', 'application/json', 'text/tab-separated-values'];
/** The server's list: browsers declare source files as nothing or nonsense (`.ts` as video/mp2t). */
const TEXT_EXTENSIONS = new Set(('txt md markdown csv tsv json jsonl ndjson yaml yml toml xml html htm css scss less js mjs cjs jsx ts mts '
  + 'cts tsx vue svelte java kt kts scala groovy gradle py rb go rs c h cc cpp cxx hpp cs swift m php pl sh bash zsh fish ps1 sql r '
  + 'lua dart ex exs erl hs clj ml properties ini cfg conf log diff patch tex rst adoc proto graphql gql tf hcl dockerfile mk cmake '
  + 'lock svg').split(' '));
const TEXT_NAMES = new Set(['dockerfile', 'makefile', 'readme', 'license', 'changelog', 'gemfile', 'rakefile', 'procfile', 'jenkinsfile']);

/** What the file picker offers besides images. */
export const DOCUMENT_ACCEPT = ['application/pdf', '.pdf', ...TEXT_TYPES, ...[...TEXT_EXTENSIONS].map((e) => `.${e}`)].join(',');

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function documentKind(file: File): 'pdf' | 'text' | null {
  const type = file.type.split(';')[0].trim().toLowerCase();
  const ext = extension(file.name);
  if (type === 'application/pdf' || ext === 'pdf') return 'pdf';
  if (TEXT_TYPES.includes(type) || TEXT_EXTENSIONS.has(ext) || TEXT_NAMES.has(file.name.toLowerCase())
    || (type.startsWith('text/') && ext === '')) return 'text';
  return null;
}

/** "1.2 MB", "3 KB", "512 bytes": the size on a chip. */
export function formatSize(bytes: number): string {
  const lang = currentLanguage();
  if (bytes >= 1024 * 1024) return `${new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return stringsNow(composerStrings).sizeBytes(String(bytes));
}

function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsArrayBuffer(file);
  });
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Why the server would refuse the file's bytes, or null: said here before the upload. */
function bytesProblem(kind: 'pdf' | 'text', bytes: Uint8Array): string | null {
  const t = stringsNow(composerStrings);
  if (kind === 'pdf') {
    return String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-' ? null : t.notPdf;
  }
  if (bytes.length === 0) return t.empty;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return t.notUtf8;
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/.test(text) ? t.binary : null;
}

/**
 * Reads PDFs and text files for `attachments`; the rest is reported (as the server would refuse
 * it: wrong type, too large, bytes that do not match), so nothing is uploaded only to be refused.
 */
export async function readDocuments(files: File[]): Promise<{ documents: DocumentAttachment[]; refused: string[] }> {
  const documents: DocumentAttachment[] = [];
  const refused: string[] = [];
  const t = stringsNow(composerStrings);
  for (const f of files) {
    const name = f.name || t.someFile;
    const kind = documentKind(f);
    if (!kind) {
      refused.push(t.notAttachable(name));
      continue;
    }
    const max = kind === 'pdf' ? MAX_PDF_BYTES : MAX_TEXT_BYTES;
    if (f.size > max) {
      refused.push(t.tooLarge(name, formatSize(max), kind === 'pdf'));
      continue;
    }
    const bytes = await readBytes(f);
    const problem = bytesProblem(kind, bytes);
    if (problem) refused.push(`${name}: ${problem}`);
    else documents.push({ name, mediaType: f.type, data: base64(bytes), size: bytes.length });
  }
  return { documents, refused };
}
