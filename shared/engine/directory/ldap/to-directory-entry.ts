// One ldapts search entry as the audit's DirectoryEntry (shared/engine/directory/model.ts).
// It runs once per entry read (100,000 in a large directory), so it avoids per-attribute copies.
import type { Entry } from 'ldapts';
import { PASSWORD_ATTRIBUTES, type DirectoryEntry, type PasswordAttribute } from '../model.ts';
import { storedPasswordEnd } from '../stored-password.ts';

/**
 * The spellings slapd and other servers use for the password attributes. ldapts matches
 * `explicitBufferAttributes` case-sensitively, so each spelling is listed.
 */
export const PASSWORD_ATTRIBUTE_SPELLINGS = [
  'userPassword', 'userpassword', 'USERPASSWORD',
  'sambaNTPassword', 'sambantpassword', 'SAMBANTPASSWORD',
  'sambaLMPassword', 'sambalmpassword', 'SAMBALMPASSWORD',
];

const PASSWORD_NAMES: ReadonlySet<string> = new Set(PASSWORD_ATTRIBUTES);

export function toDirectoryEntry(raw: Entry): DirectoryEntry {
  const attrs = new Map<string, string[]>();
  const bytes = new Map<PasswordAttribute, Uint8Array[]>();
  for (const type of Object.keys(raw)) {
    if (type === 'dn') continue;
    const value = raw[type];
    if (value === undefined) continue;
    const name = attributeName(type);
    if (PASSWORD_NAMES.has(name)) {
      const attribute = name as PasswordAttribute;
      const list = bytes.get(attribute) ?? [];
      if (Array.isArray(value)) for (const one of value) list.push(passwordBytes(one));
      else list.push(passwordBytes(value));
      // ldapts lists every requested name, even '*' and '+', with no value: nothing to hand over.
      if (list.length > 0) bytes.set(attribute, list);
      continue;
    }
    const texts = textValues(value);
    if (texts.length === 0) continue;
    const earlier = attrs.get(name);
    // A new array when merging: the values may be ldapts's own, or the caller's.
    attrs.set(name, earlier ? earlier.concat(texts) : texts);
  }
  return { dn: raw.dn, attrs, bytes };
}

// The same few names come back on every entry: each is lower-cased and stripped once, not per entry.
const names = new Map<string, string>();
const NAMES_KEPT = 1024;

/** `userPassword;binary` → `userpassword`: lower-cased, options dropped. */
export function attributeName(type: string): string {
  const known = names.get(type);
  if (known !== undefined) return known;
  // Options such as `;binary` or `;lang-fr` are dropped: the audit reads the attribute, not its variant.
  const semicolon = type.indexOf(';');
  const name = (semicolon < 0 ? type : type.slice(0, semicolon)).toLowerCase();
  // A directory with unbounded attribute names (options with counters) must not grow the cache forever.
  if (names.size >= NAMES_KEPT) names.clear();
  names.set(type, name);
  return name;
}

/** The values that are text; ldapts's own array is handed over as is when every value is. */
function textValues(value: string | string[] | Buffer | Buffer[]): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  // Values that are not UTF-8 (photos, certificates) say nothing about passwords: they are left out.
  for (const one of value) {
    if (typeof one !== 'string') return (value as (string | Buffer)[]).filter((v): v is string => typeof v === 'string');
  }
  return value as string[];
}

function passwordBytes(value: Buffer | string): Uint8Array {
  // ldapts decoded it only when it was valid UTF-8, so re-encoding gives the same bytes back.
  const source = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  // Without slapd's argon2 padding; a copy, so the entry keeps no hold on ldapts's message buffer.
  return new Uint8Array(source.subarray(0, storedPasswordEnd(source, 0, source.length)));
}
