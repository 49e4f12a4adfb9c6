// CodeMirror 6: its own chunk, loaded when a text file opens; each language is a further chunk.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { installStyleBridge } from '../cspStyles';
import { stringsNow } from '../../i18n/catalog';
import { filesStrings } from './strings';

async function languageFor(path: string): Promise<Extension | null> {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  switch (ext) {
    case 'js': case 'mjs': case 'cjs': case 'jsx':
      return (await import('@codemirror/lang-javascript')).javascript({ jsx: true });
    case 'ts': case 'mts': case 'cts': case 'tsx':
      return (await import('@codemirror/lang-javascript')).javascript({ typescript: true, jsx: ext === 'tsx' });
    case 'json':
      return (await import('@codemirror/lang-json')).json();
    case 'md': case 'markdown':
      return (await import('@codemirror/lang-markdown')).markdown();
    case 'py':
      return (await import('@codemirror/lang-python')).python();
    case 'css':
      return (await import('@codemirror/lang-css')).css();
    case 'html': case 'htm':
      return (await import('@codemirror/lang-html')).html();
    case 'java':
      return (await import('@codemirror/lang-java')).java();
    default:
      return null;
  }
}

export interface CodeEditorProps {
  path: string;
  /** The initial text; remount (key) to load another. */
  value: string;
  onChange: (text: string) => void;
  onSave: () => void;
}

export default function CodeEditor({ path, value, onChange, onSave }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const changed = useEffectEvent(onChange);
  const save = useEffectEvent(onSave);
  // The editor owns the text after mounting: a new value comes with a new key, so only the first counts.
  const [initial] = useState(value);

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    installStyleBridge();
    const language = new Compartment();
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc: initial,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          // tok-* classes, coloured by styles.css for both themes
          syntaxHighlighting(classHighlighter),
          keymap.of([
            { key: 'Mod-s', preventDefault: true, run: () => { save(); return true; } },
            ...defaultKeymap,
            ...historyKeymap,
            indentWithTab,
          ]),
          EditorView.contentAttributes.of({ 'aria-label': stringsNow(filesStrings).contentsOf(path) }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed(u.state.doc.toString());
          }),
          language.of([]),
        ],
      }),
    });
    let live = true;
    void languageFor(path).then((lang) => {
      if (live && lang) view.dispatch({ effects: language.reconfigure(lang) });
    });
    return () => {
      live = false;
      view.destroy();
    };
  }, [path, initial]);

  return <div className="code-editor" ref={host} />;
}
