// Draws media/icon.png (the marketplace icon, 128x128): a news page with a quotation badge.
// Plain Node, no image library: shapes are rasterised with 4x4 supersampling and written as an
// RGBA PNG through zlib. Run `node scripts/make-icon.mjs` after changing the drawing.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const size = 128;
const samples = 4;
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'media', 'icon.png');

const navy = [31, 58, 95];
const paper = [247, 244, 236];
const ink = [154, 165, 177];
const orange = [232, 131, 58];
const white = [255, 255, 255];

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** A thick arc: the part of a ring between two angles (radians, y down). */
const arc = (cx, cy, r0, r1, from, to) => (x, y) => {
  const d = Math.hypot(x - cx, y - cy);
  const a = Math.atan2(y - cy, x - cx);
  return d >= r0 && d <= r1 && a >= from && a <= to;
};
/** One opening quotation mark (a filled "6"): a ball with a tail curving up and right. */
const openingMark = (cx, cy) => {
  const ball = circle(cx, cy, 6.5);
  const tail = arc(cx + 9, cy, 9, 14.5, -Math.PI, -Math.PI / 2.2);
  return (x, y) => ball(x, y) || tail(x, y);
};

// Painted in order; later shapes cover earlier ones.
const layers = [
  [roundedRect(0, 0, 128, 128, 24), navy],
  [roundedRect(20, 16, 100, 108, 6), paper],
  [roundedRect(30, 28, 90, 38, 2), navy],
  ...[48, 58, 68, 78, 88].map((y, i) => [roundedRect(30, y, i % 2 ? 66 : 90, y + 4, 2), ink]),
  [circle(96, 96, 27), navy],
  [circle(96, 96, 23), orange],
  [openingMark(86, 103), white],
  [openingMark(104, 103), white],
];

const rows = [];
for (let y = 0; y < size; y++) {
  const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
  for (let x = 0; x < size; x++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const px = x + (sx + 0.5) / samples;
        const py = y + (sy + 0.5) / samples;
        let colour = null;
        for (const [inside, c] of layers) if (inside(px, py)) colour = c;
        if (colour) { r += colour[0]; g += colour[1]; b += colour[2]; a += 1; }
      }
    }
    if (a > 0) row.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / samples ** 2)], 1 + x * 4);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = buf => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, adaptive filtering, no interlace

fs.writeFileSync(out, Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]));
console.log(`wrote ${path.relative(process.cwd(), out)}`);
