#!/usr/bin/env node
// Draws the app icons (a white heart on a rose rounded square) as real PNG files with node:zlib only,
// plus the matching SVG. Run: node scripts/make-icons.mjs — writes into src/web/public/.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const OUT = new URL('../src/web/public/', import.meta.url);
const ROSE = [0x8a, 0x28, 0x46];
const WHITE = [0xff, 0xff, 0xff];

// Geometry in a 100×100 box: a square turned 45° plus two circles on its upper edges make the heart.
const HEART = { cx: 50, cy: 52.5, side: 34 };
const half = HEART.side / 2;
const d = HEART.side / Math.SQRT2 / 2;
const circles = [
  [HEART.cx - d, HEART.cy - d],
  [HEART.cx + d, HEART.cy - d],
];

function inHeart(x, y, scale) {
  // `scale` < 1 shrinks the heart towards the centre (maskable icons keep it in the safe zone).
  const X = 50 + (x - 50) / scale;
  const Y = 50 + (y - 50) / scale;
  const u = (X - HEART.cx + (Y - HEART.cy)) / Math.SQRT2;
  const v = (X - HEART.cx - (Y - HEART.cy)) / Math.SQRT2;
  if (Math.abs(u) <= half && Math.abs(v) <= half) return true;
  return circles.some(([cx, cy]) => (X - cx) ** 2 + (Y - cy) ** 2 <= half ** 2);
}

function inRoundedSquare(x, y, radius) {
  if (radius === 0) return true;
  const dx = Math.max(radius - x, 0, x - (100 - radius));
  const dy = Math.max(radius - y, 0, y - (100 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

/** RGBA pixels, 4×4 supersampled so the edges are smooth. */
function draw(size, { radius, heartScale }) {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let bg = 0;
      let fg = 0;
      for (let sj = 0; sj < n; sj++) {
        for (let si = 0; si < n; si++) {
          const x = ((i + (si + 0.5) / n) / size) * 100;
          const y = ((j + (sj + 0.5) / n) / size) * 100;
          if (!inRoundedSquare(x, y, radius)) continue;
          if (inHeart(x, y, heartScale)) fg++;
          else bg++;
        }
      }
      const cover = bg + fg;
      const o = (j * size + i) * 4;
      if (cover === 0) continue;
      for (let c = 0; c < 3; c++) px[o + c] = Math.round((ROSE[c] * bg + WHITE[c] * fg) / cover);
      px[o + 3] = Math.round((cover / (n * n)) * 255);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let b = 0; b < 8; b++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
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

function png(size, pixels) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const ICONS = [
  { file: 'icon-192.png', size: 192, radius: 22, heartScale: 1 },
  { file: 'icon-512.png', size: 512, radius: 22, heartScale: 1 },
  // Maskable: full bleed, the heart inside the 80 % safe circle. Apple rounds its own corners.
  { file: 'icon-maskable-512.png', size: 512, radius: 0, heartScale: 0.8 },
  { file: 'apple-touch-icon.png', size: 180, radius: 0, heartScale: 0.9 },
  { file: 'favicon-32.png', size: 32, radius: 22, heartScale: 1.1 },
];
for (const icon of ICONS) {
  writeFileSync(new URL(icon.file, OUT), png(icon.size, draw(icon.size, icon)));
}

const hex = (rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
const f = (v) => Number(v.toFixed(2));
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="22" fill="${hex(ROSE)}"/>
  <g fill="${hex(WHITE)}">
    <rect x="${f(HEART.cx - half)}" y="${f(HEART.cy - half)}" width="${HEART.side}" height="${HEART.side}" transform="rotate(45 ${HEART.cx} ${HEART.cy})"/>
    ${circles.map(([cx, cy]) => `<circle cx="${f(cx)}" cy="${f(cy)}" r="${half}"/>`).join('\n    ')}
  </g>
</svg>
`;
writeFileSync(new URL('icon.svg', OUT), svg);
console.log(`wrote ${ICONS.map((i) => i.file).join(', ')}, icon.svg`);
