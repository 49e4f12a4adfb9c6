// Writes .gz and .br siblings for every asset larger than 1 KB so the server can
// serve precompressed files. Runs after `vite build` (see package.json "build").
import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = join(root, 'target', 'classes', 'web', 'assets');
const MIN_BYTES = 1024;
const SKIP = /\.(gz|br)$/i;

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

let count = 0;
try {
  await stat(assets);
} catch {
  console.error(`precompress: ${assets} does not exist; run vite build first`);
  process.exit(1);
}
for await (const file of walk(assets)) {
  if (SKIP.test(file)) continue;
  const data = await readFile(file);
  if (data.length <= MIN_BYTES) continue;
  await writeFile(`${file}.gz`, gzipSync(data, { level: 9 }));
  await writeFile(
    `${file}.br`,
    brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  );
  count++;
}
console.log(`precompress: wrote .gz and .br for ${count} file(s)`);
