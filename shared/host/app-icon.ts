// Vigie's icon as pixels: the shapes of renderer/public/favicon.svg (a white « V » on the primary blue, in a rounded
// square), drawn here so the favicon.ico a browser asks for and the PNG Electron's window shows are made by the
// project, not downloaded. `node bin/run-ts.mjs shared/host/app-icon.ts` writes them into renderer/public/.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const BLUE = [0x0b, 0x4f, 0x8a] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
// In the SVG's 64-unit box.
const SQUARE = { x: 2, y: 2, size: 60, radius: 12 };
const STROKE = [[17, 18], [32, 46], [47, 18]] as const;
const HALF_STROKE = 4;
const SAMPLES = 4;

/** The icon at `size` × `size`, as straight (not premultiplied) RGBA bytes, row by row. */
export function iconPixels(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const scale = 64 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let stroke = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) * scale;
          const y = (py + (sy + 0.5) / SAMPLES) * scale;
          if (!inRoundedSquare(x, y)) continue;
          square += 1;
          if (nearStroke(x, y)) stroke += 1;
        }
      }
      const at = (py * size + px) * 4;
      if (square === 0) continue;
      const white = stroke / square;
      for (let c = 0; c < 3; c++) out[at + c] = Math.round(BLUE[c]! * (1 - white) + WHITE[c]! * white);
      out[at + 3] = Math.round((255 * square) / (SAMPLES * SAMPLES));
    }
  }
  return out;
}

function inRoundedSquare(x: number, y: number): boolean {
  const { x: left, y: top, size, radius } = SQUARE;
  const cx = Math.min(Math.max(x, left + radius), left + size - radius);
  const cy = Math.min(Math.max(y, top + radius), top + size - radius);
  if (x < left || y < top || x > left + size || y > top + size) return false;
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function nearStroke(x: number, y: number): boolean {
  for (let i = 0; i + 1 < STROKE.length; i++) {
    const [ax, ay] = STROKE[i]!;
    const [bx, by] = STROKE[i + 1]!;
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    if ((x - (ax + t * (bx - ax))) ** 2 + (y - (ay + t * (by - ay))) ** 2 <= HALF_STROKE ** 2) return true;
  }
  return false;
}

/** A PNG of the icon (8-bit RGBA). */
export function iconPng(size: number): Buffer {
  const pixels = iconPixels(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(pixels.buffer, pixels.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** favicon.ico: the icon at each size as a PNG image, as every current browser reads it. */
export function iconIco(sizes: readonly number[] = [16, 32, 48]): Buffer {
  const images = sizes.map((size) => ({ size, png: iconPng(size) }));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header[at] = size >= 256 ? 0 : size;
    header[at + 1] = size >= 256 ? 0 : size;
    header[at + 2] = 0; // no palette
    header[at + 3] = 0;
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The files renderer/public/ ships, by name. */
export function appIconFiles(): Record<string, Buffer> {
  return { 'favicon.ico': iconIco(), 'icon-256.png': iconPng(256) };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = new URL('../../renderer/public/', import.meta.url);
  for (const [name, bytes] of Object.entries(appIconFiles())) await writeFile(new URL(name, dir), bytes);
}
