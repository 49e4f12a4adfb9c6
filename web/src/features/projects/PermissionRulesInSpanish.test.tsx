import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { showLanguage } from '../../i18n/current';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { AccountPermissionRules, PermissionRules } from './PermissionRules';

afterEach(() => {
  showLanguage('en');
  vi.unstubAllGlobals();
});

describe('the permission rules in Spanish', () => {
  it('list a project\'s rules and say what is missing in Spanish', async () => {
    showLanguage('es');
    routeFetch(() => jsonResponse(200, {
      items: [{ id: 'r1', behavior: 'deny', rule: 'WebFetch', scope: 'project', createdAt: '2026-12-01T09:00:00Z' }],
      canEditProject: true,
    }));
    render(<PermissionRules projectId="p1" projectName="App" />);
    expect(screen.getByRole('region', { name: 'Reglas de permisos de App' })).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Reglas guardadas' });
    expect(within(list).getByText('Denegar')).toBeTruthy();
    expect(within(list).getByText('todos')).toBeTruthy();
    expect(within(list).getByRole('button', { name: 'Quitar la regla denegar WebFetch' }).textContent).toBe('Quitar');
    const form = screen.getByRole('form', { name: 'Añadir una regla de permisos a App' });
    expect(within(form).getByRole('combobox', { name: 'Permitir o denegar' })).toBeTruthy();
    expect(within(form).getByRole('checkbox', { name: 'solo mis ejecuciones' })).toBeTruthy();

    await userEvent.setup().click(within(form).getByRole('button', { name: 'Guardar regla' }));
    expect(await screen.findByText('Escribe una regla como Bash(npm test:*), Read o Edit(src/**).')).toBeTruthy();
  });

  it('show the account\'s own rules with an empty list in Spanish', async () => {
    showLanguage('es');
    routeFetch(() => jsonResponse(200, { items: [] }));
    render(<AccountPermissionRules />);
    expect(screen.getByRole('heading', { name: 'Mis reglas de permisos' })).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Reglas guardadas' });
    expect(within(list).getByText('No hay reglas guardadas: Claude pregunta antes de cada herramienta que lo requiera.')).toBeTruthy();
  });
});
