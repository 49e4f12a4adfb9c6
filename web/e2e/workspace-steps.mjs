// The steps of run.mjs for the workspace screens of issue 16: the Files tab's uploads (files, a
// folder, the choice before replacing), its downloads (a folder as a zip, a file byte for byte), and
// the project menu's "Memory & settings" (the project's CLAUDE.md with a Markdown preview, the
// person's own CLAUDE.md); then the same screens on a phone and in dark mode.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, eventually, openPage } from './lib.mjs';
import { choose, saved } from './theme-steps.mjs';

const PHONE = { width: 390, height: 844, isMobile: true };
const FOLDER = 'uploaded-site';
/** The folder picked in "Upload folder", as the person has it on their disk. */
const FOLDER_FILES = {
  'index.html': '<!doctype html><title>Uploaded</title>\n',
  'css/site.css': 'body { margin: 0; }\n',
  'js/app.js': 'console.log("uploaded");\n',
};
const NOTES = 'upload-notes.txt';
const DATA = 'upload-data.bin';
const MEMORY = '# Project rules\n\n- Answer in **short** sentences.\n- Run `./mvnw verify` before a commit.\n';
const MY_MEMORY = '# My habits\n\nI like small commits.\n';

/** The names in a zip, read from its central directory (the zip has no comment, as the server writes it). */
function zipNames(zip) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  check(end >= 0, 'the download is not a zip (no end of central directory)');
  const names = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    check(zip.readUInt32LE(at) === 0x02014b50, `no central directory header at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

/** Clicks `link` and returns the bytes and suggested name of what the browser downloads. */
async function download(p, link) {
  const [file] = await Promise.all([p.waitForEvent('download'), link.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** No sideways scrolling: the page is no wider than the screen. */
async function fitsWidth(p, what) {
  const { scroll, inner } = await p.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth }));
  check(scroll <= inner, `${what} scrolls sideways at ${inner} px: it is ${scroll} px wide`);
}

const filesTab = (base, projectId) => `${base}/#/p/${encodeURIComponent(projectId)}/files`;

/** Opens "Memory & settings" from the project's menu in the sidebar and one of its files; returns the editor dialog. */
async function openMemory(p, projectName, file, title) {
  const more = p.getByRole('button', { name: `More actions for ${projectName}`, exact: true });
  if (!(await more.isVisible())) await p.getByRole('button', { name: 'Open the sidebar' }).click();
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  const memory = p.getByRole('button', { name: 'Memory & settings', exact: true });
  if ((await memory.getAttribute('aria-expanded')) !== 'true') await memory.click();
  await p.getByRole('group', { name: 'Memory and settings' }).getByRole('button', { name: file, exact: true }).click();
  const dialog = p.getByRole('dialog', { name: title, exact: true });
  await dialog.waitFor();
  await dialog.getByRole('tab', { name: 'Edit', exact: true }).waitFor();
  return dialog;
}

export function workspaceSteps({ browser, base, shot, problems, warnings, desk, projectId, projectName, projectPath }) {
  const notes = Buffer.from('first version of the notes\n');
  const data = randomBytes(4096); // every byte value, likely: a download must not re-encode it

  return [
    ['issue 16: the Files tab uploads two files and a folder, asks before replacing one, downloads the folder as a zip and a file as it was', async () => {
      const p = desk();
      await p.setViewportSize({ width: 1280, height: 800 });
      await p.goto(filesTab(base, projectId()));
      const tree = p.getByRole('tree', { name: 'Project files' });
      const entry = (name) => tree.getByRole('button', { name, exact: true });
      await entry('hello.txt').waitFor();
      const status = p.getByRole('status').filter({ hasText: /^Uploaded / });

      await p.getByRole('button', { name: 'Upload files', exact: true }).waitFor();
      await p.locator('input[aria-label="Files to upload"]').setInputFiles([
        { name: NOTES, mimeType: 'text/plain', buffer: notes },
        { name: DATA, mimeType: 'application/octet-stream', buffer: data },
      ]);
      await status.filter({ hasText: 'Uploaded 2 files to the project root.' }).waitFor();
      await entry(NOTES).waitFor();
      await entry(DATA).waitFor();

      const picked = await mkdtemp(join(tmpdir(), 'ccui-e2e-upload-'));
      try {
        for (const [path, text] of Object.entries(FOLDER_FILES)) {
          await mkdir(join(picked, FOLDER, path, '..'), { recursive: true });
          await writeFile(join(picked, FOLDER, path), text);
        }
        // A directory given to a webkitdirectory input: each file arrives with its path in the folder.
        await p.locator('input[aria-label="Folder to upload"]').setInputFiles(join(picked, FOLDER));
        // The browser reads the picked files when it sends them: they stay on disk until then.
        await status.filter({ hasText: `Uploaded ${Object.keys(FOLDER_FILES).length} files to the project root.` }).waitFor();
      } finally {
        await rm(picked, { recursive: true, force: true });
      }
      await entry(FOLDER).waitFor();
      for (const [path, text] of Object.entries(FOLDER_FILES)) {
        check((await readFile(join(projectPath, FOLDER, path), 'utf8')) === text, `${FOLDER}/${path} on disk is not the file uploaded`);
      }
      check((await readFile(join(projectPath, DATA))).equals(data), `${DATA} on disk differs from the bytes uploaded`);
      await shot(p, 'files-uploaded');

      // The same name again: nothing is written until the person chooses.
      const second = Buffer.from('second version of the notes\n');
      await p.locator('input[aria-label="Files to upload"]').setInputFiles([{ name: NOTES, mimeType: 'text/plain', buffer: second }]);
      const conflict = p.getByRole('alertdialog', { name: 'Files already exist' });
      await conflict.getByText(`This file already exists: ${NOTES}. Nothing was uploaded.`).waitFor();
      await conflict.getByRole('button', { name: 'Cancel', exact: true }).waitFor();
      check((await readFile(join(projectPath, NOTES))).equals(notes), `${NOTES} changed on disk before "Replace them" was chosen`);
      await shot(p, 'files-upload-conflict');
      await conflict.getByRole('button', { name: 'Replace them', exact: true }).click();
      await status.filter({ hasText: 'Uploaded 1 file to the project root.' }).waitFor();
      await conflict.waitFor({ state: 'hidden' });
      await eventually(() => readFile(join(projectPath, NOTES)), (b) => b.equals(second),
        { describe: (b) => `${NOTES} on disk should hold the second version; it holds ${JSON.stringify(b.toString())}` });

      // The folder selected: the toolbar offers it as a zip.
      await entry(FOLDER).click();
      await entry('index.html').waitFor();
      const zip = await download(p, p.getByRole('toolbar', { name: 'File actions' }).getByRole('link', { name: 'Download as zip', exact: true }));
      check(zip.name.endsWith('.zip'), `the zip download should be named *.zip; it is ${zip.name}`);
      const names = zipNames(zip.bytes);
      const files = names.filter((n) => !n.endsWith('/')).sort();
      const expected = Object.keys(FOLDER_FILES).map((f) => `${FOLDER}/${f}`).sort();
      check(JSON.stringify(files) === JSON.stringify(expected), `the zip should hold ${expected.join(', ')}; it holds ${names.join(', ')}`);
      console.log(`  ${zip.name}: ${names.join(', ')}`);

      // A file selected: "Download" gives its bytes unchanged.
      await entry(DATA).click();
      const file = await download(p, p.getByRole('link', { name: 'Download the selected file', exact: true }));
      check(file.name === DATA, `the download should be named ${DATA}; it is ${file.name}`);
      check(file.bytes.equals(data), `the downloaded ${DATA} (${file.bytes.length} bytes) differs from the ${data.length} bytes uploaded`);
    }],

    ['issue 16: Memory & settings edits the project\'s CLAUDE.md with a Markdown preview and saves it to disk, and the person\'s own CLAUDE.md', async () => {
      const p = desk();
      await p.setViewportSize({ width: 1280, height: 800 });
      await p.goto(`${base}/#/p/${encodeURIComponent(projectId())}`);
      const title = `CLAUDE.md of ${projectName()}`;
      const dialog = await openMemory(p, projectName(), 'CLAUDE.md', title);
      await dialog.getByText('There is no such file yet: saving creates it.').waitFor();
      await dialog.getByRole('textbox', { name: `Contents of ${title}` }).fill(MEMORY);
      await dialog.getByRole('tab', { name: 'Preview', exact: true }).click();
      await dialog.getByRole('heading', { name: 'Project rules' }).waitFor();
      await dialog.locator('strong', { hasText: 'short' }).waitFor();
      await shot(p, 'memory-editor');
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();
      await dialog.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      check((await readFile(join(projectPath, 'CLAUDE.md'), 'utf8')) === MEMORY, 'the project\'s CLAUDE.md on disk is not what was saved');
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });

      const mine = await openMemory(p, projectName(), 'My CLAUDE.md', 'My CLAUDE.md');
      await mine.getByText('Read by every run you start, in every project.').waitFor();
      await mine.getByRole('textbox', { name: 'Contents of My CLAUDE.md' }).fill(MY_MEMORY);
      await mine.getByRole('button', { name: 'Save', exact: true }).click();
      await mine.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      const stored = await p.evaluate(async () => (await (await fetch('/api/memory/user')).json()).content);
      check(stored === MY_MEMORY, `the server should hold the saved "My CLAUDE.md"; it holds ${JSON.stringify(stored)}`);
      await mine.getByRole('button', { name: 'Close', exact: true }).click();
      await mine.waitFor({ state: 'hidden' });
    }],

    ['issue 16: on a phone the Files tab and the memory editor fit the screen; in dark mode they are dark', async () => {
      const p = desk();
      const phone = await openPage(browser, { base, ...PHONE, problems, warnings });
      const title = `CLAUDE.md of ${projectName()}`;
      try {
        await phone.context().addCookies(await p.context().cookies());
        await phone.goto(filesTab(base, projectId()));
        const tree = phone.getByRole('tree', { name: 'Project files' });
        await tree.getByRole('button', { name: FOLDER, exact: true }).waitFor();
        await tree.getByRole('button', { name: NOTES, exact: true }).waitFor();
        await fitsWidth(phone, 'the Files tab');
        await shot(phone, 'files-phone');

        await phone.goto(`${base}/#/p/${encodeURIComponent(projectId())}`);
        const dialog = await openMemory(phone, projectName(), 'CLAUDE.md', title);
        await dialog.getByRole('textbox', { name: `Contents of ${title}` }).waitFor();
        check((await dialog.getByRole('textbox', { name: `Contents of ${title}` }).inputValue()) === MEMORY,
          'the phone should open the CLAUDE.md saved on the desktop');
        await fitsWidth(phone, 'the memory editor');
        await shot(phone, 'memory-editor-phone');

        // Dark, chosen on the desktop: the editor there, and the phone's Files tab once reloaded.
        await choose(p, 'Dark');
        await p.keyboard.press('Escape');
        await eventually(() => p.evaluate(() => document.documentElement.dataset.theme), (t) => t === 'dark',
          { describe: (t) => `the page should be dark; its theme is ${t}` });
        const dark = await openMemory(p, projectName(), 'CLAUDE.md', title);
        await dark.getByRole('tab', { name: 'Preview', exact: true }).click();
        await dark.getByRole('heading', { name: 'Project rules' }).waitFor();
        await shot(p, 'memory-editor-dark');
        await dark.getByRole('button', { name: 'Close', exact: true }).click();

        await phone.goto(filesTab(base, projectId()));
        // Only the hash changed: loaded afresh, as the person's other device would be.
        await phone.reload();
        await tree.getByRole('button', { name: FOLDER, exact: true }).waitFor();
        await eventually(() => phone.evaluate(() => document.documentElement.dataset.theme), (t) => t === 'dark',
          { describe: (t) => `the phone should follow the person's choice of dark; its theme is ${t}` });
        await fitsWidth(phone, 'the Files tab in dark mode');
        await shot(phone, 'files-phone-dark');
      } finally {
        await phone.context().close();
        // Back to System whatever happened above, so that the later steps see the device's scheme.
        await choose(p, 'System').catch(async (err) => {
          console.log(`  the user menu did not set System (${err.message}); set through the API instead`);
          await p.evaluate(() => fetch('/api/me/preferences', {
            method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-CCUI-CSRF': '1' }, body: JSON.stringify({ theme: 'system' }),
          }));
        });
        await p.keyboard.press('Escape');
      }
      await eventually(() => saved(p), (t) => t === 'system', { describe: (t) => `the server should have system; it has ${t}` });
      check((await p.evaluate(() => document.documentElement.dataset.theme)) === 'light', 'after System the light device should see light');
    }],
  ];
}
