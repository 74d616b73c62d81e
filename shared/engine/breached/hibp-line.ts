// One line of a Pwned Passwords download, read straight from the bytes: `HASH:COUNT` in the single ordered
// file, `SUFFIX:COUNT` (the hash without its 5-hex prefix) in a range file. CR LF or LF; either case of hex.

const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX[65 + i] = 10 + i;
  HEX[97 + i] = 10 + i;
}
const COLON = 58;
const CR = 13;
const MAX_COUNT = 0xffffffff;

/** Returned for a line that is not `HEX:DIGITS` of the expected width. */
export const BAD_LINE = -1;

/**
 * Decodes the line `buf[start, end)` (no LF) into `digest`, starting at hex digit `firstNibble` (5 for a
 * range file, whose prefix the caller has put in `digest` already). Returns the count, or BAD_LINE.
 */
export function parseHibpLine(buf: Uint8Array, start: number, end: number, hexDigits: number, digest: Uint8Array, firstNibble: number): number {
  if (end > start && buf[end - 1] === CR) end--;
  if (end - start < hexDigits + 2 || buf[start + hexDigits] !== COLON) return BAD_LINE;
  let n = firstNibble;
  if (n & 1) digest[n >> 1]! &= 0xf0;
  for (let i = start; i < start + hexDigits; i++, n++) {
    const v = HEX[buf[i]!]!;
    if (v < 0) return BAD_LINE;
    if (n & 1) digest[n >> 1]! |= v;
    else digest[n >> 1] = v << 4;
  }
  let count = 0;
  const digitsStart = start + hexDigits + 1;
  if (end - digitsStart > 12) return BAD_LINE;
  for (let i = digitsStart; i < end; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return BAD_LINE;
    count = count * 10 + d;
  }
  return Math.min(count, MAX_COUNT);
}

/** Hex digits before the first colon of a line, or -1 when the line is not hex then a colon. */
export function hexWidthOf(line: Uint8Array): number {
  let i = 0;
  while (i < line.length && HEX[line[i]!]! >= 0) i++;
  return i < line.length && line[i] === COLON && i > 0 ? i : -1;
}
