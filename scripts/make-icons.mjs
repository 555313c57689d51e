// Draws the app icons (src/web/public/icons/icon-192.png, icon-512.png) from the favicon's design
// (src/web/public/favicon.svg, the mark in src/web/components/NavIcons.tsx): a calm figure standing easy, a head and
// a spine in its natural gentle S, between two soft arcs that open outwards like a held muscle letting go; cream on
// the app's teal. Full-bleed square, so the same file also serves as a maskable icon (the drawing sits inside the
// safe zone, a circle of 40 % of the size around the centre). Run: node scripts/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TEAL = [0x1f, 0x5f, 0x63];
const CREAM = [0xf7, 0xf4, 0xee];
const OUT = path.resolve('src/web/public/icons');

/** The favicon's strokes (64-unit box): cubic Béziers from its SVG path — the spine, then the two arcs. */
const CURVES = [
  [[32, 27], [24.5, 35], [39.5, 43], [32, 52]],
  [[19, 22], [13, 29], [13, 41], [19, 48]],
  [[45, 22], [51, 29], [51, 41], [45, 48]],
];
const STROKE = 5;
/** The head: a filled circle. */
const HEAD = { x: 32, y: 16.5, r: 5.5 };

function bezier([p0, p1, p2, p3], t) {
  const u = 1 - t;
  const a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
  return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
}
const SAMPLES = CURVES.flatMap((curve) => Array.from({ length: 241 }, (_, i) => bezier(curve, i / 240)));

/** Coverage of the drawing at a point (0..1), with one unit of antialiasing at the edge. */
function coverage(x, y, unit) {
  let best = Infinity;
  for (const [sx, sy] of SAMPLES) best = Math.min(best, (sx - x) ** 2 + (sy - y) ** 2);
  const edge = Math.min(Math.sqrt(best) - STROKE / 2, Math.hypot(x - HEAD.x, y - HEAD.y) - HEAD.r);
  return Math.max(0, Math.min(1, 0.5 - edge / unit));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size) {
  const scale = 64 / size;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let px = 0; px < size; px++) {
      const a = coverage((px + 0.5) * scale, (py + 0.5) * scale, scale);
      for (let i = 0; i < 3; i++) row[1 + px * 3 + i] = Math.round(TEAL[i] + (CREAM[i] - TEAL[i]) * a);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const size of [192, 512]) {
  const file = path.join(OUT, `icon-${size}.png`);
  fs.writeFileSync(file, png(size));
  console.log(`${file}: ${fs.statSync(file).size} bytes`);
}
