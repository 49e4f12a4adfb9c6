/**
 * Marks the words of a search in the message being shown as the current match, with the CSS
 * Custom Highlight API (`::highlight(search-match)`): no element is added to text that React
 * or the markdown renderer own. Browsers without it still outline the message.
 */
const NAME = 'search-match';
const WORD = /[\p{L}\p{N}]+/gu;

export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a query as search compares them (letters and digits, case and accents folded). */
export function queryWords(query: string): string[] {
  return Array.from(new Set(Array.from(query.normalize('NFC').matchAll(WORD), (m) => foldWord(m[0])))).slice(0, 16);
}

/** Ranges over every occurrence of the words in the text under `root`. */
export function matchRanges(root: Node, words: string[]): Range[] {
  const wanted = new Set(words.map(foldWord));
  const ranges: Range[] = [];
  if (wanted.size === 0) return ranges;
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    for (const m of text.matchAll(WORD)) {
      if (!wanted.has(foldWord(m[0]))) continue;
      const range = root.ownerDocument!.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      ranges.push(range);
    }
  }
  return ranges;
}

interface HighlightRegistry { set(name: string, h: unknown): void; delete(name: string): void }

export function highlightMatches(scroller: Element | null, words: string[], currentSeq: number | null): void {
  const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Highlight = (globalThis as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  if (!registry || !Highlight) return;
  const row = scroller && currentSeq !== null ? scroller.querySelector(`[data-seq="${currentSeq}"]`) : null;
  if (!row || words.length === 0) {
    registry.delete(NAME);
    return;
  }
  registry.set(NAME, new Highlight(...matchRanges(row, words)));
}
