// Turns a stored password value into a StoredHash naming its scheme, the way slapd itself would read it:
// userPassword `{TAG}` prefixes are case-insensitive; a value that looks like `{…}` with an unknown tag is not
// cleartext (slapd refuses it), anything else without a tag is. NT/LM come from their own Samba attributes.
import type { HashSchemeName } from '../../contract/codes.ts';
import type { PasswordAttribute } from '../directory/model.ts';
import { VigieError } from '../errors.ts';
import { storedPasswordEnd } from '../directory/stored-password.ts';
import { readersOfAttribute, readersOfTag, schemeNamed, schemeWithId, untaggedReaders } from './registry.ts';
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

/**
 * The text a descriptor reads from a stored value, one character per byte (latin1: a cleartext value round-trips to
 * its exact bytes): after its `{TAG}` (upper-cased in `tag`) for a tagged userPassword, the whole value otherwise. slapd's argon2 module pads its value
 * (storedPasswordEnd): dropped here, however the value was read.
 */
function storedText(attribute: PasswordAttribute, value: Uint8Array): { tag: string | null; body: string } {
  const text = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1', 0, storedPasswordEnd(value, 0, value.byteLength));
  const close = text.indexOf('}');
  if (attribute !== 'userpassword' || !text.startsWith('{') || close < 2) return { tag: null, body: text };
  return { tag: text.slice(1, close).toUpperCase(), body: text.slice(close + 1) };
}

function readersOf(attribute: PasswordAttribute, tag: string | null): readonly ReadableScheme[] | undefined {
  if (attribute !== 'userpassword') return readersOfAttribute(attribute);
  return tag === null ? untaggedReaders() : readersOfTag(tag);
}

/** Classifies one stored value. Never throws: anything Vigie cannot read is scheme 'UNKNOWN'. */
export function classifyValue(attribute: PasswordAttribute, value: Uint8Array): StoredHash {
  try {
    const { tag, body } = storedText(attribute, value);
    const schemes = readersOf(attribute, tag);
    return schemes ? readWith(schemes, attribute, body) : unknown(attribute);
  } catch {
    return unknown(attribute);
  }
}

/**
 * A value read by the descriptor its classification named (`classifyValue(…).descriptor.id`), without trying the
 * others: the audit's workers check what the main thread classified, not a classification of their own. Throws
 * when that descriptor does not read the value (it was classified otherwise).
 */
export function readClassified(id: string, attribute: PasswordAttribute, value: Uint8Array): StoredHash {
  const scheme = schemeWithId(id);
  const stored = scheme ? readWith([scheme], attribute, storedText(attribute, value).body) : unknown(attribute);
  if (!stored.descriptor) throw new VigieError(`A stored value is not a ${id} value: it was classified otherwise.`);
  return stored;
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
