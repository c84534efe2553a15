// Draws the extension icon (512 px PNG) from signed-distance shapes, so the
// icon is reproducible from source with no image tools installed.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZE = Number(process.argv[3] ?? 512);
const out = process.argv[2] ?? "assets/extension-icon.png";

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const clamp = (v) => Math.max(0, Math.min(1, v));
const cover = (d) => clamp(0.5 - d); // signed distance (px) → coverage
function roundRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r,
    qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
function segment(x, y, ax, ay, bx, by) {
  const pax = x - ax,
    pay = y - ay,
    bax = bx - ax,
    bay = by - ay;
  const h = clamp((pax * bax + pay * bay) / (bax * bax + bay * bay));
  return Math.hypot(pax - bax * h, pay - bay * h);
}
const s = SIZE / 512;
const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0;
  for (let x = 0; x < SIZE; x++) {
    const px = (x + 0.5) / s,
      py = (y + 0.5) / s;
    // Background tile: blue to teal, the colours of a healthy connection.
    const bg = cover(roundRect(px, py, 256, 256, 220, 220, 96) * s);
    const t = py / 512;
    let r = 30 + (20 - 30) * t,
      g = 110 + (180 - 110) * t,
      b = 240 + (170 - 240) * t;
    // A ring (the "doctor's" lens) and a check mark inside it, in white.
    const ring = cover((Math.abs(Math.hypot(px - 256, py - 240) - 118) - 22) * s);
    const handle = cover((segment(px, py, 340, 330, 400, 392) - 26) * s);
    const check = cover((Math.min(segment(px, py, 196, 244, 238, 286), segment(px, py, 238, 286, 318, 198)) - 20) * s);
    const white = Math.max(ring, handle, check);
    r = r + (255 - r) * white;
    g = g + (255 - g) * white;
    b = b + (255 - b) * white;
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[o] = Math.round(r);
    raw[o + 1] = Math.round(g);
    raw[o + 2] = Math.round(b);
    raw[o + 3] = Math.round(255 * Math.max(bg, 0));
  }
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8;
ihdr[9] = 6;
ihdr[10] = 0;
ihdr[11] = 0;
ihdr[12] = 0;
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", ihdr),
  chunk("IDAT", deflateSync(raw, { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
writeFileSync(out, png);
console.log(`${out}: ${SIZE}x${SIZE}, ${png.length} bytes`);
