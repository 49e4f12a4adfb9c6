import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showLanguage } from '../../i18n/current';
import { ev, pushEvents, renderLiveWith, sentFrames } from '../../test/chat';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { installFakeWebSocket } from '../../test/ws';
import { ChatPane } from './ChatPane';

beforeEach(() => {
  installFakeWebSocket();
  routeFetch(() => jsonResponse(200, { items: [] }));
  showLanguage('de');
});
afterEach(() => {
  showLanguage('en');
  vi.unstubAllGlobals();
});

describe('the permission card in German', () => {
  it('asks, offers the buttons with their shortcuts and says who decided, in German', async () => {
    const { ws } = await renderLiveWith(
      <ChatPane chatKey="s1" projectId="p1" sessionId="s1" messages={[]} showHidden={false} loading={false} models={[]} emptyText="" />,
      [
        ev(1, { kind: 'run_started' }),
        ev(2, { kind: 'permission_request', requestId: 'req-1', toolName: 'Bash', input: { command: 'touch made.txt' }, toolUseId: 't1',
          blockedPath: '/home/dev/p/made.txt',
          suggestions: [{ type: 'addRules', rules: [{ toolName: 'Bash', ruleContent: 'touch made.txt' }], behavior: 'allow', destination: 'localSettings' }] }),
        ev(3, { kind: 'permission_request', requestId: 'req-2', toolName: 'Write', input: { file_path: '/home/dev/p/a.txt', content: 'a' }, toolUseId: 't2' }),
      ],
    );
    const [bash, write] = screen.getAllByRole('region', { name: 'Berechtigungsanfrage' });
    expect(within(bash).getByText('Claude möchte verwenden:')).toBeTruthy();
    expect(within(bash).getByText('Pfad:', { exact: false })).toBeTruthy();
    expect(within(bash).getByText(/^Gefragt, weil keine gespeicherte Berechtigungsregel .* erlaubt \(er betrifft den Pfad oben\)\.$/)).toBeTruthy();
    // The keyboard shortcuts find the buttons by these attributes, whatever the language.
    expect(within(bash).getByRole('button', { name: 'Erlauben' }).getAttribute('aria-keyshortcuts')).toBe('Alt+A');
    expect(within(bash).getByRole('button', { name: 'Immer erlauben' }).getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+A');
    expect(within(bash).getByRole('button', { name: 'Ablehnen' }).getAttribute('aria-keyshortcuts')).toBe('Alt+X');
    expect(within(bash).getByRole('button', { name: 'Erlauben und Regel speichern Bash(touch made.txt)' }).title)
      .toBe('Jetzt erlauben und die Regel speichern, damit spätere Läufe in diesem Projekt nicht fragen');
    expect(within(write).getByRole('button', { name: 'Immer erlauben' }).title).toBe('Write für den Rest dieser Sitzung ohne Nachfrage erlauben');

    await userEvent.setup().click(within(write).getByRole('button', { name: 'Immer erlauben' }));
    expect(sentFrames(ws).filter((f) => f.type === 'permission')).toEqual([
      { type: 'permission', runId: 'run-1', requestId: 'req-2', decision: 'allow', remember: true },
    ]);
    await pushEvents(ws, [
      ev(4, { kind: 'permission_resolved', requestId: 'req-1', toolUseId: 't1', toolName: 'Bash', decision: 'deny', decidedBy: 'timeout' }),
      ev(5, { kind: 'permission_resolved', requestId: 'req-2', toolUseId: 't2', toolName: 'Write', decision: 'allow', decidedBy: 'session_rule' }),
    ]);
    expect(within(bash).getByRole('status').textContent).toBe('Abgelehnt: niemand hat rechtzeitig geantwortet');
    expect(within(write).getByRole('status').textContent).toBe('Erlaubt durch eine „Immer erlauben“-Regel');
    expect(within(write).getByText('Berechtigung')).toBeTruthy();
  });
});
