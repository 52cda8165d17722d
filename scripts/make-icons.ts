/** Draws the toolbar icons (a cookie with chips) as PNGs, so the repo holds no opaque binaries of unknown origin. */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function icon(size: number): Buffer {
  const rows: Buffer[] = [];
  const r = size / 2 - 0.5;
  const chips = [
    [0.35, 0.35],
    [0.65, 0.45],
    [0.42, 0.68],
  ];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const dx = x - r;
      const dy = y - r;
      const inside = dx * dx + dy * dy <= r * r;
      const bite = (x - size * 0.9) ** 2 + (y - size * 0.12) ** 2 < (size * 0.22) ** 2;
      const chip = chips.some(([cx, cy]) => (x - cx * size) ** 2 + (y - cy * size) ** 2 < (size * 0.09) ** 2);
      const o = 1 + x * 4;
      if (inside && !bite) {
        const [R, G, B] = chip ? [0x5b, 0x3a, 0x1e] : [0xd9, 0x9a, 0x4e];
        row[o] = R;
        row[o + 1] = G;
        row[o + 2] = B;
        row[o + 3] = 255;
      }
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, icon(size));
