// Draws the extension icon, its dark variant and one icon per command (512 px
// PNGs) from signed-distance shapes, so every icon is reproducible from source
// with no image tools installed.
//
//   node scripts/make-icon.mjs [outDir=assets] [size=512]
//
// Every icon is the same tile (a rounded square with a top-to-bottom gradient)
// carrying one white glyph drawn with the same stroke weights; the dark variant
// of the extension icon puts the glyph, in the light tile's gradient, on a dark
// tile. Shapes are in a 512-unit square whatever the output size.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

const outDir = process.argv[2] ?? "assets";
const SIZE = Number(process.argv[3] ?? 512);

// ---------------------------------------------------------------------------
// PNG

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
function png(size, raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------
// Signed distances (in 512-unit space; < 0 inside)

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
/** A stroke through the points, `width` wide, with round caps and joins. */
function polyline(x, y, points, width) {
  let d = Infinity;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    d = Math.min(d, segment(x, y, ax, ay, bx, by));
  }
  return d - width / 2;
}
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const ring = (x, y, cx, cy, r, width) => Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2;
/** An ellipse outline (first-order distance: exact enough for a stroke). */
function ellipseRing(x, y, cx, cy, rx, ry, width) {
  const dx = x - cx,
    dy = y - cy;
  const f = (dx * dx) / (rx * rx) + (dy * dy) / (ry * ry) - 1;
  const g = Math.hypot((2 * dx) / (rx * rx), (2 * dy) / (ry * ry)) || 1e-9;
  return Math.abs(f / g) - width / 2;
}
/** A circular arc from angle a0 to a1 (radians, clockwise on screen), round caps. */
function arc(x, y, cx, cy, r, a0, a1, width) {
  const dx = x - cx,
    dy = y - cy;
  let t = Math.atan2(dy, dx);
  while (t < a0) t += 2 * Math.PI;
  while (t >= a0 + 2 * Math.PI) t -= 2 * Math.PI;
  if (t <= a1) return Math.abs(Math.hypot(dx, dy) - r) - width / 2;
  const end = (a) => Math.hypot(x - (cx + r * Math.cos(a)), y - (cy + r * Math.sin(a)));
  return Math.min(end(a0), end(a1)) - width / 2;
}
/** A convex polygon (points in either order around it), corners rounded by `round`. */
function polygon(x, y, points, round = 0) {
  let d = Infinity;
  let left = 0,
    right = 0;
  for (let i = 0; i < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[(i + 1) % points.length];
    d = Math.min(d, segment(x, y, ax, ay, bx, by));
    if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) < 0) left++;
    else right++;
  }
  const inside = left === 0 || right === 0;
  return (inside ? -d : d) - round;
}
/** The triangle at the end of an arc (angle `a`, travelling clockwise), `size` long. */
function arrowHead(cx, cy, r, a, size) {
  const ex = cx + r * Math.cos(a),
    ey = cy + r * Math.sin(a);
  const tx = -Math.sin(a),
    ty = Math.cos(a); // direction of travel
  const nx = Math.cos(a),
    ny = Math.sin(a); // outward
  const half = size * 0.62;
  return [
    [ex + tx * size, ey + ty * size],
    [ex + nx * half - tx * 2, ey + ny * half - ty * 2],
    [ex - nx * half - tx * 2, ey - ny * half - ty * 2],
  ];
}
const deg = (a) => (a * Math.PI) / 180;

// ---------------------------------------------------------------------------
// Glyphs: (x, y) → { fill, cut? } distances. `fill` is drawn white; `cut` is
// carved back out of it in the tile's colour.

const GLYPHS = {
  // A lens (the "doctor's") with a check mark inside.
  doctor: (x, y) => ({
    fill: Math.min(
      Math.abs(Math.hypot(x - 256, y - 240) - 118) - 22,
      segment(x, y, 340, 330, 400, 392) - 26,
      Math.min(segment(x, y, 196, 244, 238, 286), segment(x, y, 238, 286, 318, 198)) - 20,
    ),
  }),
  // Three rows, each a check mark and a line.
  checklist: (x, y) => {
    let d = Infinity;
    for (const row of [168, 256, 344]) {
      d = Math.min(
        d,
        polyline(
          x,
          y,
          [
            [128, row],
            [152, row + 24],
            [196, row - 22],
          ],
          30,
        ),
        segment(x, y, 250, row, 382, row) - 17,
      );
    }
    return { fill: d };
  },
  // A globe: the outline, a meridian and the equator.
  dns: (x, y) => ({
    fill: Math.min(
      ring(x, y, 256, 256, 136, 32),
      ellipseRing(x, y, 256, 256, 62, 136, 28),
      segment(x, y, 120, 256, 392, 256) - 14,
    ),
  }),
  // A clock face, hands at 12 and 4.
  clock: (x, y) => ({
    fill: Math.min(
      ring(x, y, 256, 256, 136, 34),
      segment(x, y, 256, 256, 256, 170) - 17,
      segment(x, y, 256, 256, 318, 292) - 17,
      circle(x, y, 256, 256, 24),
    ),
  }),
  // A pulse line: the state of Apple's services.
  status: (x, y) => ({
    fill: polyline(
      x,
      y,
      [
        [112, 268],
        [188, 268],
        [222, 176],
        [282, 348],
        [318, 244],
        [400, 244],
      ],
      34,
    ),
  }),
  // A cloud with a circular arrow carved into it: restart iCloud.
  icloud: (x, y) => {
    const cloud = Math.min(
      circle(x, y, 270, 236, 92),
      circle(x, y, 180, 300, 62),
      circle(x, y, 346, 290, 72),
      roundRect(x, y, 268, 318, 150, 44, 44),
    );
    const arrow = Math.min(
      arc(x, y, 268, 286, 44, deg(-50), deg(220), 24),
      polygon(x, y, arrowHead(268, 286, 44, deg(220), 34), 2),
    );
    return { fill: cloud, cut: arrow };
  },
  // A speech bubble with a question mark carved into it: explain the error.
  explain: (x, y) => {
    const bubble = Math.min(
      roundRect(x, y, 256, 236, 156, 122, 64),
      polygon(
        x,
        y,
        [
          [170, 330],
          [240, 340],
          [150, 410],
        ],
        6,
      ),
    );
    const question = Math.min(
      arc(x, y, 256, 196, 44, deg(-200), deg(50), 30),
      polyline(
        x,
        y,
        [
          [284, 230],
          [256, 254],
          [256, 272],
        ],
        30,
      ),
      circle(x, y, 256, 318, 19),
    );
    return { fill: bubble, cut: question };
  },
};

