import { useEffect, useMemo, useRef } from 'react';
import { Marked, type Tokens } from 'marked';
import { copyText } from './CopyButton';
import { useStrings } from '../../i18n/catalog';
import { messagesStrings } from './strings';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Only web, mail and in-page links; anything else (javascript:, data:, …) is dropped. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  if (/^(https?:|mailto:)/i.test(h) || h.startsWith('#')) return h;
  if (/^[a-z][a-z0-9+.-]*:/i.test(h)) return null;
  return h.startsWith('//') ? null : h;
}

/**
 * Markdown as the model writes it. Raw HTML in the text is shown as text (never parsed),
 * links open in a new tab, and remote images are shown as links (no request leaves the page).
 */
const markdown = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link(token: Tokens.Link) {
      const inner = this.parser.parseInline(token.tokens);
      const href = safeHref(token.href);
      if (!href) return inner;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(href)}"${title} target="_blank" rel="noopener noreferrer nofollow">${inner}</a>`;
    },
    image(token: Tokens.Image) {
      const href = safeHref(token.href);
      const label = escapeHtml(token.text || 'image');
      return href
        ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer nofollow">[image: ${label}]</a>`
        : `[image: ${label}]`;
    },
  },
});

/** Rendered HTML by text: rows of a long session mount again and again as they scroll into view. */
const rendered = new Map<string, string>();
const MAX_RENDERED = 600;

export function renderMarkdown(text: string): string {
  let html = rendered.get(text);
  if (html === undefined) {
    html = markdown.parse(text, { async: false });
    if (rendered.size >= MAX_RENDERED) rendered.delete(rendered.keys().next().value!);
    rendered.set(text, html);
  }
  return html;
}

export function Markdown({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  const root = useRef<HTMLDivElement>(null);
  // The buttons are made again, in the new words, when the language changes.
  const t = useStrings(messagesStrings);

  // A copy button on each code block (the HTML is the renderer's: the buttons are added to it).
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const added: HTMLButtonElement[] = [];
    for (const pre of Array.from(el.querySelectorAll('pre'))) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy-button small code-copy';
      button.textContent = t.copy;
      button.setAttribute('aria-label', t.copyCode);
      button.addEventListener('click', () => {
        void copyText(pre.querySelector('code')?.textContent ?? pre.textContent ?? '').then((ok) => {
          button.textContent = ok ? t.copiedMark : t.copyFailed;
          setTimeout(() => { button.textContent = t.copy; }, 1500);
        });
      });
      pre.classList.add('has-copy');
      pre.appendChild(button);
      added.push(button);
    }
    return () => added.forEach((b) => b.remove());
  }, [html, t]);

  useEffect(() => {
    const el = root.current;
    if (!el || !el.querySelector('pre code')) return;
    let live = true;
    let idle: number | undefined;
    // Colours can wait: while the reader scrolls, the frame goes to showing the rows.
    void import('./highlight').then((m) => {
      if (!live) return;
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(() => live && m.highlightCodeBlocks(el), { timeout: 400 });
      else m.highlightCodeBlocks(el);
    });
    return () => {
      live = false;
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [html]);

  return <div ref={root} className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
