// The steps of run.mjs for the languages of issue 16: a person who never chose sees the UI in their
// browser's language from the sign-in page on; a choice in the user menu changes every screen at
// once (dates and numbers too), follows the person to another browser, and "Browser's" goes back.
// The screens are visited at desktop and phone width, in dark mode. The person ends on "Browser's",
// so the run's other pages (an en-US browser) stay English.
import { check, eventually, openPage } from './lib.mjs';

const PHONE = { width: 390, height: 844 };

const main = (p) => p.getByRole('main');
/** The user menu's button, found by place: its name is in the language shown. */
const menuButton = (p) => p.locator('button.user-button');
const pageLanguage = (p) => p.evaluate(() => document.documentElement.lang);
const savedLanguage = (p) => p.evaluate(async () => (await (await fetch('/api/me/preferences')).json()).language);

/** Picks a language in the user menu (opened when closed) by its own name, and waits until it shows as chosen. */
async function chooseLanguage(p, name) {
  const group = p.locator('.language-choice');
  if (!(await group.isVisible())) await menuButton(p).click();
  const items = group.getByRole('menuitemradio');
  // Found again by place once chosen: "Browser's" is named in the language it switches to.
  const index = (await items.allInnerTexts()).findIndex((text) => text.trim() === name);
  check(index >= 0, `the language menu should offer ${name}`);
  await items.nth(index).click();
  await eventually(() => items.nth(index).getAttribute('aria-checked'), (v) => v === 'true');
  await p.keyboard.press('Escape');
}

/** What of the screen is still English: none of these words may be left in the main region. */
async function noEnglish(p, words, where) {
  const text = await main(p).innerText();
  const left = words.filter((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'u').test(text));
  check(left.length === 0, `${where} should have no English left; it still says: ${left.join(', ')}`);
}

async function shows(p, lang) {
  await eventually(() => pageLanguage(p), (l) => l === lang, { describe: (l) => `<html lang> should be ${lang}; it is ${l}` });
}

export function languageSteps({ browser, base, shot, problems, warnings, username, password, projectId, projectName }) {
  return [
    ['issue 16: a Spanish browser gets the UI in Spanish; German chosen in the user menu changes every screen at once, in dark mode and at phone width, and follows the person', async () => {
      const p = await openPage(browser, { base, problems, warnings, locale: 'es-ES', colorScheme: 'dark' });
      try {
        await p.goto('/');
        await p.getByRole('heading', { name: 'Inicia sesión en Claude Code UI' }).waitFor();
        await shows(p, 'es');
        await shot(p, 'language-es-sign-in');
        await p.getByLabel('Usuario').fill(username);
        await p.getByLabel('Contraseña', { exact: true }).fill(password);
        await p.getByRole('button', { name: 'Iniciar sesión' }).click();
        await p.getByRole('button', { name: /abrir el menú de usuario/ }).waitFor();
        check(await savedLanguage(p) === null, 'nobody chose yet: the server should keep null (the browser\'s)');
        check(await p.evaluate(() => document.documentElement.dataset.theme) === 'dark', 'a dark device should show the dark theme');

        const project = `${base}/#/p/${encodeURIComponent(projectId())}`;
        await p.goto(project);
        await p.getByRole('list', { name: `Sesiones de ${projectName()}` }).waitFor();
        await p.getByRole('tablist', { name: 'Vistas del proyecto' }).getByRole('tab', { name: 'Archivos', exact: true }).waitFor();
        await shot(p, 'language-es-project-dark');

        await p.goto(`${project}/files`);
        await main(p).getByRole('tree', { name: 'Archivos del proyecto' }).waitFor();
        await noEnglish(p, ['Upload', 'Download', 'New file', 'New folder', 'Refresh'], 'the Files tab in Spanish');
        await shot(p, 'language-es-files-dark');

        await p.goto(`${project}/mcp`);
        await main(p).getByRole('heading', { level: 1, name: 'Servidores MCP' }).waitFor();
        await noEnglish(p, ['Add server', 'Checking servers', 'Name', 'Command'], 'the MCP screen in Spanish');
        await shot(p, 'language-es-mcp-dark');

        await p.goto(`${base}/#/usage`);
        await main(p).getByRole('heading', { name: 'Uso', exact: true }).waitFor();

        // German from the user menu: the screen changes at once, no reload, and the server keeps it.
        await chooseLanguage(p, 'Deutsch');
        await shows(p, 'de');
        await main(p).getByRole('heading', { name: 'Nutzung', exact: true }).waitFor();
        await eventually(() => savedLanguage(p), (l) => l === 'de', { describe: (l) => `the server should have de; it has ${l}` });
        await shot(p, 'language-de-usage-dark');

        await p.goto(project);
        const sessions = p.getByRole('list', { name: `Sitzungen von ${projectName()}` });
        await sessions.waitFor();
        // Times in words of the language: "gerade eben", "vor 5 Min.", "vor 3 Std.", "vor 2 T.".
        const times = await sessions.innerText();
        check(/gerade eben|vor \d+ (Min\.|Std\.|T\.)/.test(times), `the sessions' times should be German: ${times.slice(0, 200)}`);
        check(!/\b(just now|min ago|h ago|d ago)\b/.test(times), `no English times should be left: ${times.slice(0, 200)}`);

        await p.goto(`${project}/git`);
        await main(p).getByLabel('Commit-Nachricht').waitFor();
        await main(p).getByRole('button', { name: 'Verlauf', exact: true }).waitFor();
        await noEnglish(p, ['Staged changes', 'Untracked files', 'Commit message', 'History'], 'the Git tab in German');
        await shot(p, 'language-de-git-dark');

        await p.setViewportSize(PHONE);
        await p.getByRole('button', { name: 'Seitenleiste öffnen' }).waitFor();
        await shot(p, 'language-de-phone-dark');
        await p.goto(`${project}/files`);
        await main(p).getByRole('tree', { name: 'Projektdateien' }).waitFor();
        await shot(p, 'language-de-phone-files-dark');
        await p.setViewportSize({ width: 1280, height: 800 });

        // Another browser of the same person, in English: German, without choosing again.
        const other = await openPage(browser, { base, problems, warnings, locale: 'en-US' });
        try {
          await other.goto('/');
          await other.getByRole('heading', { name: 'Sign in to Claude Code UI' }).waitFor();
          await other.getByLabel('Username').fill(username);
          await other.getByLabel('Password', { exact: true }).fill(password);
          await other.getByRole('button', { name: 'Sign in' }).click();
          await other.getByRole('button', { name: /Benutzermenü öffnen/ }).waitFor();
          await shows(other, 'de');
          await shot(other, 'language-de-other-browser');
          // "Browser's" again: this browser says en-US, so English.
          await chooseLanguage(other, 'Wie der Browser');
          await shows(other, 'en');
          await other.getByRole('button', { name: /open the user menu/ }).waitFor();
          await eventually(() => savedLanguage(other), (l) => l === null, { describe: (l) => `the server should have null; it has ${l}` });
        } finally {
          await other.context().close();
        }
        // And the Spanish browser, reloaded, is Spanish again.
        await p.reload();
        await p.getByRole('button', { name: /abrir el menú de usuario/ }).waitFor();
        await shows(p, 'es');
      } finally {
        await p.context().close();
      }
    }],
  ];
}
