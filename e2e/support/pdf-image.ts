// A PDF looked at as an image (issue #13: « the PDF looked at as an image »): poppler's pdftoppm renders every page
// to a grey-scale PGM, read here pixel by pixel, and a PNG of the first page is kept in e2e-artifacts/ for a person.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PDFTOPPM = '/usr/bin/pdftoppm';

export function canRenderPdf(): boolean {
  return existsSync(PDFTOPPM);
}

/** One rendered page: its size and where the ink is. */
export interface PageImage {
  width: number;
  height: number;
  /** Share of pixels darker than paper (grey < 230), 0–1. */
  ink: number;
  /** The inked box as shares of the page's width and height (top, bottom, left, right: 0–1). */
  inkBox: { top: number; bottom: number; left: number; right: number };
  /** Share of inked pixels in each horizontal band of the page, top to bottom (10 bands). */
  bands: number[];
}

/** Reads a binary PGM (P5, 8 bits) as pdftoppm -gray writes it. */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Uint8Array } {
  // Header: "P5", width, height, maxval, each separated by white space, then one byte of white space.
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[i]!))) i++;
    if (bytes[i] === 0x23) { // a comment line
      while (bytes[i] !== 0x0a) i++;
      continue;
    }
    let field = '';
    while (!/\s/.test(String.fromCharCode(bytes[i]!))) field += String.fromCharCode(bytes[i++]!);
    fields.push(field);
  }
  const [magic, w, h, max] = fields;
  if (magic !== 'P5' || max !== '255') throw new Error(`not an 8-bit binary PGM: ${fields.join(' ')}`);
  const width = Number(w), height = Number(h);
  const pixels = bytes.subarray(i + 1, i + 1 + width * height);
  if (pixels.length !== width * height) throw new Error('PGM shorter than its header says');
  return { width, height, pixels };
}

function measure(width: number, height: number, pixels: Uint8Array): PageImage {
  let inked = 0, top = height, bottom = -1, left = width, right = -1;
  const bandInk = new Array<number>(10).fill(0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pixels[y * width + x]! >= 230) continue;
      inked++;
      bandInk[Math.min(9, Math.floor((y / height) * 10))]! += 1;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      if (x < left) left = x;
      if (x > right) right = x;
    }
  }
  const bandPixels = (width * height) / 10;
  return {
    width, height, ink: inked / (width * height),
    inkBox: { top: top / height, bottom: (bottom + 1) / height, left: left / width, right: (right + 1) / width },
    bands: bandInk.map((n) => n / bandPixels),
  };
}

/** Every page of the PDF rendered at `dpi`; the first page also saved as `pngFile` when given. */
export async function renderPdfPages(pdfFile: string, options: { dpi?: number; pngFile?: string } = {}): Promise<PageImage[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vigie-pdf-'));
  try {
    const dpi = String(options.dpi ?? 50);
    await run(PDFTOPPM, ['-gray', '-r', dpi, pdfFile, path.join(dir, 'page')]);
    if (options.pngFile !== undefined) {
      await run(PDFTOPPM, ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfFile, options.pngFile.replace(/\.png$/, '')]);
    }
    const files = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
    const pages: PageImage[] = [];
    for (const file of files) {
      const { width, height, pixels } = readPgm(await readFile(path.join(dir, file)));
      pages.push(measure(width, height, pixels));
    }
    return pages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
