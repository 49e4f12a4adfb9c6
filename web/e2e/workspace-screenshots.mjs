// Screenshots of a project's Terminal, Files and Git tabs against a running server (not part of `npm test`).
//
//   CCUI_URL=http://127.0.0.1:3911 CCUI_PROJECT_PATH=/path/under/workspaces/root node e2e/workspace-screenshots.mjs [outDir]
//
// Sets up the first admin (or signs in with E2E_USER / E2E_PASSWORD), registers the project folder
// when no project has that path, types `echo` in the terminal, opens and edits a file, stages it and
// commits it, at 1280 px and 375 px. Uses Debian's Chromium (/usr/bin/chromium, or CHROMIUM); helpers in lib.mjs.
import { launchChromium, openPage, projectByPath, screenshots, settings, signIn } from './lib.mjs';

const { base, username, password, out } = settings();
const projectPath = process.env.CCUI_PROJECT_PATH;
const browser = await launchChromium();
const problems = [];
const page = (width, height, colorScheme = 'light') => openPage(browser, { base, width, height, colorScheme, problems });
const shot = screenshots(out, { settleMs: 500, numbered: false });

const desk = await page(1280, 800);
await signIn(desk, { username, password });
const id = (await projectByPath(desk, projectPath)).id;
const tab = (t) => `/#/p/${encodeURIComponent(id)}${t ? `/${t}` : ''}`;

// Terminal
await desk.goto(tab('terminal'));
await desk.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 15_000 });
await desk.locator('.xterm-helper-textarea').focus();
await desk.keyboard.type('echo hello-from-the-browser\n');
await desk.locator('.xterm-rows').getByText('hello-from-the-browser').nth(1).waitFor({ timeout: 10_000 });
await shot(desk, 'ws-desktop-terminal');
// a reload reattaches the same terminal and replays nothing twice
await desk.reload();
await desk.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 15_000 });
await desk.waitForTimeout(800);
const echoes = await desk.locator('.xterm-rows').getByText('hello-from-the-browser').count();
console.log(`after reload: the echo shows ${echoes} time(s) (the command line and its output)`);
await shot(desk, 'ws-desktop-terminal-reloaded');

// Files
await desk.getByRole('tab', { name: 'Files' }).click();
const tree = desk.getByRole('tree', { name: 'Project files' });
await tree.getByRole('treeitem').first().waitFor();
await shot(desk, 'ws-desktop-files-tree');
const firstDir = tree.locator('[role=treeitem][aria-expanded]').first();
if (await firstDir.count()) {
  await firstDir.locator('> button').click();
  await desk.waitForTimeout(400);
}
const pyOrMd = tree.getByRole('button', { name: /\.(py|md|js|ts|java|json)$/ }).first();
await pyOrMd.click();
await desk.locator('.cm-editor').waitFor();
await desk.locator('.cm-content').click();
await desk.keyboard.press('Control+End');
await desk.keyboard.type('\n# edited in the browser\n');
await shot(desk, 'ws-desktop-files-editor');
await desk.getByRole('button', { name: 'Save' }).click();
await desk.getByRole('button', { name: 'Save' }).and(desk.locator(':disabled')).waitFor();

// Git
await desk.getByRole('tab', { name: 'Git' }).click();
await desk.getByRole('list', { name: 'Changes' }).waitFor();
const firstChange = desk.getByRole('list', { name: 'Changes' }).getByRole('button', { name: /^Show the diff/ }).first();
await firstChange.click();
await desk.locator('.git-diff .diff').waitFor();
await shot(desk, 'ws-desktop-git-diff');
await desk.getByRole('list', { name: 'Changes' }).getByRole('button', { name: /^Stage / }).first().click();
await desk.getByRole('list', { name: 'Staged changes' }).waitFor();
await desk.getByLabel('Commit message').fill('Edit from the browser');
await shot(desk, 'ws-desktop-git-staged');
await desk.getByRole('button', { name: /^Commit \d/ }).click();
await desk.getByText(/^Committed [0-9a-f]{7}\.$/).waitFor();
await shot(desk, 'ws-desktop-git-committed');
await desk.getByRole('button', { name: 'History' }).click();
await desk.getByRole('list', { name: 'Commits' }).getByRole('listitem').first().waitFor();
await shot(desk, 'ws-desktop-git-history');
await desk.getByRole('button', { name: 'Branches' }).click();
await desk.getByRole('list', { name: 'Branches' }).waitFor();
await shot(desk, 'ws-desktop-git-branches');

// Dark
const dark = await page(1280, 800, 'dark');
await dark.context().addCookies(await desk.context().cookies());
await dark.goto(tab('files'));
await dark.getByRole('tree', { name: 'Project files' }).getByRole('treeitem').first().waitFor();
await dark.getByRole('tree', { name: 'Project files' }).getByRole('button', { name: /\.(py|md|js|ts|java|json)$/ }).first().click();
await dark.locator('.cm-editor').waitFor();
await shot(dark, 'ws-dark-files-editor');

// Phone
const phone = await page(375, 740);
await phone.context().addCookies(await desk.context().cookies());
await phone.goto(tab('terminal'));
await phone.getByRole('status').filter({ hasText: /Connected|Opened elsewhere/ }).waitFor({ timeout: 15_000 });
await shot(phone, 'ws-phone-terminal');
await phone.getByRole('tab', { name: 'Files' }).click();
await phone.getByRole('tree', { name: 'Project files' }).getByRole('treeitem').first().waitFor();
await shot(phone, 'ws-phone-files-tree');
await phone.getByRole('tree', { name: 'Project files' }).getByRole('button', { name: /\.(py|md|js|ts|java|json)$/ }).first().click();
await phone.locator('.cm-editor').waitFor();
await shot(phone, 'ws-phone-files-editor');
await phone.getByRole('tab', { name: 'Git' }).click();
await phone.getByRole('button', { name: 'History' }).waitFor();
await shot(phone, 'ws-phone-git');
await phone.getByRole('button', { name: 'History' }).click();
await phone.getByRole('list', { name: 'Commits' }).getByRole('listitem').first().waitFor();
await shot(phone, 'ws-phone-git-history');

await browser.close();
if (problems.length) {
  console.log(`problems seen in the browser:\n${problems.join('\n')}`);
  process.exitCode = 1;
}
