// Serialises entries as RFC 2849 LDIF content records through the engine's one LDIF line writer: base64 for
// values that are not safe as plain text, lines folded at 76 columns, exactly what slapadd and the LDIF reader accept.
import { ldifLine } from '../../engine/ldif/write-lines.ts';
import type { LdifEntry } from './types.ts';

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
