// The text of a PDF, page by page, with poppler's pdftotext (Debian's poppler-utils).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PDFTOTEXT = '/usr/bin/pdftotext';

export function canReadPdfText(): boolean {
  return existsSync(PDFTOTEXT);
}

export async function pdfPages(file: string): Promise<string[]> {
  const { stdout } = await run(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { maxBuffer: 16 * 1024 * 1024 });
  // pdftotext ends every page with a form feed.
  const pages = stdout.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}
