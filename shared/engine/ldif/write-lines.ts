// The one LDIF (RFC 2849) line writer: a value as it is when it is a SAFE-STRING, base64 (`attr::`) when it is
// not, every line folded at 76 columns. The synthetic schools' content records (synthetic/ldif-text.ts) and the
// plan's change records (migration/ldif-write.ts) write their lines through it; slapadd, ldapmodify and Vigie's
// own reader (read-lines.ts) read them back as they were.

/** The longest line written; a longer one continues on the next line after one space. */
export const LDIF_LINE_WIDTH = 76;

/** One "attribute: value" line, folded: bytes always go as base64, text when it is not safe as it is. */
export function ldifLine(attribute: string, value: string | Uint8Array): string {
  if (typeof value === 'string' && isSafeString(value)) return foldLine(`${attribute}: ${value}`);
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return foldLine(`${attribute}:: ${bytes.toString('base64')}`);
}

/**
 * RFC 2849 SAFE-STRING: ASCII without NUL, CR or LF, not starting with a space, ':' or '<'. A trailing space is
 * written as base64 too: some tools strip it.
 */
export function isSafeString(value: string): boolean {
  if (value.length === 0) return true;
  if (/[^\x01-\x09\x0b\x0c\x0e-\x7f]/.test(value)) return false;
  if (/^[ :<]/.test(value)) return false;
  return !value.endsWith(' ');
}

/** Folds a line at 76 columns: the first 76 characters, then 75 a line behind one space. The line is ASCII. */
export function foldLine(line: string): string {
  if (line.length <= LDIF_LINE_WIDTH) return line;
  const parts = [line.slice(0, LDIF_LINE_WIDTH)];
  for (let i = LDIF_LINE_WIDTH; i < line.length; i += LDIF_LINE_WIDTH - 1) parts.push(` ${line.slice(i, i + LDIF_LINE_WIDTH - 1)}`);
  return parts.join('\n');
}
