#!/usr/bin/env node
// Draws media/icon.png (128×128, the Marketplace's size): a reply bubble holding two nested quote bars in
// the Debate Markdown depth colours and a line of reply under them. No image library: the pixels are
// computed here (with 4×4 supersampling for smooth edges) and written as a PNG with node:zlib.
//   node scripts/make-icon.mjs [out.png]
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4; // samples per pixel per axis

/** Shapes from back to front; each is [inside(x, y) → boolean, [r, g, b]]. Coordinates in pixels. */
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const triangle = ([ax, ay], [bx, by], [cx, cy]) => (x, y) => {
  const s = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = s(x, y, ax, ay, bx, by);
  const d2 = s(x, y, bx, by, cx, cy);
  const d3 = s(x, y, cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

const BUBBLE = [0x1f, 0x2a, 0x44];
const shapes = [
  [roundRect(6, 8, 122, 100, 18), BUBBLE],
  [triangle([26, 96], [54, 96], [22, 122]), BUBBLE],
  // depth 1 quote: bar + text lines
  [roundRect(20, 22, 27, 62, 3), [0x4e, 0xa1, 0xf3]],
  [roundRect(35, 24, 104, 31, 3), [0xc9, 0xd6, 0xea]],
  // depth 2 quote nested inside it
  [roundRect(35, 39, 41, 62, 3), [0xf5, 0xa6, 0x23]],
  [roundRect(49, 41, 104, 47, 3), [0xc9, 0xd6, 0xea]],
  [roundRect(49, 54, 88, 60, 3), [0xc9, 0xd6, 0xea]],
  // the reply
  [roundRect(20, 74, 108, 82, 4), [0xff, 0xff, 0xff]],
];

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let x = 0; x < SIZE; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const px = x + (sx + 0.5) / SS;
        const py = y + (sy + 0.5) / SS;
        let colour;
        for (const [inside, c] of shapes) if (inside(px, py)) colour = c;
        if (colour) { r += colour[0]; g += colour[1]; b += colour[2]; a += 1; }
      }
    }
    const n = SS * SS;
    // colour averaged over the covered samples (straight alpha), coverage as alpha
    row[1 + x * 4] = a ? Math.round(r / a) : 0;
    row[2 + x * 4] = a ? Math.round(g / a) : 0;
    row[3 + x * 4] = a ? Math.round(b / a) : 0;
    row[4 + x * 4] = Math.round((255 * a) / n);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = process.argv[2] ?? new URL('../media/icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
