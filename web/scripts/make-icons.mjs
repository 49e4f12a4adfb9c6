// Draws the PWA icons (public/icon-192.png, icon-512.png, icon-maskable-512.png) from the
// shapes of public/icon.svg, without an image library: run it again after changing the design.
//   node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const ACCENT = [0xd9, 0x77, 0x57];
const WHITE = [0xff, 0xff, 0xff];

// The code glyph of icon.svg, in its 64×64 units: "<", ">" and "/" strokes 5 units wide.
const STROKES = [
  [[22, 22], [12, 32]], [[12, 32], [22, 42]],
  [[42, 22], [52, 32]], [[52, 32], [42, 42]],
  [[36, 18], [28, 46]],
];

function distToSegment(px, py, [[ax, ay], [bx, by]]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedRect(x, y, size, radius) {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** RGBA pixels; `maskable` fills the whole square and keeps the glyph in the 80 % safe zone. */
function draw(size, maskable) {
  const px = Buffer.alloc(size * size * 4);
  const glyphScale = maskable ? 0.7 : 1;
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0, fg = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const ux = ((x + (sx + 0.5) / samples) / size) * 64;
          const uy = ((y + (sy + 0.5) / samples) / size) * 64;
          const inBg = maskable || insideRoundedRect(ux, uy, 64, 14);
          if (!inBg) continue;
          bg++;
          const gx = 32 + (ux - 32) / glyphScale, gy = 32 + (uy - 32) / glyphScale;
          if (STROKES.some((s) => distToSegment(gx, gy, s) <= 2.5)) fg++;
        }
      }
      const n = samples * samples;
      const a = bg / n, f = bg ? fg / bg : 0;
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) px[i + c] = Math.round(ACCENT[c] * (1 - f) + WHITE[c] * f);
      px[i + 3] = Math.round(a * 255);
    }
  }
  return px;
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), png(192, draw(192, false)));
writeFileSync(new URL('icon-512.png', out), png(512, draw(512, false)));
writeFileSync(new URL('icon-maskable-512.png', out), png(512, draw(512, true)));
