import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showLanguage } from '../../i18n/current';
import { ev, pushEvents, renderLiveWith } from '../../test/chat';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { installFakeWebSocket } from '../../test/ws';
import { ChatPane } from './ChatPane';
import { slashSuggestions } from './completion';

beforeEach(() => {
  installFakeWebSocket();
  routeFetch(() => jsonResponse(200, { items: [] }));
  showLanguage('es');
});
afterEach(() => {
  showLanguage('en');
  vi.unstubAllGlobals();
});

describe('the chat in Spanish', () => {
  it('shows the composer, a plan and who decided it in Spanish', async () => {
    const { ws } = await renderLiveWith(
      <ChatPane chatKey="s1" projectId="p1" sessionId="s1" messages={[]} showHidden={false} loading={false} models={[]} emptyText="" />,
      [ev(1, { kind: 'run_started' }), ev(2, { kind: 'permission_request', requestId: 'req-1', toolUseId: 't1', toolName: 'ExitPlanMode', input: {}, plan: '1. Hola' } as never)],
    );
    expect(screen.getByRole('textbox', { name: 'Mensaje para Claude' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Interrumpir' })).toBeTruthy();
    const card = screen.getByRole('region', { name: 'Plan de Claude' });
    expect(within(card).getByRole('button', { name: 'Aprobar y aceptar ediciones' })).toBeTruthy();
    await pushEvents(ws, [ev(3, { kind: 'permission_resolved', requestId: 'req-1', toolUseId: 't1', toolName: 'ExitPlanMode', decision: 'allow', decidedBy: 'alice' })]);
    expect(within(card).getByText('Aprobado por alice')).toBeTruthy();
  });

  it('describes the slash commands in Spanish', () => {
    expect(slashSuggestions('comp')).toEqual([{ value: '/compact', label: '/compact', detail: 'Resumir la conversación para liberar contexto' }]);
  });
});
