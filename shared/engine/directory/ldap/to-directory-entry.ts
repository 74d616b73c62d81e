// One ldapts search entry as the audit's DirectoryEntry (shared/engine/directory/model.ts).
import type { Entry } from 'ldapts';
import { isPasswordAttribute, type DirectoryEntry, type PasswordAttribute } from '../model.ts';

/**
 * The spellings slapd and other servers use for the password attributes. ldapts matches
 * `explicitBufferAttributes` case-sensitively, so each spelling is listed.
 */
export const PASSWORD_ATTRIBUTE_SPELLINGS = [
  'userPassword', 'userpassword', 'USERPASSWORD',
  'sambaNTPassword', 'sambantpassword', 'SAMBANTPASSWORD',
  'sambaLMPassword', 'sambalmpassword', 'SAMBALMPASSWORD',
];

export function toDirectoryEntry(raw: Entry): DirectoryEntry {
  const attrs = new Map<string, string[]>();
  const bytes = new Map<PasswordAttribute, Uint8Array[]>();
  for (const [type, value] of Object.entries(raw)) {
    if (type === 'dn') continue;
    // Options such as `;binary` or `;lang-fr` are dropped: the audit reads the attribute, not its variant.
    const semicolon = type.indexOf(';');
    const name = (semicolon < 0 ? type : type.slice(0, semicolon)).toLowerCase();
    const values = Array.isArray(value) ? value : [value];
    // ldapts lists every requested name, even '*' and '+', with no value: nothing to hand over.
    if (values.length === 0) continue;
    if (isPasswordAttribute(name)) {
      const list = bytes.get(name) ?? [];
      for (const one of values) list.push(passwordBytes(one));
      bytes.set(name, list);
      continue;
    }
    // Values that are not UTF-8 (photos, certificates) say nothing about passwords: they are left out.
    const texts = values.filter((one): one is string => typeof one === 'string');
    if (texts.length === 0) continue;
    const earlier = attrs.get(name);
    if (earlier) earlier.push(...texts);
    else attrs.set(name, texts);
  }
  return { dn: raw.dn, attrs, bytes };
}

function passwordBytes(value: Buffer | string): Uint8Array {
  // ldapts decoded it only when it was valid UTF-8, so re-encoding gives the same bytes back.
  const source = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  let end = source.length;
  // slapd's argon2 module stores its value with two trailing NUL bytes.
  while (end > 0 && source[end - 1] === 0) end -= 1;
  // A copy, so the entry keeps no hold on ldapts's message buffer.
  return new Uint8Array(source.subarray(0, end));
}
