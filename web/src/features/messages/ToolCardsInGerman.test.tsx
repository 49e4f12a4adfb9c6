import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { showLanguage } from '../../i18n/current';
import { msg, result, toolUse } from '../../test/messages';
import { MessageView } from './Blocks';
import { ThreadContext } from './context';
import { buildThread } from './thread';

afterEach(() => showLanguage('en'));

describe('tool cards in German', () => {
  it('label the call, the command, the read range and the checklist in German', () => {
    showLanguage('de');
    const t = buildThread([
      msg('assistant', [
        toolUse('t1', 'Bash', { command: 'ls' }),
        toolUse('t2', 'Read', { file_path: '/p/a.ts', offset: 10, limit: 5 }),
        toolUse('t3', 'TodoWrite', { todos: [{ content: 'Tests', status: 'completed' }, { content: 'Fix', status: 'in_progress', activeForm: 'Fixing' }] }),
      ]),
      msg('user', [result('t2', 'const a = 1;')]),
    ], false);
    render(
      <ThreadContext.Provider value={{ sessionId: 'sess-1', results: t.results, children: t.children }}>
        {t.rows.map((m) => <MessageView key={m.seq} message={m} />)}
      </ThreadContext.Provider>,
    );
    const bash = screen.getByRole('region', { name: 'Tool-Aufruf Bash' });
    expect(within(bash).getByRole('button', { name: 'Befehl kopieren' })).toBeTruthy();
    expect(within(bash).getByText('kein Ergebnis')).toBeTruthy();
    const read = screen.getByRole('region', { name: 'Tool-Aufruf Read' });
    expect(within(read).getByText('· Zeilen 10–14', { exact: false })).toBeTruthy();
    expect(within(read).getByText('Dateiinhalt')).toBeTruthy();
    const todo = screen.getByRole('region', { name: 'Tool-Aufruf TodoWrite' });
    expect(within(todo).getByText('1 von 2 erledigt')).toBeTruthy();
    expect(within(todo).getByRole('list', { name: 'Aufgabenliste' })).toBeTruthy();
    expect(within(todo).getByText('in Arbeit')).toBeTruthy();
  });
});
