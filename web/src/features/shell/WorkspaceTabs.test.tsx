import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { showLanguage } from '../../i18n/current';
import { tabTitle } from './pageTitle';
import { parseRoute, toolHref } from './route';
import { WorkspaceTabs } from './WorkspaceTabs';

afterEach(() => { window.location.hash = ''; });

describe('workspace tabs', () => {
  it('route the tool tabs of a project', () => {
    expect(parseRoute('#/p/abc/terminal')).toEqual({ page: 'project', projectId: 'abc', tab: 'terminal' });
    expect(parseRoute('#/p/abc/files')).toEqual({ page: 'project', projectId: 'abc', tab: 'files' });
    expect(parseRoute('#/p/abc/nonsense')).toEqual({ page: 'project', projectId: 'abc' });
    expect(parseRoute('#/p/abc/new')).toEqual({ page: 'new-session', projectId: 'abc' });
    expect(toolHref('a b', 'git')).toBe('#/p/a%20b/git');
  });

  it('are enabled, mark the current one, and navigate with clicks and arrow keys', async () => {
    render(<WorkspaceTabs projectId="p1" current="chat" chatHref="#/p/p1/s/s1" />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Chat', 'Terminal', 'Files', 'Git']);
    expect(tabs.every((t) => !(t as HTMLButtonElement).disabled)).toBe(true);
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Chat');
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Files' }));
    expect(window.location.hash).toBe('#/p/p1/files');
    screen.getByRole('tab', { name: 'Chat' }).focus();
    await user.keyboard('{ArrowLeft}');
    expect(window.location.hash).toBe('#/p/p1/git');
    await user.keyboard('{Home}');
    expect(window.location.hash).toBe('#/p/p1/s/s1');
  });

  it('are named in Spanish, as is the waiting count in the browser tab, when Spanish is chosen', () => {
    showLanguage('es');
    try {
      render(<WorkspaceTabs projectId="p1" current="files" projectName="demo" />);
      expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Chat', 'Terminal', 'Archivos', 'Git']);
      expect(screen.getByRole('tablist', { name: 'Vistas de demo' })).toBeTruthy();
      expect(tabTitle('demo', 2)).toBe('(2) Aprobaciones necesarias · demo — Claude Code UI');
    } finally {
      showLanguage('en');
    }
  });
});
