/**
 * The CSP (style-src 'self') blocks <style> elements, and logs a violation for each. xterm.js
 * (its DOM renderer's cell sizes and colours) and CodeMirror (style-mod, which only adopts sheets
 * inside shadow roots) write their styles into such elements. Once installed, the document
 * creates an inert <ccui-style> element whenever `style` is asked for (nothing else in this app
 * creates <style>: the CSP forbids it), and the text of those elements is mirrored, in document
 * order, into constructed style sheets, which the CSP allows. Installed by the chunks that need it.
 */
const TAG = 'ccui-style';
let installed = false;

export function installStyleBridge(doc: Document = document): void {
  if (installed) return;
  const canAdopt = 'adoptedStyleSheets' in doc && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype;
  if (!canAdopt) return;
  installed = true;

  const original = doc.createElement;
  doc.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
    return original.call(this, tag.toLowerCase() === 'style' ? TAG : tag, options);
  } as typeof doc.createElement;

  const sheets = new Map<Element, CSSStyleSheet>();
  const texts = new WeakMap<CSSStyleSheet, string>();
  const sync = () => {
    const elements = Array.from(doc.querySelectorAll(TAG));
    const mine = new Set(sheets.values());
    for (const el of elements) {
      let sheet = sheets.get(el);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheets.set(el, sheet);
      }
      const text = el.textContent ?? '';
      if (texts.get(sheet) !== text) {
        sheet.replaceSync(text);
        texts.set(sheet, text);
      }
    }
    for (const el of sheets.keys()) if (!el.isConnected) sheets.delete(el);
    const ordered = elements.map((el) => sheets.get(el)!);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets.filter((s) => !mine.has(s)), ...ordered];
  };
  const inBridge = (n: Node | null) => !!n && (n.nodeName === 'CCUI-STYLE' || n.parentNode?.nodeName === 'CCUI-STYLE');
  const touchesBridge = (records: MutationRecord[]) => records.some((r) => inBridge(r.target)
    || Array.from(r.addedNodes).some((n) => n.nodeName === 'CCUI-STYLE' || (n instanceof Element && !!n.querySelector(TAG)))
    || Array.from(r.removedNodes).some((n) => n.nodeName === 'CCUI-STYLE' || (n instanceof Element && !!n.querySelector(TAG))));
  new MutationObserver((records) => {
    if (touchesBridge(records)) sync();
  }).observe(doc.documentElement, { subtree: true, childList: true, characterData: true });
}
