import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { showLanguage } from '../../i18n/current';
import { msg, text } from '../../test/messages';
import { MessageView } from './Blocks';
import { ThreadContext } from './context';

afterEach(() => showLanguage('en'));

describe('messages in Spanish', () => {
  it('name who wrote them and offer to copy the code in Spanish', () => {
    showLanguage('es');
    render(
      <ThreadContext.Provider value={{ sessionId: 'sess-1', results: new Map(), children: new Map() }}>
        <MessageView message={msg('assistant', [text('```sh\nls\n```\n')])} />
        <MessageView message={msg('user', [text('hola')])} />
      </ThreadContext.Provider>,
    );
    expect(screen.getByRole('article', { name: 'Mensaje de Claude' })).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Tu mensaje' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copiar el código' }).textContent).toBe('Copiar');
  });
});
