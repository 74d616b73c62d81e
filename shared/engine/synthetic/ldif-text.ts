// Serialises entries as RFC 2849 LDIF: base64 for values that are not safe as plain text, lines folded
// at 76 columns, exactly what slapadd and the LDIF reader accept.
import type { LdifEntry } from './types.ts';

const LINE_WIDTH = 76;

/** RFC 2849 SAFE-STRING: ASCII without NUL, CR, LF; not starting with space, ':' or '<'; no trailing space. */
function isSafe(value: string): boolean {
  if (value.length === 0) return true;
  if (/[^\x01-\x09\x0b\x0c\x0e-\x7f]/.test(value)) return false;
  if (/^[ :<]/.test(value)) return false;
  return !value.endsWith(' ');
}

function fold(line: string): string {
  if (line.length <= LINE_WIDTH) return line;
  const parts = [line.slice(0, LINE_WIDTH)];
  for (let i = LINE_WIDTH; i < line.length; i += LINE_WIDTH - 1) parts.push(` ${line.slice(i, i + LINE_WIDTH - 1)}`);
  return parts.join('\n');
}

export function ldifLine(name: string, value: string): string {
  return fold(isSafe(value) ? `${name}: ${value}` : `${name}:: ${Buffer.from(value, 'utf8').toString('base64')}`);
}

/** One entry, ending with the blank line that separates it from the next. */
export function entryToLdif(entry: LdifEntry): string {
  const lines = [ldifLine('dn', entry.dn)];
  for (const [name, value] of entry.attrs) lines.push(ldifLine(name, value));
  return `${lines.join('\n')}\n\n`;
}

/** Escapes an RDN value (RFC 4514) for the few characters that need it. */
export function rdnValue(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, '\\$1').replace(/^([ #])/, '\\$1').replace(/ $/, '\\ ');
}
