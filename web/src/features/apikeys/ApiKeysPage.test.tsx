import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { showLanguage } from '../../i18n/current';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { ApiKeysPage } from './ApiKeysPage';

afterEach(() => {
  vi.unstubAllGlobals();
  showLanguage('en');
});

describe('ApiKeysPage', () => {
  it('says there are no keys yet, in English by default', async () => {
    routeFetch(() => jsonResponse(200, []));
    render(<ApiKeysPage />);
    expect(await screen.findByText('No API keys yet.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create key' })).toBeTruthy();
  });

  it('speaks Spanish when Spanish is shown', async () => {
    showLanguage('es');
    routeFetch(() => jsonResponse(200, []));
    render(<ApiKeysPage />);
    expect(await screen.findByText('Todavía no hay claves de API.')).toBeTruthy();
    expect(screen.getByLabelText('Nombre de la nueva clave')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Crear clave' })).toBeTruthy();
  });
});