// ---------------------------------------------------------------------------
// Tiles

/** Top and bottom colours of each tile's gradient. */
const TILES = {
  brand: [
    [30, 110, 240],
    [20, 180, 170],
  ],
  indigo: [
    [94, 92, 230],
    [40, 126, 240],
  ],
  orange: [
    [255, 164, 20],
    [240, 96, 30],
  ],
  green: [
    [52, 199, 89],
    [16, 150, 120],
  ],
  sky: [
    [80, 196, 250],
    [30, 120, 230],
  ],
  purple: [
    [190, 90, 230],
    [110, 64, 220],
  ],
};
const DARK_TILE = [
  [50, 54, 64],
  [22, 24, 30],
];
// The glyph's gradient on the dark tile: the brand colours, a little brighter.
const DARK_GLYPH = [
  [64, 150, 255],
  [36, 214, 190],
];

const mix = (a, b, t) => a + (b - a) * t;

/**
 * One icon. Light: a white glyph on a gradient tile. Dark: the glyph in a
 * bright gradient on a dark tile with a faint rim, for Raycast's dark theme.
 */
function draw(glyph, tile, dark = false) {
  const s = SIZE / 512;
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0;
    for (let x = 0; x < SIZE; x++) {
      const px = (x + 0.5) / s,
        py = (y + 0.5) / s;
      const tileD = roundRect(px, py, 256, 256, 220, 220, 96);
      const bg = cover(tileD * s);
      const t = py / 512;
      const [top, bottom] = dark ? DARK_TILE : tile;
      let r = top[0] + (bottom[0] - top[0]) * t,
        g = top[1] + (bottom[1] - top[1]) * t,
        b = top[2] + (bottom[2] - top[2]) * t;
      if (dark) {
        // A faint lighter rim so the tile reads on a dark background.
        const rim = cover((Math.abs(tileD + 3) - 3) * s) * 0.22;
        r = mix(r, 255, rim);
        g = mix(g, 255, rim);
        b = mix(b, 255, rim);
      }
      const shape = glyph(px, py);
      const ink = cover(shape.fill * s) * (shape.cut === undefined ? 1 : 1 - cover(shape.cut * s));
      const [ir, ig, ib] = dark ? [0, 1, 2].map((i) => mix(DARK_GLYPH[0][i], DARK_GLYPH[1][i], t)) : [255, 255, 255];
      r = r + (ir - r) * ink;
      g = g + (ig - g) * ink;
      b = b + (ib - b) * ink;
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = Math.round(r);
      raw[o + 1] = Math.round(g);
      raw[o + 2] = Math.round(b);
      raw[o + 3] = Math.round(255 * Math.max(bg, 0));
    }
  }
  return png(SIZE, raw);
}

// ---------------------------------------------------------------------------

/** File name → glyph and tile. The manifest's `icon` fields name these files. */
const ICONS = {
  "extension-icon.png": { glyph: GLYPHS.doctor, tile: TILES.brand },
  "extension-icon@dark.png": { glyph: GLYPHS.doctor, tile: TILES.brand, dark: true },
  "command-checklist.png": { glyph: GLYPHS.checklist, tile: TILES.brand },
  "command-dns.png": { glyph: GLYPHS.dns, tile: TILES.indigo },
  "command-clock.png": { glyph: GLYPHS.clock, tile: TILES.orange },
  "command-status.png": { glyph: GLYPHS.status, tile: TILES.green },
  "command-icloud.png": { glyph: GLYPHS.icloud, tile: TILES.sky },
  "command-explain.png": { glyph: GLYPHS.explain, tile: TILES.purple },
};

mkdirSync(outDir, { recursive: true });
for (const [name, { glyph, tile, dark }] of Object.entries(ICONS)) {
  const file = join(outDir, name);
  const data = draw(glyph, tile, dark);
  writeFileSync(file, data);
  console.log(`${file}: ${SIZE}x${SIZE}, ${data.length} bytes`);
}
