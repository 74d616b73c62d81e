// What the user pointed `vigie breached import` at: one ordered file, or a folder of range files named by
// their 5-hex prefix (00000 … FFFFF, with or without .txt, as the official downloader writes them).
import { closeSync, opendirSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { VigieError } from '../errors.ts';
import { kindLabel, kindOfHexLength, PREFIX_COUNT, PREFIX_HEX, type BreachHashKind } from './hash-kind.ts';
import { hexWidthOf } from './hibp-line.ts';

export type SourceLayout = 'file' | 'prefix-files';

export interface ImportSource {
  layout: SourceLayout;
  /** Absolute path. */
  path: string;
  kind: BreachHashKind;
  /** file: its size in bytes. */
  size: number;
  /** prefix-files: 0 where the prefix has no file, 1 for `ABCDE`, 2 for `ABCDE.txt`. */
  present?: Uint8Array;
  /** prefix-files: how many of the 1,048,576 are there. */
  files?: number;
}

const RANGE_FILE = /^([0-9A-Fa-f]{5})(\.txt)?$/;
const SNIFF_BYTES = 64 * 1024;

export function openImportSource(given: string, forced?: BreachHashKind): ImportSource {
  const abs = path.resolve(given);
  let stat;
  try {
    stat = statSync(abs);
  } catch {
    throw new VigieError(`${given}: no such file or folder`, undefined, { code: 'PATH_NOT_FOUND', params: { file: given } });
  }
  if (stat.isDirectory()) {
    const present = new Uint8Array(PREFIX_COUNT);
    let files = 0;
    let first = -1;
    const dir = opendirSync(abs);
    try {
      for (let d = dir.readSync(); d !== null; d = dir.readSync()) {
        const m = RANGE_FILE.exec(d.name);
        if (!m || !d.isFile()) continue;
        const prefix = parseInt(m[1]!, 16);
        if (present[prefix] === 0) files++;
        present[prefix] = m[2] ? 2 : 1;
        if (first < 0 || prefix < first) first = prefix;
      }
    } finally {
      dir.closeSync();
    }
    if (files === 0) throw new VigieError(`${given}: no HIBP range file in this folder (files named 00000 to FFFFF)`, undefined, { code: 'NO_HIBP_FILES', params: { file: given } });
    const firstFile = path.join(abs, rangeFileName(first, present[first]!));
    const width = sniffWidth(firstFile, firstFile);
    const kind = kindOfHexLength(width + PREFIX_HEX);
    return { layout: 'prefix-files', path: abs, kind: checkKind(given, kind, forced), size: 0, present, files };
  }
  const width = sniffWidth(abs, given);
  return { layout: 'file', path: abs, kind: checkKind(given, kindOfHexLength(width), forced), size: stat.size };
}

export function rangeFileName(prefix: number, style: number): string {
  const hex = prefix.toString(16).toUpperCase().padStart(PREFIX_HEX, '0');
  return style === 2 ? `${hex}.txt` : hex;
}

/** Hex width of the first line that looks like `HEX:COUNT` among the file's first 64 KiB. */
function sniffWidth(file: string, shown: string): number {
  const buf = Buffer.alloc(SNIFF_BYTES);
  let got = 0;
  try {
    const fd = openSync(file, 'r');
    try {
      got = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new VigieError(`${shown}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'})`, undefined, { code: 'FILE_UNREADABLE', params: { file: shown } });
  }
  let start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  while (start < got) {
    let end = buf.indexOf(10, start);
    if (end < 0 || end > got) end = got;
    const width = hexWidthOf(buf.subarray(start, end));
    if (width > 0) return width;
    start = end + 1;
  }
  throw new VigieError(`${shown}: not a Have I Been Pwned file (no line of the form HASH:COUNT at its start)`, undefined, { code: 'NOT_HIBP', params: { file: shown } });
}

function checkKind(given: string, kind: BreachHashKind | null, forced?: BreachHashKind): BreachHashKind {
  if (!kind) throw new VigieError(`${given}: its hashes are neither SHA-1 (40 hex digits) nor NTLM (32)`, undefined, { code: 'NOT_HIBP', params: { file: given } });
  if (forced && forced !== kind) throw new VigieError(`${given} holds ${kindLabel(kind)} hashes, not ${kindLabel(forced)}`, undefined, { code: 'NOT_HIBP', params: { file: given } });
  return kind;
}
