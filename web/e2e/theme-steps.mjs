// The steps of run.mjs for the themes of issue 16: a choice in the user menu changes the page at
// once (colours, the browser bar's theme-color) and follows the person to another browser; System
// follows the device live. The run's later screenshots are taken in the device's scheme again.
import { check, eventually, fillLogin, openPage, userMenu } from './lib.mjs';

const DARK_BG = 'rgb(22, 24, 29)';
const LIGHT_BG = 'rgb(246, 247, 249)';

/** What the person sees of the theme: the effective one, the page's background, the bar's colour. */
const looks = (p) => p.evaluate(() => ({
  theme: document.documentElement.dataset.theme,
  background: document.body ? getComputedStyle(document.body).backgroundColor : null,
  bar: document.querySelector('meta[name="theme-color"]')?.getAttribute('content'),
})).catch((err) => ({ loading: err.message })); // a page still navigating: asked again

/** Picks a theme in the user menu (opened when closed) and waits until it shows as chosen. */
export async function choose(p, name) {
  if (!(await p.getByRole('group', { name: 'Theme' }).isVisible())) await userMenu(p).click();
  await p.getByRole('menuitemradio', { name }).click();
  await eventually(() => p.getByRole('menuitemradio', { name }).getAttribute('aria-checked'), (v) => v === 'true');
}

async function shows(p, theme) {
  const background = theme === 'dark' ? DARK_BG : LIGHT_BG;
  return eventually(() => looks(p), (l) => l.theme === theme && l.background === background && l.bar === (theme === 'dark' ? '#16181d' : '#f6f7f9'),
    { describe: (l) => `the page should look ${theme}; it shows ${JSON.stringify(l)}` });
}

/** What the server has for the signed-in person (as another browser of theirs will read it). */
export const saved = (p) => p.evaluate(async () => (await (await fetch('/api/me/preferences')).json()).theme);

export function themeSteps({ browser, base, shot, problems, warnings, username, password, desk }) {
  return [
    ['issue 16: Dark from the user menu applies at once and follows the person to another browser; System follows the device', async () => {
      const page = desk();
      await page.setViewportSize({ width: 1280, height: 800 });
      await shows(page, 'light');
      await choose(page, 'Dark');
      await shows(page, 'dark');
      await shot(page, 'theme-dark-chosen');
      await eventually(() => saved(page), (t) => t === 'dark', { describe: (t) => `the server should have dark; it has ${t}` });
      await page.keyboard.press('Escape');

      // Another browser of the same person, on a light device, signs in: dark, without choosing again.
      const other = await openPage(browser, { base, problems, warnings, colorScheme: 'light' });
      try {
        await other.goto('/');
        await other.getByRole('heading', { name: 'Sign in to Claude Code UI' }).waitFor();
        check((await looks(other)).theme === 'light', 'before sign-in a new browser on a light device should be light');
        await fillLogin(other, { username, password });
        await userMenu(other).waitFor();
        await shows(other, 'dark');
        await shot(other, 'theme-dark-other-browser');
        // Reloaded, it is dark from the first paint (theme-boot.js), before the server is asked.
        await other.reload({ waitUntil: 'commit' });
        await shows(other, 'dark');

        await choose(other, 'System');
        await shows(other, 'light');
        await other.emulateMedia({ colorScheme: 'dark' });
        await shows(other, 'dark');
        await other.emulateMedia({ colorScheme: 'light' });
        await shows(other, 'light');
        await choose(other, 'Light');
        await other.emulateMedia({ colorScheme: 'dark' });
        await shows(other, 'light');
        await shot(other, 'theme-light-on-a-dark-device');
        // Back to System, so that the rest of the run sees the device's scheme.
        await choose(other, 'System');
        await eventually(() => saved(other), (t) => t === 'system', { describe: (t) => `the server should have system; it has ${t}` });
      } finally {
        await other.context().close();
      }
      await page.reload();
      await userMenu(page).waitFor();
      await shows(page, 'light');
    }],
  ];
}
