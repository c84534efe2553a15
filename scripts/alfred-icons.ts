import { deflateSync } from "node:zlib";
import { crc32 } from "./zip";

// The workflow's row icons (pass, warn, fail, …) drawn from signed-distance
// shapes, like scripts/make-icon.mjs draws the extension icon: reproducible
// from source, no image tools, the same bytes every build.

type Shape = (x: number, y: number) => number; // signed distance in px, < 0 inside

const clamp = (v: number) => Math.max(0, Math.min(1, v));
const cover = (d: number) => clamp(0.5 - d);

function segment(ax: number, ay: number, bx: number, by: number, width: number): Shape {
  return (x, y) => {
    const pax = x - ax;
    const pay = y - ay;
    const bax = bx - ax;
    const bay = by - ay;
    const h = clamp((pax * bax + pay * bay) / (bax * bax + bay * bay));
    return Math.hypot(pax - bax * h, pay - bay * h) - width / 2;
  };
}
const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;
const ring =
  (cx: number, cy: number, r: number, width: number): Shape =>
  (x, y) =>
    Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2;
function roundRectOutline(x0: number, y0: number, x1: number, y1: number, r: number, width: number): Shape {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hw = (x1 - x0) / 2;
  const hh = (y1 - y0) / 2;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hw + r;
    const qy = Math.abs(y - cy) - hh + r;
    const d = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
    return Math.abs(d) - width / 2;
  };
}
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));

/** A disc in `rgb` with a white glyph, on a transparent square of 100 units. */
interface Design {
  rgb: [number, number, number];
  glyph: Shape;
  /** A ring instead of a filled disc (pending). */
  outline?: boolean;
}

const DESIGNS: Record<string, Design> = {
  pass: { rgb: [52, 168, 83], glyph: union(segment(30, 52, 44, 66, 10), segment(44, 66, 71, 36, 10)) },
  warn: { rgb: [240, 160, 20], glyph: union(segment(50, 26, 50, 58, 11), circle(50, 73, 6.5)) },
  fail: { rgb: [220, 53, 53], glyph: union(segment(34, 34, 66, 66, 10), segment(66, 34, 34, 66, 10)) },
  skip: { rgb: [142, 142, 147], glyph: segment(32, 50, 68, 50, 10) },
  error: { rgb: [120, 60, 170], glyph: union(segment(50, 26, 50, 58, 11), circle(50, 73, 6.5)) },
  pending: {
    rgb: [142, 142, 147],
    outline: true,
    glyph: union(circle(32, 50, 5.5), circle(50, 50, 5.5), circle(68, 50, 5.5)),
  },
  copy: {
    rgb: [10, 122, 255],
    glyph: union(roundRectOutline(30, 24, 60, 62, 5, 6), roundRectOutline(40, 36, 70, 76, 5, 6)),
  },
};

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      raw.set([r, g, b, a], row + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function draw(design: Design, size: number): Buffer {
  const unit = size / 100;
  const disc = design.outline ? ring(50, 50, 42, 6) : circle(50, 50, 46);
  return png(size, (px, py) => {
    const x = px / unit;
    const y = py / unit;
    const base = cover(disc(x, y) * unit);
    const glyph = cover(design.glyph(x, y) * unit);
    if (design.outline) {
      // Grey ring and grey dots on transparent.
      const a = Math.max(base, glyph);
      return [...design.rgb, Math.round(a * 255)] as [number, number, number, number];
    }
    const [r, g, b] = design.rgb.map((c) => Math.round(c + (255 - c) * glyph));
    return [r, g, b, Math.round(base * 255)];
  });
}

/** Every row icon, by file name under icons/. */
export function rowIcons(size = 96): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(DESIGNS).map(([name, design]) => [`${name}.png`, draw(design, size)]));
}
