// Turns a stored password value into a StoredHash naming its scheme, the way slapd itself would read it:
// userPassword `{TAG}` prefixes are case-insensitive; a value that looks like `{…}` with an unknown tag is not
// cleartext (slapd refuses it), anything else without a tag is. NT/LM come from their own Samba attributes.
import type { HashSchemeName } from '../../contract/codes.ts';
import type { PasswordAttribute } from '../directory/model.ts';
import { VigieError } from '../errors.ts';
import { storedPasswordEnd } from '../directory/stored-password.ts';
import { readersOfAttribute, readersOfTag, schemeNamed, untaggedReaders } from './registry.ts';
import type { StoredHash } from './scheme.ts';
import type { ReadableScheme } from './schemes/readable-scheme.ts';

function named(name: HashSchemeName): ReadableScheme {
  const scheme = schemeNamed(name);
  if (!scheme) throw new Error(`No scheme named ${name}`);
  return scheme;
}

function unknown(attribute: PasswordAttribute): StoredHash {
  return {
    scheme: 'UNKNOWN', attribute, params: {}, legacy: false, weakParameters: null, unsaltedKey: null, parsed: null, descriptor: null,
  };
}

function readWith(schemes: readonly ReadableScheme[], attribute: PasswordAttribute, text: string): StoredHash {
  for (const scheme of schemes) {
    const parsed = scheme.read(text);
    if (parsed === null) continue;
    return {
      scheme: scheme.name,
      attribute,
      params: scheme.params(parsed),
      legacy: scheme.legacy,
      weakParameters: scheme.weakParameters(parsed),
      unsaltedKey: scheme.unsaltedKey(parsed),
      parsed,
      descriptor: scheme,
    };
  }
  return unknown(attribute);
}

function classifyUserPassword(value: Uint8Array): StoredHash {
  // latin1 keeps one character per byte, so a cleartext value round-trips to its exact bytes.
  const text = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1', 0, storedPasswordEnd(value, 0, value.byteLength));
  const close = text.indexOf('}');
  if (!text.startsWith('{') || close < 2) return readWith(untaggedReaders(), 'userpassword', text);
  const tag = text.slice(1, close).toUpperCase();
  // slapd's argon2 module pads its value (storedPasswordEnd): dropped above, however the value was read.
  const body = text.slice(close + 1);
  const schemes = readersOfTag(tag);
  return schemes ? readWith(schemes, 'userpassword', body) : unknown('userpassword');
}

/** Classifies one stored value. Never throws: anything Vigie cannot read is scheme 'UNKNOWN'. */
export function classifyValue(attribute: PasswordAttribute, value: Uint8Array): StoredHash {
  try {
    if (attribute === 'userpassword') return classifyUserPassword(value);
    const text = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1', 0, storedPasswordEnd(value, 0, value.byteLength));
    return readWith(readersOfAttribute(attribute), attribute, text);
  } catch {
    return unknown(attribute);
  }
}

/** The (first) scheme with this name, to create values or read what the name alone says; UNKNOWN has none. */
export function schemeByName(name: HashSchemeName): ReadableScheme {
  if (name === 'UNKNOWN') throw new VigieError('UNKNOWN is not a hash scheme Vigie can check or create.');
  return named(name);
}

/** The descriptor that read this value; UNKNOWN has none. */
export function schemeOf(stored: StoredHash): ReadableScheme {
  if (!stored.descriptor) throw new VigieError('UNKNOWN is not a hash scheme Vigie can check or create.');
  return stored.descriptor;
}

/** Does this candidate produce the stored value? UNKNOWN never matches. */
export function verifyCandidate(stored: StoredHash, candidate: string): boolean | Promise<boolean> {
  return stored.descriptor ? stored.descriptor.verify(stored.parsed, candidate) : false;
}
