import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderLive, sentFrames } from '../../test/chat';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { installFakeWebSocket } from '../../test/ws';
import { forkHref, parseRoute } from '../shell/route';
import { NewSessionView } from './NewSessionView';

beforeEach(() => {
  window.sessionStorage.clear();
  installFakeWebSocket();
  routeFetch(() => jsonResponse(200, { items: [] }));
});
afterEach(() => vi.unstubAllGlobals());

describe('forking a session', () => {
  it('is a new-session page that names its origin', () => {
    expect(parseRoute(forkHref('p1', 's-old'))).toEqual({ page: 'new-session', projectId: 'p1', forkFrom: 's-old' });
    expect(parseRoute('#/p/p1/new')).toEqual({ page: 'new-session', projectId: 'p1' });
  });

  it('sends the first message with forkFrom, so the server starts the new session from the old history', async () => {
    const { ws } = await renderLive(<NewSessionView projectId="p1" projectName="app" forkFrom="s-old" />);
    expect(screen.getByRole('heading', { name: 'Fork of a session' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'the original session' }).getAttribute('href')).toBe('#/p/p1/s/s-old');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Message Claude'), 'go on from there{Enter}');
    await vi.waitFor(() => expect(sentFrames(ws).filter((f) => f.type === 'send')).toHaveLength(1));
    const send = sentFrames(ws).find((f) => f.type === 'send');
    expect(send).toMatchObject({ projectId: 'p1', sessionId: null, forkFrom: 's-old', prompt: 'go on from there' });
  });
});
