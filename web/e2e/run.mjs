// End-to-end run of the whole product in a browser: the real server, the real claude CLI behind
// it and a scripted fake Messages API (see BrowserE2EIT in bootstrap, which starts all three and
// runs this script). Each step asserts what a user sees; the first failure stops the run with
// exit code 1, a screenshot and the text of the page.
//
//   CCUI_URL=http://127.0.0.1:PORT CCUI_PROJECT_PATH=/abs/git/repo E2E_SCREENSHOTS=dir node e2e/run.mjs
//
// The project folder must be a git repository with at least one commit, under the server's
// CCUI_WORKSPACES_ROOT, on a server whose first admin does not exist yet. The fake Messages API
// answers "WRITE <path>" with a Write tool use, "SLOW…" with word0 … word99 (one every 100 ms),
// "ASK…" with questions, "PLAN…" (in plan mode) with a plan, and anything else with
// "Hi from fake server (req N). You said: <prompt>".
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  check, eventually, fillLogin, fillSetup, launchChromium, launchChromiumProfile, openPage, runSteps, screenshots, settings, userMenu,
} from './lib.mjs';
import { conversationSteps } from './conversation-steps.mjs';
import { pageSteps } from './page-steps.mjs';
import { themeSteps } from './theme-steps.mjs';
import { languageSteps } from './language-steps.mjs';
import { mcpSteps } from './mcp-steps.mjs';
import { encodeCwd } from '../perf/transcript.mjs';

const { base, username, password, out } = settings(fileURLToPath(new URL('../../bootstrap/target/e2e-screenshots', import.meta.url)));
const projectPath = process.env.CCUI_PROJECT_PATH;
if (!projectPath) {
  console.log('e2e: set CCUI_PROJECT_PATH to a git repository under the server\'s workspaces root');
  process.exit(2);
}
const projectName = basename(projectPath);
/** The server's CLAUDE_CONFIG_DIR, where the issue 19 steps write a long transcript. */
const claudeConfig = process.env.E2E_CLAUDE_CONFIG_DIR ?? null;
const PHONE = { width: 390, height: 844 };
const figures = [];
/** A figure measured by a step: printed now and again at the end of the run. */
function report(line) {
  figures.push(line);
  console.log(`  measured: ${line}`);
}
const SLOW_WORDS = 100;
const CHAT_TIMEOUT = 45_000;

const shot = screenshots(out);
const problems = [];
const warnings = [];
const browser = await launchChromium().catch((err) => {
  console.log(`e2e: Chromium did not start (${process.env.CHROMIUM || '/usr/bin/chromium'}; set CHROMIUM to another): ${err.message}`);
  process.exit(1);
});
let desk = null;
let phone = null;
let projectId = null;
let sessionUrl = null;

// Locators of the chat, by what the user reads.
const main = (p) => p.getByRole('main');
const composer = (p) => p.getByRole('textbox', { name: 'Message Claude' });
const sendButton = (p) => p.getByRole('button', { name: 'Send', exact: true });
const interruptButton = (p) => p.getByRole('button', { name: 'Interrupt', exact: true });
const tab = (p, name) => p.getByRole('tab', { name, exact: true });
const SESSION_URL = /#\/p\/[^/]+\/s\/[^/?]+$/;

const exists = (path) => access(path).then(() => true, () => false);

async function send(p, prompt) {
  await composer(p).fill(prompt);
  await sendButton(p).click();
}

/** The text of the main pane after the last place `marker` appears (the prompt of a turn). */
async function textAfter(p, marker) {
  const text = await main(p).innerText();
  const at = text.lastIndexOf(marker);
  return at < 0 ? null : text.slice(at + marker.length);
}

function countWords(text) {
  const counts = [];
  for (let i = 0; i < SLOW_WORDS; i++) counts.push((text.match(new RegExp(`\\bword${i}\\b`, 'g')) ?? []).length);
  return counts;
}

function describeCounts(counts) {
  const missing = counts.flatMap((c, i) => (c === 0 ? [`word${i}`] : []));
  const doubled = counts.flatMap((c, i) => (c > 1 ? [`word${i}×${c}`] : []));
  return `missing: ${missing.length ? missing.join(' ') : 'none'}; more than once: ${doubled.length ? doubled.join(' ') : 'none'}`;
}

