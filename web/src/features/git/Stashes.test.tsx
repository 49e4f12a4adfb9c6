import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { showLanguage } from '../../i18n/current';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { Branches } from './Branches';
import { Stashes } from './Stashes';

afterEach(() => {
  vi.unstubAllGlobals();
  showLanguage('en');
});

describe('the git lists in Spanish', () => {
  it('label the stash form and say there are no stashes', async () => {
    showLanguage('es');
    routeFetch(() => jsonResponse(200, { items: [] }));
    render(<Stashes projectId="p1" reload={async () => undefined} />);
    expect(await screen.findByText('No hay stashes.')).toBeTruthy();
    expect(screen.getByLabelText('Mensaje del stash')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Guardar cambios en stash' })).toBeTruthy();
  });

  it("name a branch's actions", async () => {
    showLanguage('es');
    routeFetch(() => jsonResponse(200, { items: [
      { name: 'main', commit: 'abcdef1234', current: true, upstream: null },
      { name: 'spike', commit: '1234567abc', current: false, upstream: null },
    ] }));
    render(<Branches projectId="p1" reload={async () => undefined} />);
    expect(await screen.findByRole('button', { name: 'Eliminar spike' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cambiar a spike' }).textContent).toBe('Cambiar a esta');
    expect(screen.getByText('actual')).toBeTruthy();
  });
});
