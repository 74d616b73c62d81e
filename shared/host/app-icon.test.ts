// The favicon and the app icon are the project's own drawing (issue #13 §8), and the committed files are it.
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, iconIco, iconPixels, iconPng } from './app-icon.ts';

const PUBLIC = new URL('../../renderer/public/', import.meta.url);

/** A PNG's size and its unfiltered RGBA rows (the writer uses filter 0 only), after checking every chunk's CRC. */
function readPng(png: Buffer): { width: number; height: number; rows: Buffer } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('ascii');
    const body = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
    }
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  return { width, height, rows: inflateSync(Buffer.concat(data)) };
}

function pixelsOf(rows: Buffer, size: number): Buffer {
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    expect(rows[y * (size * 4 + 1)]).toBe(0);
    rows.copy(out, y * size * 4, y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1));
  }
  return out;
}

describe('the app icon', () => {
  it('is a white V on the primary blue, in a rounded square with clear corners', () => {
    const size = 64;
    const pixels = iconPixels(size);
    const at = (x: number, y: number) => [...pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
    expect(at(0, 0)[3]).toBe(0);
    expect(at(8, 32)).toEqual([0x0b, 0x4f, 0x8a, 255]);
    expect(at(32, 44)).toEqual([255, 255, 255, 255]);
    expect(at(32, 20)).toEqual([0x0b, 0x4f, 0x8a, 255]);
  });

  it('makes PNGs with valid chunks, and an ICO of 16, 32 and 48 px PNGs', () => {
    const png = readPng(iconPng(32));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(pixelsOf(png.rows, 32)).toEqual(Buffer.from(iconPixels(32)));
    const ico = iconIco();
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
    for (const [i, size] of [16, 32, 48].entries()) {
      const entry = 6 + 16 * i;
      expect(ico[entry]).toBe(size);
      const image = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(readPng(image).width).toBe(size);
    }
  });

  it('is what renderer/public/ ships (run `node bin/run-ts.mjs shared/host/app-icon.ts` after changing the drawing)', async () => {
    const ico = await readFile(new URL('favicon.ico', PUBLIC));
    const entries = ico.readUInt16LE(4);
    expect(entries).toBe(3);
    for (let i = 0; i < entries; i++) {
      const entry = 6 + 16 * i;
      const size = ico[entry]!;
      const image = readPng(ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8)));
      expect(pixelsOf(image.rows, size)).toEqual(Buffer.from(iconPixels(size)));
    }
    const big = readPng(await readFile(new URL('icon-256.png', PUBLIC)));
    expect(pixelsOf(big.rows, 256)).toEqual(Buffer.from(iconPixels(256)));
    expect(await readFile(new URL('favicon.svg', PUBLIC), 'utf8')).toContain('M17 18 L32 46 L47 18');
  });
});