/** Every one of word0 … word99 exactly once after the prompt `marker`. */
async function expectAllWordsOnce(p, marker, timeout = 20_000) {
  await eventually(async () => {
    const text = await textAfter(p, marker);
    return text === null ? null : countWords(text);
  }, (c) => c !== null && c.every((n) => n === 1), {
    timeout,
    describe: (c) => (c === null ? `the prompt "${marker}" is not on the page`
      : `the answer to "${marker}" should hold word0 … word${SLOW_WORDS - 1} once each; ${describeCounts(c)}`),
  });
}

const steps = [
  ['1. first-run setup of the admin, sign out, sign in', async () => {
    desk = await openPage(browser, { base, problems, warnings });
    await desk.goto('/');
    await desk.getByRole('heading', { name: 'Create the first admin' }).waitFor();
    await shot(desk, 'setup');
    // A common password is refused like any other weak one, and the error is tied to its field.
    await fillSetup(desk, { username, password: 'password12345' });
    const weak = desk.getByLabel('Password', { exact: true });
    await eventually(() => weak.getAttribute('aria-invalid'), (v) => v === 'true', { describe: (v) => `aria-invalid of the password: ${v}` });
    await desk.getByRole('alert').filter({ hasText: /too common/ }).waitFor();
    await shot(desk, 'setup-common-password-refused');
    await fillSetup(desk, { username, password });
    await userMenu(desk).waitFor();
    await desk.getByRole('heading', { name: 'Welcome' }).waitFor();
    await shot(desk, 'signed-in-after-setup');

    await userMenu(desk).click();
    await desk.getByRole('menuitem', { name: 'Sign out' }).click();
    await desk.getByRole('heading', { name: 'Sign in to Claude Code UI' }).waitFor();
    await desk.getByRole('status').filter({ hasText: 'You are signed out.' }).waitFor();
    check(!(await userMenu(desk).isVisible()), 'the user menu is still shown after signing out');
    // a wrong password is refused with a message, and the right one works
    await fillLogin(desk, { username, password: `${password}-wrong` });
    await desk.getByRole('alert').filter({ hasText: /wrong|invalid|incorrect/i }).waitFor();
    await shot(desk, 'wrong-password');
    await fillLogin(desk, { username, password });
    await userMenu(desk).waitFor();
    await desk.getByRole('heading', { name: 'Welcome' }).waitFor();
    await shot(desk, 'signed-in');
  }],

  ['2. add the project by its path in the sidebar and open it', async () => {
    await desk.getByRole('button', { name: 'Add project' }).click();
    const form = desk.getByRole('form', { name: 'Add a project' });
    await form.getByLabel('Folder path').fill(projectPath);
    await shot(desk, 'add-project');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    const url = await eventually(() => desk.url(), (u) => /#\/p\/[^/]+$/.test(u), {
      describe: (u) => `the page should open the new project (#/p/{id}); it is at ${u}`,
    });
    projectId = decodeURIComponent(url.split('#/p/')[1]);
    await main(desk).getByRole('heading', { level: 1, name: projectName }).waitFor();
    await main(desk).getByText(projectPath, { exact: true }).waitFor();
    await desk.getByRole('list', { name: 'Projects', exact: true }).getByRole('link', { name: new RegExp(`^${projectName}\\b`) }).waitFor();
    await shot(desk, 'project');
  }],

  ['3. new session: a prompt streams its answer and the URL becomes the session\'s', async () => {
    const newSession = main(desk).getByRole('button', { name: 'New session' })
      .or(main(desk).getByRole('link', { name: 'New session' })).first();
    await newSession.click();
    await eventually(() => desk.url(), (u) => u.endsWith(`#/p/${encodeURIComponent(projectId)}/new`) || u.endsWith(`#/p/${projectId}/new`), {
      describe: (u) => `"New session" should lead to #/p/${projectId}/new; the page is at ${u}`,
    });
    await composer(desk).waitFor();
    await shot(desk, 'new-session');
    await send(desk, 'Hello from the browser test');
    await main(desk).getByText(/Hi from fake server \(req \d+\)\. You said: Hello from the browser test/).first()
      .waitFor({ timeout: CHAT_TIMEOUT });
    sessionUrl = await eventually(() => desk.url(), (u) => SESSION_URL.test(u) && u.includes(`/p/${encodeURIComponent(projectId)}/`), {
      describe: (u) => `after the first answer the URL should be #/p/${projectId}/s/{sessionId}; it is ${u}`,
    });
    await interruptButton(desk).waitFor({ state: 'hidden', timeout: CHAT_TIMEOUT });
    await shot(desk, 'first-answer');
  }],

  ['4. a Write tool asks for permission; Allow writes hello.txt, which the Files tab shows', async () => {
    const file = `${projectPath}/hello.txt`;
    await send(desk, `WRITE ${file}`);
    const card = main(desk).getByRole('region', { name: 'Permission request' }).last();
    const allow = card.getByRole('button', { name: 'Allow', exact: true });
    await allow.waitFor({ timeout: CHAT_TIMEOUT });
    await card.getByRole('button', { name: 'Deny', exact: true }).waitFor();
    await card.getByRole('button', { name: 'Always allow', exact: true }).waitFor();
    await card.getByText('Write').first().waitFor();
    await card.getByText(file).first().waitFor();
    check(!(await exists(file)), 'hello.txt exists before anyone allowed the Write');
    await shot(desk, 'permission-card');
    await allow.click();
    await card.getByRole('status').filter({ hasText: /^Allowed\b/ }).waitFor({ timeout: CHAT_TIMEOUT });
    await allow.waitFor({ state: 'hidden' });
    // the tool's result goes back to the model, whose final text quotes it
    await main(desk).getByText(/Tool finished \(is_error=false\): File created successfully/).first()
      .waitFor({ timeout: CHAT_TIMEOUT });
    await interruptButton(desk).waitFor({ state: 'hidden', timeout: CHAT_TIMEOUT });
    await shot(desk, 'tool-result');

    await tab(desk, 'Files').click();
    const tree = desk.getByRole('tree', { name: 'Project files' });
    await tree.getByRole('button', { name: 'hello.txt' }).click();
    await desk.locator('.cm-content').getByText('written by fake model').waitFor();
    await shot(desk, 'files-hello');
    await tab(desk, 'Chat').click();
    await eventually(() => desk.url(), (u) => u === sessionUrl, { describe: (u) => `"Chat" should lead back to ${sessionUrl}; it is ${u}` });
  }],

  ['5. a slow answer streams, Interrupt ends the turn, and the next prompt works', async () => {
    await send(desk, 'SLOW then interrupt');
    await main(desk).getByText(/\bword3\b/).first().waitFor({ timeout: CHAT_TIMEOUT });
    check(!(await main(desk).getByText(/\bword99\b/).count()), 'the answer came whole, not word by word');
    await shot(desk, 'streaming');
    await interruptButton(desk).click();
    await main(desk).getByText(/interrupted/i).first().waitFor({ timeout: CHAT_TIMEOUT });
    await interruptButton(desk).waitFor({ state: 'hidden' });
    const after = (await textAfter(desk, 'SLOW then interrupt')) ?? '';
    check(!/\bword99\b/.test(after), 'the interrupted answer went on to its last word (word99)');
    await shot(desk, 'interrupted');
    await send(desk, 'Still there after the interrupt?');
    await main(desk).getByText(/You said: Still there after the interrupt\?/).first().waitFor({ timeout: CHAT_TIMEOUT });
    await interruptButton(desk).waitFor({ state: 'hidden', timeout: CHAT_TIMEOUT });
    await shot(desk, 'after-interrupt');
  }],

  ['6. a reload in the middle of a stream shows the whole answer once', async () => {
    const marker = 'SLOW across a reload';
    await send(desk, marker);
    await main(desk).getByText(/\bword10\b/).first().waitFor({ timeout: CHAT_TIMEOUT });
    await shot(desk, 'before-reload');
    await desk.reload();
    await composer(desk).waitFor();
    check(desk.url() === sessionUrl, `the reload should stay on ${sessionUrl}; it is at ${desk.url()}`);
    await main(desk).getByText(new RegExp(`\\bword${SLOW_WORDS - 1}\\b`)).first().waitFor({ timeout: CHAT_TIMEOUT });
    await interruptButton(desk).waitFor({ state: 'hidden', timeout: CHAT_TIMEOUT });
    await expectAllWordsOnce(desk, marker);
    await shot(desk, 'after-reload');
  }],

  ['7. the Terminal tab runs a command', async () => {
    await tab(desk, 'Terminal').click();
    await desk.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 20_000 });
    await desk.locator('.xterm-helper-textarea').focus();
    await desk.keyboard.type('echo e2e-$RANDOM');
    await desk.keyboard.press('Enter');
    const line = desk.locator('.xterm-rows > div').filter({ hasText: /^\s*e2e-\d+\s*$/ }).first();
    await line.waitFor();
    console.log(`  the terminal printed: ${(await line.innerText()).trim()}`);
    await shot(desk, 'terminal');
  }],

  ['8. the Git tab stages and commits hello.txt', async () => {
    await tab(desk, 'Git').click();
    const untracked = desk.getByRole('list', { name: 'Untracked files' });
    await untracked.getByRole('button', { name: 'Show the diff of hello.txt (untracked)' }).waitFor();
    await shot(desk, 'git-untracked');
    await untracked.getByRole('button', { name: 'Stage hello.txt' }).click();
    await desk.getByRole('list', { name: 'Staged changes' }).getByRole('button', { name: /^Show the diff of hello\.txt/ }).waitFor();
    const message = 'Add hello.txt written by Claude';
    await desk.getByLabel('Commit message').fill(message);
    await shot(desk, 'git-staged');
    await desk.getByRole('button', { name: /^Commit 1 file$/ }).click();
    await desk.getByRole('status').filter({ hasText: /^Committed [0-9a-f]{7}\.$/ }).waitFor();
    await desk.getByText('No changes: the working tree is clean.').waitFor();
    await desk.getByRole('button', { name: 'History' }).click();
    const commits = desk.getByRole('list', { name: 'Commits' }).getByRole('listitem');
    await commits.first().filter({ hasText: message }).waitFor();
    check((await commits.count()) >= 2, 'the history should list the new commit above the first one');
    await shot(desk, 'git-history');
  }],

  ['9. at phone width the drawer opens a project and one of its sessions, and the composer works', async () => {
    phone = await openPage(browser, { base, ...PHONE, problems, warnings, isMobile: true });
    await phone.context().addCookies(await desk.context().cookies());
    await phone.goto('/');
    await userMenu(phone).waitFor();
    const projects = phone.getByRole('list', { name: 'Projects', exact: true });
    check(!(await projects.isVisible()), `at ${PHONE.width} px the sidebar should start closed`);
    await phone.getByRole('button', { name: 'Open the sidebar' }).click();
    await projects.getByRole('link', { name: new RegExp(`^${projectName}\\b`) }).click();
    await main(phone).getByRole('heading', { level: 1, name: projectName }).waitFor();
    // The drawer stays open on the project's sessions, to pick one.
    const sessions = phone.locator('#sidebar').getByRole('list', { name: /^Sessions of/ });
    await sessions.getByRole('link').first().waitFor();
    check(await projects.isVisible(), 'picking a project should keep the drawer open on its sessions');
    await shot(phone, 'phone-drawer');
    await sessions.getByRole('link').first().click();
    await eventually(() => phone.url(), (u) => u === sessionUrl, {
      describe: (u) => `the newest session (${sessionUrl}) should open; the phone is at ${u}`,
    });
    await projects.waitFor({ state: 'hidden' });
    // the session loaded afresh shows the answer that streamed across the reload once
    await expectAllWordsOnce(phone, 'SLOW across a reload');

    const box = composer(phone);
    await box.waitFor();
    await box.scrollIntoViewIfNeeded();
    const rect = await box.boundingBox();
    check(rect && rect.x >= 0 && rect.x + rect.width <= PHONE.width && rect.y >= 0 && rect.y + rect.height <= PHONE.height,
      `the composer should fit the ${PHONE.width}×${PHONE.height} screen; it is at ${JSON.stringify(rect)}`);
    const sendRect = await sendButton(phone).boundingBox();
    check(sendRect && sendRect.x + sendRect.width <= PHONE.width, `"Send" should be on screen; it is at ${JSON.stringify(sendRect)}`);
    await shot(phone, 'phone-session');
    await send(phone, 'Hello from a phone');
    await main(phone).getByText(/You said: Hello from a phone/).first().waitFor({ timeout: CHAT_TIMEOUT });
    await interruptButton(phone).waitFor({ state: 'hidden', timeout: CHAT_TIMEOUT });
    await shot(phone, 'phone-answer');
  }],

  ['10. Chromium can install it as an app (manifest, icons, service worker)', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'ccui-e2e-profile-'));
    const app = await launchChromiumProfile(profile);
    try {
      const page = app.pages()[0] ?? (await app.newPage());
      await page.goto(base);
      await page.getByRole('heading', { name: 'Sign in to Claude Code UI' }).waitFor();
      const worker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
      check(worker === `${base}/sw.js`, `the service worker should be ${base}/sw.js; it is ${worker}`);
      const cdp = await app.newCDPSession(page);
      const manifest = await cdp.send('Page.getAppManifest');
      check(manifest.errors.length === 0, `the manifest has errors: ${JSON.stringify(manifest.errors)}`);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      check(installabilityErrors.length === 0, `Chromium says it cannot be installed: ${JSON.stringify(installabilityErrors)}`);
    } finally {
      await app.close();
      await rm(profile, { recursive: true, force: true });
    }
  }],
  ...themeSteps({ browser, base, shot, problems, warnings, username, password, desk: () => desk }),
  ...languageSteps({ browser, base, shot, problems, warnings, username, password, projectId: () => projectId, projectName: () => projectName }),
  ...mcpSteps({
    base, shot, desk: () => desk, projectId: () => projectId, projectName: () => projectName,
    report,
  }),
  ...pageSteps({
    browser, base, shot, problems, warnings, projectPath, projectName, claudeConfig,
    pages: { desk: () => desk, setPhone: (p) => { phone = p; } },
    report,
  }),
  ['issue 19: a session whose transcript file is removed from disk stays readable, marked Archived', async () => {
    check(claudeConfig && sessionUrl, 'E2E_CLAUDE_CONFIG_DIR and the session of step 3 are needed');
    const sessionId = decodeURIComponent(sessionUrl.split('/s/')[1]);
    // What the CLI's own clean-up (or a user's rm) does to an old transcript.
    await rm(join(claudeConfig, 'projects', encodeCwd(projectPath), `${sessionId}.jsonl`));
    await desk.setViewportSize({ width: 1280, height: 800 });
    const sessions = desk.getByRole('list', { name: `Sessions of ${projectName}` });
    const link = sessions.locator(`a[href$="/s/${sessionId}"]`);
    await desk.goto(sessionUrl);
    await link.getByText('Archived', { exact: true }).waitFor({ timeout: 20_000 });
    await desk.getByRole('note').filter({ hasText: /removed from disk; kept in the archive/ }).waitFor();
    await desk.reload();
    await main(desk).locator('.session-facts').getByText('Archived', { exact: true }).waitFor();
    // The newest messages, now read from the archive.
    await main(desk).getByText(/You said: Hello from a phone/).first().waitFor();
    await shot(desk, 'archived-session');
  }],
  ...conversationSteps({ base, shot, desk: () => desk, projectId: () => projectId, projectName: () => projectName }),
  ...(await import('./workspace-steps.mjs')).workspaceSteps({ browser, base, shot, problems, warnings, desk: () => desk, projectId: () => projectId, projectName: () => projectName, projectPath }),
];

const code = await runSteps(steps, {
  pages: () => [['desktop', desk], ['phone', phone]],
  shot,
  problems,
  warnings,
  onFinish: () => {
    if (figures.length) console.log(`e2e figures:\n  ${figures.join('\n  ')}`);
    return browser.close();
  },
});
process.exit(code);
