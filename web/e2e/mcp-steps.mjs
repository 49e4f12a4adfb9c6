// The step of run.mjs for the MCP servers screen of issue 16: opened from the project menu, a stdio
// server added with a secret environment variable (the real CLI stores it through `claude mcp
// add-json`; /bin/true answers no MCP, so its health check fails, which the page says in words),
// listed with the variable's name but never its value, shown at phone width, and removed after a
// confirmation. The server's CLAUDE_CONFIG_DIR is the run's own: nothing outside it changes.
import { check } from './lib.mjs';

const PHONE = { width: 390, height: 844 };
const SECRET = 'e2e-mcp-secret-5b07';
// The CLI health-checks every server before answering: seconds, more on a loaded machine.
const CHECK_TIMEOUT = 90_000;

const main = (p) => p.getByRole('main');

/** Waits for "Checking servers…" to end; returns how long it took, in seconds. */
async function checked(p) {
  const t0 = Date.now();
  await main(p).getByRole('status').filter({ hasText: 'Checking servers' }).waitFor({ state: 'hidden', timeout: CHECK_TIMEOUT });
  return (Date.now() - t0) / 1000;
}

export function mcpSteps({ base, shot, desk, projectId, projectName, report }) {
  return [
    ['issue 16: MCP servers from the project menu: add a stdio server with a secret variable, see it listed (name only), remove it; at phone width too', async () => {
      const p = desk();
      await p.setViewportSize({ width: 1280, height: 800 });
      await p.goto(`${base}/#/p/${encodeURIComponent(projectId())}`);
      await p.getByRole('button', { name: `More actions for ${projectName()}` }).first().click();
      await p.getByRole('link', { name: 'MCP servers', exact: true }).click();
      await main(p).getByRole('heading', { level: 1, name: 'MCP servers' }).waitFor();
      check(p.url().endsWith(`#/p/${encodeURIComponent(projectId())}/mcp`), `the screen should be #/p/{id}/mcp; it is ${p.url()}`);
      report(`MCP servers: first list (claude mcp list) in ${(await checked(p)).toFixed(1)} s`);

      const form = main(p).getByRole('form', { name: 'Add an MCP server' });
      await form.getByLabel('Name', { exact: true }).fill('e2e-true');
      await form.getByRole('radio', { name: /^local/ }).check();
      await form.getByLabel('Transport').selectOption('stdio');
      await form.getByLabel('Command', { exact: true }).fill('/bin/true');
      await form.getByLabel('Arguments (one per line)').fill('--e2e\n--second');
      await form.getByRole('button', { name: 'Add variable' }).click();
      await form.getByLabel('Name of variable 1').fill('E2E_TOKEN');
      await form.getByLabel('Value of variable 1').fill(SECRET);
      check(await form.getByLabel('Value of variable 1').getAttribute('type') === 'password', 'a variable\'s value should be a password input');
      const t0 = Date.now();
      await form.getByRole('button', { name: 'Add server' }).click();
      await form.getByRole('status').filter({ hasText: 'Added “e2e-true” (local scope).' }).waitFor({ timeout: CHECK_TIMEOUT });
      report(`MCP servers: added (claude mcp add-json) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      check(!(await form.getByLabel('Value of variable 1').count()), 'the form should forget the secret once it is sent');
      await checked(p);
      report(`MCP servers: added and listed again in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

      const list = main(p).getByRole('list', { name: `MCP servers of ${projectName()}` });
      const item = list.getByRole('listitem').filter({ has: p.getByRole('heading', { name: 'e2e-true', exact: true }) });
      await item.waitFor();
      await item.getByText('/bin/true --e2e --second', { exact: true }).waitFor();
      await item.getByText('E2E_TOKEN', { exact: true }).waitFor();
      const text = await item.innerText();
      check(/\blocal\b/.test(text) && /\bstdio\b/.test(text), `the server should say local and stdio: ${text}`);
      const badge = (await item.locator('.mcp-status').innerText()).trim();
      check(badge.length > 2, `the status should be in words: "${badge}"`);
      console.log(`  the CLI's status of /bin/true: ${badge}`);
      check(!(await p.content()).includes(SECRET), 'the secret value is on the page');
      await list.scrollIntoViewIfNeeded();
      await shot(p, 'mcp-servers');

      // At phone width: nothing wider than the screen, the Remove button on it.
      await p.setViewportSize(PHONE);
      await list.scrollIntoViewIfNeeded();
      const width = await p.evaluate(() => document.documentElement.scrollWidth);
      check(width <= PHONE.width, `at ${PHONE.width} px the page should not scroll sideways; it is ${width} px wide`);
      const remove = item.getByRole('button', { name: 'Remove e2e-true (local scope)' });
      await remove.scrollIntoViewIfNeeded();
      const box = await remove.boundingBox();
      check(box && box.x >= 0 && box.x + box.width <= PHONE.width, `"Remove" should be on screen; it is at ${JSON.stringify(box)}`);
      await shot(p, 'mcp-servers-phone');

      // Remove asks first; the CLI's list no longer has it afterwards.
      let asked = null;
      p.once('dialog', (d) => {
        asked = d.message();
        void d.accept();
      });
      await remove.click();
      await item.waitFor({ state: 'hidden', timeout: CHECK_TIMEOUT });
      check(asked?.includes('Remove the MCP server “e2e-true” (local scope)?'), `Remove should ask first; it asked ${asked}`);
      await main(p).getByRole('button', { name: 'Check again' }).click();
      await checked(p);
      check(!(await list.getByRole('heading', { name: 'e2e-true', exact: true }).count()), 'e2e-true is listed again after its removal');
      await p.setViewportSize({ width: 1280, height: 800 });
    }],
  ];
}
