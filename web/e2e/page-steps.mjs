// The steps of run.mjs for issue 19, "a page a power user can live in": a long session read by
// scrolling, Home and End; search opening a session at its match; room to read (heights measured
// at 1280×800 and 390×844); copy buttons and collapsed outputs; unsaved edits kept; keyboard;
// honest figures (cost, tab title, disabled accounts, a bad link, the audit log); phones.
// A long session is written as a transcript into the server's CLAUDE_CONFIG_DIR (as the CLI
// would have), so the index finds it like any other.
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { check, eventually, fillLogin, openPage, userMenu } from './lib.mjs';
import { encodeCwd, FIRST_MARKER, LAST_MARKER, transcript } from '../perf/transcript.mjs';

const LONG = 600;
const feedOf = (p) => p.getByRole('feed', { name: 'Messages' });
const main = (p) => p.getByRole('main');

/** The height of the conversation (the message list) in CSS pixels, and its share of the window. */
async function roomToRead(p) {
  const box = await feedOf(p).boundingBox();
  const height = p.viewportSize().height;
  return { px: Math.round(box.height), share: Math.round((100 * box.height) / height), height };
}

/** Every row of the list in the DOM, with its seq and top edge relative to the list. */
function rowsOnScreen(p) {
  return feedOf(p).evaluate((feed) => {
    const top = feed.getBoundingClientRect().top;
    return Array.from(feed.querySelectorAll('[data-seq]')).map((r) => {
      const rect = r.getBoundingClientRect();
      return { seq: Number(r.dataset.seq), top: rect.top - top, bottom: rect.bottom - top };
    });
  });
}

