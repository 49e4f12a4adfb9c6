// Screenshots of the signed-in UI against a running server (not part of `npm test`).
//
//   PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci
//   CCUI_URL=http://127.0.0.1:3911 node e2e/screenshots.mjs [outDir]
//
// Uses Debian's Chromium (/usr/bin/chromium, or CHROMIUM); sets up the first admin when the
// server still needs one, otherwise signs in with E2E_USER / E2E_PASSWORD (helpers in lib.mjs).
import { launchChromium, openPage, screenshots, settings, signIn } from './lib.mjs';

const { base, username, password, out } = settings();
const browser = await launchChromium();
const problems = [];
const page = (width, height, colorScheme) => openPage(browser, { base, width, height, colorScheme, problems });
const shot = screenshots(out, { settleMs: 400, numbered: false });

// Desktop, light
const desk = await page(1280, 800, 'light');
await signIn(desk, { username, password });
await shot(desk, 'ui-desktop-home');
await desk.getByRole('list', { name: 'Projects' }).getByRole('link').first().click();
const sessions = desk.getByRole('list', { name: /Sessions of/ });
await sessions.getByRole('link').first().waitFor();
await shot(desk, 'ui-desktop-project');
await sessions.getByRole('link', { name: /Fix the add function/ }).click();
await desk.getByRole('feed', { name: 'Messages' }).waitFor();
await desk.getByText('Done. I fixed').waitFor();
await shot(desk, 'ui-desktop-session-bottom');
// scroll up through the tool cards
const feed = desk.getByRole('feed', { name: 'Messages' });
await feed.evaluate((el) => { el.scrollTop = el.scrollTop - 1400; });
await shot(desk, 'ui-desktop-session-tools');
await feed.evaluate((el) => { el.scrollTop = el.scrollTop - 1400; });
await shot(desk, 'ui-desktop-session-tools2');
// a cut tool output: scroll until its button is on screen, then fetch the whole text
const more = desk.getByRole('button', { name: 'Show full output' });
await feed.evaluate((el) => { el.scrollTop = el.scrollHeight; });
await desk.waitForTimeout(300);
for (let i = 0; i < 20 && !(await more.count()); i++) {
  await feed.evaluate((el) => { el.scrollTop = el.scrollTop - 500; });
  await desk.waitForTimeout(150);
}
await more.scrollIntoViewIfNeeded();
await shot(desk, 'ui-desktop-truncated');
await more.click();
await desk.getByText('test case 2999 passed').waitFor();
await shot(desk, 'ui-desktop-full-output');
// the slash command chip and the image
const chip = desk.locator('.chip.slash');
for (let i = 0; i < 20 && !(await chip.count()); i++) {
  await feed.evaluate((el) => { el.scrollTop = el.scrollTop - 400; });
  await desk.waitForTimeout(150);
}
await chip.scrollIntoViewIfNeeded();
await desk.waitForTimeout(300);
await shot(desk, 'ui-desktop-image-slash');
await feed.evaluate((el) => { el.scrollTop = el.scrollTop + 380; });
await desk.locator('code.hljs').first().waitFor();
await shot(desk, 'ui-desktop-code');
// older pages load when scrolling to the top
for (let i = 0; i < 6; i++) {
  await feed.evaluate((el) => { el.scrollTop = 0; });
  await desk.waitForTimeout(300);
}
await shot(desk, 'ui-desktop-session-top');
await desk.getByLabel('Search all sessions').fill('config');
await desk.locator('.search-hit').first().waitFor();
await shot(desk, 'ui-desktop-search');
await desk.keyboard.press('Escape');

// Dark scheme, same session
const dark = await page(1280, 800, 'dark');
await dark.context().addCookies(await desk.context().cookies());
await dark.goto(desk.url());
await dark.getByText('Done. I fixed').waitFor();
await shot(dark, 'ui-dark-session');

// Phone
const phone = await page(375, 740, 'light');
await phone.context().addCookies(await desk.context().cookies());
await phone.goto(desk.url());
await phone.getByText('Done. I fixed').waitFor();
await shot(phone, 'ui-phone-session');
await phone.getByRole('button', { name: 'Open the sidebar' }).click();
await shot(phone, 'ui-phone-drawer');
await phone.keyboard.press('Escape');
await shot(phone, 'ui-phone-drawer-closed');

await browser.close();
if (problems.length) {
  console.log(`problems seen in the browser:\n${problems.join('\n')}`);
  process.exitCode = 1;
}
