// Loaded on demand (dynamic import) the first time a code block is on screen.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

const languages = { bash, css, diff, go, java, javascript, json, python, rust, sql, typescript, xml, yaml };
for (const [name, lang] of Object.entries(languages)) hljs.registerLanguage(name, lang);
hljs.registerAliases(['sh', 'shell', 'zsh', 'console'], { languageName: 'bash' });
hljs.registerAliases(['js', 'jsx', 'mjs', 'cjs'], { languageName: 'javascript' });
hljs.registerAliases(['ts', 'tsx'], { languageName: 'typescript' });
hljs.registerAliases(['html', 'svg'], { languageName: 'xml' });
hljs.registerAliases(['py'], { languageName: 'python' });
hljs.registerAliases(['yml'], { languageName: 'yaml' });
hljs.registerAliases(['patch'], { languageName: 'diff' });
hljs.registerAliases(['rs'], { languageName: 'rust' });

/**
 * Highlighted markup by language and code: a virtualised row is mounted again each time it
 * scrolls back into view, and highlighting the same block again is the costliest part of that.
 */
const done = new Map<string, string>();
const MAX_DONE = 400;

function highlighted(lang: string, text: string): string {
  const key = `${lang}\u0000${text}`;
  let html = done.get(key);
  if (html === undefined) {
    // hljs escapes its input: the result is markup of spans around escaped text.
    html = hljs.highlight(text, { language: lang, ignoreIllegals: true }).value;
    if (done.size >= MAX_DONE) done.delete(done.keys().next().value!);
    done.set(key, html);
  }
  return html;
}

/** Highlights the `<pre><code class="language-x">` blocks under `root` whose language is known. */
export function highlightCodeBlocks(root: HTMLElement): void {
  for (const code of root.querySelectorAll<HTMLElement>('pre code')) {
    if (code.classList.contains('hljs')) continue;
    const lang = Array.from(code.classList).find((c) => c.startsWith('language-'))?.slice('language-'.length);
    if (!lang || !hljs.getLanguage(lang)) continue;
    code.innerHTML = highlighted(lang, code.textContent ?? '');
    code.classList.add('hljs');
  }
}
