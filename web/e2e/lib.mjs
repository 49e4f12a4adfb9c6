// Shared helpers of the browser scripts in this folder: Debian's Chromium through playwright-core
// (Playwright never downloads a browser here), pages that record console and page errors,
// first-run setup or sign-in, screenshots, and a step runner that stops at the first failure.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Where the server is, who signs in, where screenshots go (CCUI_URL, E2E_USER, E2E_PASSWORD, argv or E2E_SCREENSHOTS). */
export function settings(defaultOut = '/tmp') {
  const out = process.env.E2E_SCREENSHOTS ?? process.argv[2] ?? defaultOut;
  mkdirSync(out, { recursive: true });
  return {
    base: process.env.CCUI_URL ?? 'http://127.0.0.1:3911',
    username: process.env.E2E_USER ?? 'admin',
    password: process.env.E2E_PASSWORD ?? 'correct horse battery staple',
    out,
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

/** Headless Chromium from CHROMIUM, else /usr/bin/chromium (Debian's `chromium` package). */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Headless Chromium with a real (temporary) profile: Chromium only says a site is installable as
 * an app outside incognito, and every context of `launchChromium` is incognito-like.
 */
export function launchChromiumProfile(dir) {
  return chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, locale: 'en-US' });
}

/**
 * A page in a fresh context. Console errors and uncaught page errors go to `problems` (the 401 of
 * /api/auth/me before signing in is expected; `ignore` adds patterns of other expected messages).
 * With `warnings`, console errors go there instead, except Content Security Policy violations:
 * `problems` then holds what must fail a run (uncaught errors, CSP), `warnings` what is only shown
 * (such as a request the UI answers itself, like a 404 it turns into a message).
 */
export async function openPage(browser, { base, width = 1280, height = 800, colorScheme = 'light', problems = [], warnings = null,
  ignore = [], timeout = 15_000, isMobile = false, locale = 'en-US' } = {}) {
  // The browser's language picks the UI's until a person chooses: pinned, so steps read the same words on any machine.
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, baseURL: base, isMobile, hasTouch: isMobile, locale });
  context.setDefaultTimeout(timeout);
  const page = await context.newPage();
  const expected = [/status of 401/, ...ignore];
  page.on('console', (m) => {
    if (m.type() !== 'error' || expected.some((re) => re.test(m.text()))) return;
    const line = `console (${page.url()}): ${m.text()}`;
    (warnings && !/Content Security Policy/i.test(m.text()) ? warnings : problems).push(line);
  });
  page.on('pageerror', (e) => problems.push(`page error (${page.url()}): ${e.message}`));
  return page;
}

/** The top bar's user menu button: there once someone is signed in. */
export const userMenu = (page) => page.getByRole('button', { name: /open the user menu/ });

/** Creates the first admin when the server still needs one, otherwise signs in; returns which it did. */
export async function signIn(page, { username, password }) {
  await page.goto('/');
  const setup = page.getByRole('heading', { name: 'Create the first admin' });
  const login = page.getByRole('heading', { name: 'Sign in to Claude Code UI' });
  await setup.or(login).or(userMenu(page)).first().waitFor();
  if (await setup.isVisible()) {
    await fillSetup(page, { username, password });
    await userMenu(page).waitFor();
    return 'setup';
  }
  if (await login.isVisible()) {
    await fillLogin(page, { username, password });
    await userMenu(page).waitFor();
    return 'login';
  }
  return 'already';
}

export async function fillSetup(page, { username, password }) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Create admin' }).click();
}

export async function fillLogin(page, { username, password }) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The project registered at `path` (registered through the API when missing): for the screenshot scripts. */
export async function projectByPath(page, path) {
  const api = page.context().request;
  const list = await (await api.get('/api/projects')).json();
  let project = list.find((x) => !path || x.path === path);
  if (!project && path) {
    const res = await api.post('/api/projects', { data: { path }, headers: { 'X-CCUI-CSRF': '1' } });
    if (!res.ok()) throw new Error(`adding the project failed: ${res.status()} ${await res.text()}`);
    project = await res.json();
  }
  if (!project) throw new Error('no project: set CCUI_PROJECT_PATH');
  return project;
}

/**
 * Screenshots into `out`, numbered in the order taken unless `numbered` is false. `settleMs` lets
 * animations and lazy chunks finish for the manual screenshot scripts; the end-to-end run waits on
 * UI state instead and passes none.
 */
export function screenshots(out, { settleMs = 0, numbered = true } = {}) {
  let n = 0;
  return async (page, name) => {
    if (settleMs) await page.waitForTimeout(settleMs);
    const file = join(out, `${numbered ? `${String(++n).padStart(2, '0')}-` : ''}${name}.png`);
    await page.screenshot({ path: file, animations: 'disabled' });
    console.log(`  screenshot ${file}`);
    return file;
  };
}

export class Failure extends Error {}

/** Throws a Failure with `message` unless `condition` holds. */
export function check(condition, message) {
  if (!condition) throw new Failure(message);
}

/**
 * Polls `probe` (an async function returning a value) until `accept(value)` holds, like
 * Playwright's expect.poll; fails with `describe(lastValue)` after `timeout` ms.
 */
export async function eventually(probe, accept, { timeout = 20_000, interval = 100, describe = (v) => `last value: ${v}` } = {}) {
  const deadline = Date.now() + timeout;
  let value;
  for (;;) {
    value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Failure(`still not so after ${timeout} ms; ${describe(value)}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Runs named steps in order, printing each with its duration, and returns the exit code: 0, or 1
 * at the first failed step (or when `problems` holds anything at the end), after a screenshot of
 * every page given by `pages()` and the text each showed.
 */
export async function runSteps(steps, { pages, shot, problems, warnings = [], onFinish }) {
  const started = Date.now();
  let current = null;
  try {
    for (const [name, body] of steps) {
      current = name;
      const t0 = Date.now();
      console.log(`▶ ${name}`);
      await body();
      console.log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
    current = null;
    if (warnings.length) console.log(`e2e: console errors seen (not failures):\n  ${warnings.join('\n  ')}`);
    if (problems.length) throw new Failure(`the browser reported problems:\n  ${problems.join('\n  ')}`);
    console.log(`e2e: all ${steps.length} steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (err) {
    console.log(`✘ ${current ?? 'after the steps'}: ${err instanceof Error ? err.message : err}`);
    if (!(err instanceof Failure) && err instanceof Error && err.stack) {
      console.log(err.stack.split('\n').filter((line) => /^\s+at /.test(line)).join('\n'));
    }
    for (const [label, page] of pages()) {
      if (!page || page.isClosed()) continue;
      try {
        console.log(`  ${label} was at ${page.url()}`);
        await shot(page, `FAILED-${label}`);
        const text = await page.locator('body').innerText({ timeout: 2_000 });
        console.log(`  ${label} showed:\n    ${text.slice(-3000).split('\n').join('\n    ')}`);
      } catch (e) {
        console.log(`  (could not capture ${label}: ${e instanceof Error ? e.message : e})`);
      }
    }
    if (problems.length || warnings.length) console.log(`  the browser reported:\n    ${[...problems, ...warnings].join('\n    ')}`);
    return 1;
  } finally {
    await onFinish?.();
  }
}
