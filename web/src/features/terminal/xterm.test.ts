import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSystemTheme } from '../../test/matchMedia';
import { applyTheme } from '../theme/theme';

// xterm.js draws with a renderer jsdom does not have: a stand-in keeps the options it is given.
const terminals: { options: { theme?: { background?: string } }; disposed: boolean }[] = [];
vi.mock('@xterm/xterm', () => ({
  Terminal: class {
    options: Record<string, unknown>;
    disposed = false;
    constructor(options: Record<string, unknown>) {
      this.options = { ...options };
      terminals.push(this);
    }
    loadAddon() {}
    open() {}
    dispose() {
      this.disposed = true;
    }
  },
}));
vi.mock('@xterm/addon-fit', () => ({ FitAddon: class { fit() {} } }));
vi.mock('@xterm/addon-web-links', () => ({ WebLinksAddon: class {} }));

afterEach(() => vi.unstubAllGlobals());

describe('the terminal', () => {
  it('opens in the theme on the page and follows every change of it until it is closed', async () => {
    const system = fakeSystemTheme(false);
    applyTheme('dark');
    const { mountTerminal } = await import('./xterm');
    const mounted = mountTerminal(document.createElement('div'));
    const term = terminals.at(-1)!;
    expect(term.options.theme?.background).toBe('#13151a');

    applyTheme('light');
    expect(term.options.theme?.background).toBe('#1b1e24');
    applyTheme('system');
    system.change(true);
    expect(term.options.theme?.background).toBe('#13151a');

    mounted.dispose();
    system.change(false);
    expect(term.disposed).toBe(true);
    expect(term.options.theme?.background).toBe('#13151a');
  });
});