export function pageSteps(ctx) {
  const { browser, base, shot, problems, warnings, projectPath, projectName, claudeConfig, pages, report } = ctx;
  let longId = null;
  let longHref = null;

  return [
    ['19.1 a long session: it opens at its end with the keyboard in it, older pages load as you scroll up with your place kept, Home and End jump', async () => {
      const desk = pages.desk();
      check(claudeConfig, 'E2E_CLAUDE_CONFIG_DIR (the server\'s CLAUDE_CONFIG_DIR) is needed to write a long transcript');
      longId = randomUUID();
      const folder = join(claudeConfig, 'projects', encodeCwd(projectPath));
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `${longId}.jsonl`), transcript({ cwd: projectPath, sessionId: longId, count: LONG, start: Date.now() - 86_400_000 }));
      const link = desk.locator(`#sidebar a[href$="/s/${longId}"]`);
      await link.waitFor({ timeout: 30_000 });
      await link.click();
      longHref = desk.url();
      const feed = feedOf(desk);
      await feed.getByText(LAST_MARKER).waitFor();
      await eventually(() => desk.evaluate(() => document.activeElement?.getAttribute('role')), (r) => r === 'feed',
        { describe: (r) => `the keyboard should be in the conversation after opening it; it is on a ${r}` });
      const title = await desk.title();
      check(title.includes(FIRST_MARKER) && title.includes(projectName), `the tab title should name the session and project; it is "${title}"`);
      const room = await roomToRead(desk);
      report(`conversation area at 1280×800: ${room.px} px of ${room.height} (${room.share} %)`);
      check(room.share >= 70, `the conversation should get most of the height; it gets ${room.px} px of ${room.height}`);
      await shot(desk, 'i19-long-session-end');

      // Scroll up with the wheel until three more pages came in (the session opens with its newest
      // 50): each notch moves the reader a little back in time, never jumps (a page put in front
      // keeps what is on screen in place), and no button stops the way.
      const box = await feed.boundingBox();
      await desk.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      // The row in the middle of the list.
      const firstVisible = async () => (await rowsOnScreen(desk)).find((r) => r.top <= box.height / 2 && r.bottom > box.height / 2)?.seq;
      const start = await firstVisible();
      let prev = start;
      let steps = 0;
      let biggest = 0;
      while (prev > LONG - 50 - 250 && steps < 200) {
        await desk.mouse.wheel(0, -800);
        await desk.waitForTimeout(120);
        steps++;
        const now = await firstVisible();
        if (now === undefined) continue; // between two rows
        // A page put in front is placed by estimated heights until measured: a few rows of
        // drift are allowed, a jump (to the oldest of the new page, 100 rows away) is not.
        check(now <= prev + 8 && prev - now <= 40,
          `scrolling up a notch should move a little back; the row in the middle went from #${prev} to #${now} (a jump)`);
        biggest = Math.max(biggest, prev - now);
        prev = now;
      }
      check(prev <= LONG - 50 - 250, `scrolling up should reach older pages; after ${steps} notches the first row is #${prev}`);
      check(await feed.getByRole('button', { name: /Load older/ }).count() === 0, 'no "Load older" button should stop the reader');
      report(`scrolled up from #${start} to #${prev} in ${steps} wheel notches of 800 px, older pages loading on the way; biggest step ${biggest} rows`);
      await shot(desk, 'i19-long-session-scrolled-up');

      await feed.focus();
      await desk.keyboard.press('Home');
      await feed.getByText(FIRST_MARKER).waitFor();
      await shot(desk, 'i19-long-session-home');
      await feed.focus();
      await desk.keyboard.press('End');
      await feed.getByText(LAST_MARKER).waitFor();
    }],

    ['19.2 room to read: long outputs collapsed, copy buttons on commands, code, diffs and outputs; cost unknown shown as —', async () => {
      const desk = pages.desk();
      const feed = feedOf(desk);
      await desk.keyboard.press('Home');
      await feed.getByText(FIRST_MARKER).waitFor();
      const expand = feed.getByRole('button', { name: /^Show all \d+ lines of the/ }).first();
      await expand.waitFor();
      await feed.getByRole('button', { name: 'Copy the command' }).first().waitFor();
      await feed.getByRole('button', { name: 'Copy the diff' }).first().waitFor();
      await feed.getByRole('button', { name: 'Copy the code' }).first().waitFor();
      await feed.getByRole('button', { name: /^Copy the (output|tool output|file content)$/ }).first().waitFor();
      await desk.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      await feed.getByRole('button', { name: 'Copy the command' }).first().click();
      await feed.getByRole('status').filter({ hasText: 'Copied' }).first().waitFor();
      const label = await expand.innerText();
      await expand.click();
      await feed.getByRole('button', { name: /^Show fewer lines/ }).first().waitFor();
      report(`collapsed output expanded from "${label}"`);
      // The generated transcript has no cost records: unknown, not $0.00.
      const cost = await desk.locator('.session-head .session-facts').innerText();
      check(/—/.test(cost) && !/\$0\.00/.test(cost), `an unknown cost should read "—"; the header says "${cost}"`);
      await shot(desk, 'i19-room-to-read');
    }],

    ['19.3 search names the project, opens the session at its match, highlighted, with previous and next', async () => {
      const desk = pages.desk();
      const box = desk.getByRole('searchbox', { name: 'Search all sessions' });
      await box.fill('scheduler');
      const hit = desk.locator('.search-hit').filter({ hasText: FIRST_MARKER }).first();
      await hit.waitFor();
      check((await hit.innerText()).includes(projectName), 'a search hit should name its project');
      await shot(desk, 'i19-search-results');
      await hit.click();
      const bar = desk.getByRole('search', { name: 'Matches in this session' });
      const status = bar.getByRole('status');
      const first = await eventually(() => status.innerText(), (t) => /match (\d+) of (\d+)/.test(t),
        { describe: (t) => `the match bar should count the matches; it says "${t}"` });
      const [, at, of] = first.match(/match (\d+) of (\d+)/).map(Number);
      check(at === of && of > 1, `the session should open at its newest match of several; "${first}"`);
      const current = desk.locator('.is-current-match');
      await current.waitFor();
      check((await current.innerText()).toLowerCase().includes('scheduler'), 'the outlined message should hold the word searched for');
      await shot(desk, 'i19-search-opened-at-match');
      await bar.getByRole('button', { name: /Previous match/ }).click();
      await eventually(() => status.innerText(), (t) => t.includes(`match ${of - 1} of ${of}`), { describe: (t) => `after "Previous match": "${t}"` });
      await bar.getByRole('button', { name: 'Close the search in this session' }).click();
      await bar.waitFor({ state: 'hidden' });
    }],

    ['19.4 keyboard: shortcuts dialog keeps focus, Alt+C to the composer, Alt+↓ to the next session; a waiting approval in the tab title, denied with Alt+X, shown once', async () => {
      const desk = pages.desk();
      // Still on the long session (the search closed): End goes to its latest message.
      await feedOf(desk).focus();
      await desk.keyboard.press('End');
      await feedOf(desk).getByText(LAST_MARKER).waitFor();
      await desk.keyboard.press('?');
      const help = desk.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.waitFor();
      for (let i = 0; i < 3; i++) await desk.keyboard.press('Tab');
      check(await help.evaluate((d) => d.contains(document.activeElement)), 'Tab should stay inside the shortcuts dialog');
      await shot(desk, 'i19-shortcuts');
      await desk.keyboard.press('Escape');
      await help.waitFor({ state: 'hidden' });
      await desk.keyboard.press('Alt+KeyC');
      check(await desk.evaluate(() => document.activeElement?.getAttribute('aria-label')) === 'Message Claude', 'Alt+C should focus the composer');

      // A new session asks for a Write (the generated long session is not one the CLI could resume).
      await desk.keyboard.press('Alt+KeyN');
      await eventually(() => desk.url(), (u) => u.endsWith('/new'), { describe: (u) => `Alt+N should open a new session; ${u}` });
      // The URL changes before the view does: type only into the new session's own composer.
      await main(desk).getByRole('heading', { level: 1, name: 'New session' }).waitFor();
      const file = `${projectPath}/denied.txt`;
      await desk.getByRole('textbox', { name: 'Message Claude' }).fill(`WRITE ${file}`);
      await desk.getByRole('button', { name: 'Send', exact: true }).click();
      const card = main(desk).getByRole('region', { name: 'Permission request' }).last();
      await card.getByRole('button', { name: 'Deny', exact: true }).waitFor({ timeout: 45_000 });
      await eventually(() => desk.title(), (t) => t.startsWith('(1) Approval needed'), { describe: (t) => `the tab title while an approval waits: "${t}"` });
      // One rendering of the pending Write: its content once (in the permission card).
      const copies = await main(desk).getByText('written by fake model').count();
      check(copies === 1, `the pending Write's content should show once; it shows ${copies} times`);
      await shot(desk, 'i19-approval-waiting');
      await desk.locator('body').press('Alt+KeyX');
      await card.getByRole('status').filter({ hasText: /^Denied\b/ }).waitFor({ timeout: 30_000 });
      await eventually(() => desk.title(), (t) => !t.includes('Approval'), { describe: (t) => `after the decision the title is "${t}"` });
      await desk.getByRole('button', { name: 'Interrupt', exact: true }).waitFor({ state: 'hidden', timeout: 45_000 });

      await desk.goto(longHref);
      await feedOf(desk).getByText(LAST_MARKER).waitFor();
      // The long session is the oldest of the list: Alt+↑ goes to the one above it, Alt+↓ back.
      const url = desk.url();
      await desk.locator('body').press('Alt+ArrowUp');
      await eventually(() => desk.url(), (u) => u !== url && /\/s\//.test(u), { describe: (u) => `Alt+↑ should open the session above; the page is at ${u}` });
      await desk.locator('body').press('Alt+ArrowDown');
      await eventually(() => desk.url(), (u) => u === url, { describe: (u) => `Alt+↓ should come back to ${url}; the page is at ${u}` });
    }],

    ['19.5 unsaved edits survive switching files and tabs, and closing the page asks first', async () => {
      const desk = pages.desk();
      await desk.getByRole('tab', { name: 'Files', exact: true }).click();
      const tree = desk.getByRole('tree', { name: 'Project files' });
      await tree.getByRole('button', { name: 'README.md' }).click();
      const editor = desk.locator('.cm-content');
      await editor.getByText('e2e demo').waitFor();
      await editor.click();
      await desk.keyboard.press('Control+End');
      await desk.keyboard.type('unsaved line from the browser');
      await tree.getByRole('button', { name: /hello\.txt/ }).click();
      await editor.getByText('written by fake model').waitFor();
      await desk.getByRole('tab', { name: 'Chat', exact: true }).click();
      await desk.getByRole('tab', { name: 'Files', exact: true }).click();
      await tree.getByRole('button', { name: /README\.md/ }).getByLabel('unsaved changes').waitFor();
      await tree.getByRole('button', { name: /README\.md/ }).click();
      await editor.getByText('unsaved line from the browser').waitFor();
      await shot(desk, 'i19-unsaved-edit-kept');
      let asked = null;
      desk.once('dialog', (d) => {
        asked = d.type();
        void d.dismiss();
      });
      await desk.close({ runBeforeUnload: true });
      await eventually(() => asked, (a) => a === 'beforeunload', { describe: (a) => `closing should ask first; the dialog was ${a}` });
      check(!desk.isClosed(), 'the page closed although the leave was refused');
      await desk.getByRole('button', { name: 'Save', exact: true }).click();
      await desk.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    }],

    ['19.6 honest figures: a bad session link says so once, a disabled account is told so, the audit log filters and links runs to their sessions', async () => {
      const desk = pages.desk();
      const projectId = decodeURIComponent(longHref.split('#/p/')[1].split('/')[0]);
      await desk.goto(`/#/p/${encodeURIComponent(projectId)}/s/00000000-0000-4000-8000-000000000000`);
      await main(desk).getByRole('heading', { name: 'Session not found' }).waitFor();
      check(await main(desk).getByRole('alert').count() === 1, 'a bad link should say so once');
      check(await desk.getByRole('textbox', { name: 'Message Claude' }).count() === 0, 'a bad link should have no composer');
      await shot(desk, 'i19-bad-session-link');

      const api = desk.context().request;
      const created = await api.post('/api/users', { data: { username: 'dora', password: 'dora the explorer 1', role: 'member' }, headers: { 'X-CCUI-CSRF': '1' } });
      check(created.ok(), `creating a member: ${created.status()}`);
      const dora = await created.json();
      await api.patch(`/api/users/${dora.id}`, { data: { disabled: true }, headers: { 'X-CCUI-CSRF': '1' } });
      const other = await openPage(browser, { base, problems, warnings, ignore: [/status of 403/] });
      await other.goto('/');
      await other.getByRole('heading', { name: 'Sign in to Claude Code UI' }).waitFor();
      await fillLogin(other, { username: 'dora', password: 'dora the explorer 1' });
      await other.getByRole('alert').filter({ hasText: 'This account is disabled' }).waitFor();
      await shot(other, 'i19-disabled-account');
      await other.context().close();

      await desk.goto('/#/audit');
      const filters = desk.getByRole('form', { name: 'Filter the audit log' });
      await filters.getByLabel('Action').selectOption('run.started');
      await filters.getByRole('button', { name: 'Filter' }).click();
      const table = desk.locator('.audit-table');
      await eventually(async () => (await table.locator('tbody td[data-label="Action"]').allInnerTexts()),
        (a) => a.length > 0 && a.every((x) => x === 'run.started'), { describe: (a) => `filtered actions: ${a.join(', ')}` });
      const fits = await desk.evaluate(() => document.querySelector('.audit-table').scrollWidth <= document.querySelector('.audit').clientWidth);
      check(fits, 'the audit table should fit the page at 1280 px');
      await shot(desk, 'i19-audit-filtered');
      await table.getByRole('link', { name: /Open the session/ }).first().click();
      await eventually(() => desk.url(), (u) => /#\/p\/[^/]+\/s\//.test(u), { describe: (u) => `the run's link should open its session; the page is at ${u}` });
      await feedOf(desk).waitFor();
    }],

    ['19.7 at 390×844: the conversation has most of the height, the project page lists its sessions, the drawer keeps them, tabs name the project, no desktop hints, labelled selects, search results fit', async () => {
      const phone = await openPage(browser, { base, width: 390, height: 844, problems, warnings, isMobile: true });
      pages.setPhone(phone);
      await phone.context().addCookies(await pages.desk().context().cookies());
      await phone.goto('/');
      await userMenu(phone).waitFor();
      // The welcome page lists the projects (the sidebar is a closed drawer here).
      await main(phone).getByRole('list', { name: 'Your projects' }).getByRole('link', { name: new RegExp(projectName) }).click();
      await main(phone).getByRole('list', { name: /^Sessions of/ }).getByRole('link').first().waitFor();
      check(!(await phone.locator('.kbd-hint').first().isVisible()), 'keyboard hints should be hidden on a phone');
      check(!(await phone.getByRole('button', { name: 'Keyboard shortcuts' }).isVisible()), 'the shortcuts button should be hidden on a phone');
      await shot(phone, 'i19-phone-project-sessions');

      // Picking the project in the drawer keeps the drawer open on its sessions.
      await phone.getByRole('button', { name: 'Open the sidebar' }).click();
      const drawer = phone.locator('#sidebar');
      await drawer.getByRole('list', { name: 'Projects', exact: true }).getByRole('link').first().click();
      await drawer.getByRole('list', { name: /^Sessions of/ }).getByRole('link').first().waitFor();
      check(await drawer.isVisible(), 'the drawer should stay open after picking a project');
      await shot(phone, 'i19-phone-drawer-sessions');
      await drawer.locator(`a[href$="/s/${longId}"]`).click();
      await drawer.getByRole('list', { name: 'Projects', exact: true }).waitFor({ state: 'hidden' });
      await feedOf(phone).getByText(LAST_MARKER).waitFor();
      const room = await roomToRead(phone);
      report(`conversation area at 390×844: ${room.px} px of ${room.height} (${room.share} %)`);
      check(room.share >= 60, `on a phone the conversation should get most of the height; it gets ${room.px} px of ${room.height}`);
      await shot(phone, 'i19-phone-session');

      await phone.getByRole('textbox', { name: 'Message Claude' }).focus();
      const model = phone.getByRole('combobox', { name: 'Model' });
      await model.waitFor();
      const shown = await model.evaluate((s) => s.options[s.selectedIndex].text);
      check(/model/i.test(shown), `the model select should say what it is even without its label; it shows "${shown}"`);
      const mode = await phone.getByRole('combobox', { name: 'Permission mode' }).evaluate((s) => s.options[s.selectedIndex].text);
      check(/mode|ask|accept|plan|bypass/i.test(mode) && mode !== 'default', `the permission select shows "${mode}"`);
      await shot(phone, 'i19-phone-composer');

      await phone.getByRole('tab', { name: 'Files', exact: true }).click();
      await phone.getByRole('tablist').getByRole('link', { name: projectName }).waitFor();
      await shot(phone, 'i19-phone-files-tab');

      await phone.getByRole('searchbox', { name: 'Search all sessions' }).fill('scheduler');
      const results = phone.getByLabel('Search results');
      await results.locator('.search-hit').first().waitFor();
      const rect = await results.boundingBox();
      check(rect.x >= 0 && rect.x + rect.width <= 390, `search results should fit the phone; they span ${rect.x}…${rect.x + rect.width}`);
      await shot(phone, 'i19-phone-search');
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      check(width <= 390, `nothing should overflow the phone's width; the page is ${width} px wide`);

      await phone.goto('/#/audit');
      await phone.locator('.audit-table tbody tr').first().waitFor();
      const auditWidth = await phone.evaluate(() => document.documentElement.scrollWidth);
      check(auditWidth <= 390, `the audit log should fit the phone; the page is ${auditWidth} px wide`);
      await shot(phone, 'i19-phone-audit');
    }],
  ];
}
