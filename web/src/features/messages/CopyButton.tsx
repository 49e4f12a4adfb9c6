import { useEffect, useState } from 'react';
import { useStrings } from '../../i18n/catalog';
import { messagesStrings } from './strings';

/**
 * Copies text to the clipboard; falls back to a hidden text area where the Clipboard API is
 * missing (it needs a secure context, and a self-hosted server may be plain HTTP on a LAN).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // try the old way below
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'copy-buffer';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** A small "Copy" button; says "Copied" for a moment (and to screen readers). */
export function CopyButton({ text, label }: { text: string | (() => string); label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const t = useStrings(messagesStrings);
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button type="button" className="copy-button small" aria-label={label} title={label}
      onClick={() => void copyText(typeof text === 'function' ? text() : text).then((ok) => setState(ok ? 'copied' : 'failed'))}>
      <span aria-hidden="true">{state === 'copied' ? t.copiedMark : state === 'failed' ? t.copyFailed : t.copy}</span>
      <span className="sr-only" role="status">{state === 'copied' ? t.copied : state === 'failed' ? t.copyFailed : ''}</span>
    </button>
  );
}
