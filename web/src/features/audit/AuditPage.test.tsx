import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { showLanguage } from '../../i18n/current';
import { jsonResponse, routeFetch } from '../../test/fetch';
import { AuditPage } from './AuditPage';

function entry(id: number, action: string, actorUsername: string) {
  return { id, at: '2026-12-03T10:00:00Z', actorUsername, action, success: true, targetType: null, targetId: null, ip: '127.0.0.1', detail: null };
}

afterEach(() => vi.unstubAllGlobals());

describe('AuditPage', () => {
  it('keeps a filter\'s entries when the unfiltered first page answers after them', async () => {
    let answerFirst: (r: Response) => void = () => undefined;
    routeFetch((url) => {
      if (url.includes('action=')) return jsonResponse(200, { items: [entry(2, 'auth.login', 'olga')], nextBefore: null });
      // The first, unfiltered page is slow: it answers only when the test says so.
      return new Promise<Response>((resolve) => { answerFirst = resolve; });
    });
    render(<AuditPage />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Action'), 'auth.login');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    const table = await screen.findByRole('table');
    await within(table).findByText('olga');

    await act(async () => answerFirst(jsonResponse(200, { items: [entry(1, 'project.add', 'admin')], nextBefore: null })));
    expect(within(table).queryByText('admin')).toBeNull();
    expect(within(table).getByText('olga')).toBeTruthy();
  });

  it('labels the table and the results in Spanish when Spanish is shown', async () => {
    showLanguage('es');
    try {
      routeFetch(() => jsonResponse(200, { items: [entry(1, 'auth.login', 'olga')], nextBefore: null }));
      render(<AuditPage />);
      const table = await screen.findByRole('table');
      await within(table).findByText('olga');
      expect(within(table).getByRole('columnheader', { name: 'Quién' })).toBeTruthy();
      expect(within(table).getByText('OK').getAttribute('data-label')).toBe('Resultado');
      expect(screen.getByRole('heading', { name: 'Registro de auditoría' })).toBeTruthy();
    } finally {
      showLanguage('en');
    }
  });
});
