// Turns a stored password value into a StoredHash naming its scheme, the way slapd itself would read it:
// userPassword `{TAG}` prefixes are case-insensitive; a value that looks like `{…}` with an unknown tag is not
// cleartext (slapd refuses it), anything else without a tag is. NT/LM come from their own Samba attributes.
import type { HashSchemeName } from '../../contract/codes.ts';
import type { PasswordAttribute } from '../directory/model.ts';
import { VigieError } from '../errors.ts';
import { storedPasswordEnd } from '../directory/stored-password.ts';
import type { HashScheme, StoredHash } from './scheme.ts';
import { argon2d, argon2i, argon2id } from './schemes/argon2.ts';
import { bcrypt } from './schemes/bcrypt.ts';
import { cleartext } from './schemes/cleartext.ts';
import { cryptDes } from './schemes/crypt-des.ts';
import { ldapDigestSchemes } from './schemes/ldap-digest.ts';
import { lm } from './schemes/lm.ts';
import { md5crypt } from './schemes/md5crypt.ts';
import { nt } from './schemes/nt.ts';
import { pbkdf2Sha1, pbkdf2Sha256, pbkdf2Sha512 } from './schemes/pbkdf2.ts';
import type { ReadableScheme } from './schemes/readable-scheme.ts';
import { scrypt } from './schemes/scrypt.ts';
import { sha256crypt, sha512crypt } from './schemes/sha-crypt.ts';
import { yescrypt } from './schemes/yescrypt.ts';

const SCHEMES: readonly ReadableScheme[] = [
  cleartext, ...ldapDigestSchemes, cryptDes, md5crypt, sha256crypt, sha512crypt, bcrypt, yescrypt, scrypt,
  pbkdf2Sha1, pbkdf2Sha256, pbkdf2Sha512, argon2i, argon2d, argon2id, nt, lm,
];
const BY_NAME = new Map<HashSchemeName, ReadableScheme>(SCHEMES.map((s) => [s.name, s]));

function named(name: HashSchemeName): ReadableScheme {
  const scheme = BY_NAME.get(name);
  if (!scheme) throw new Error(`No scheme named ${name}`);
  return scheme;
}

/** userPassword tags (upper case) and the schemes that may read what follows them, tried in order. */
const BY_TAG = new Map<string, readonly ReadableScheme[]>([
  ...ldapDigestSchemes.map((s) => [s.name, [s]] as const),
  ['CRYPT', [cryptDes, md5crypt, sha256crypt, sha512crypt, bcrypt, yescrypt, scrypt]],
  ['PBKDF2', [pbkdf2Sha1]],
  ['PBKDF2-SHA1', [pbkdf2Sha1]],
  ['PBKDF2-SHA256', [pbkdf2Sha256]],
  ['PBKDF2-SHA512', [pbkdf2Sha512]],
  ['ARGON2', [argon2i, argon2d, argon2id]],
]);

function unknown(attribute: PasswordAttribute): StoredHash {
  return {
    scheme: 'UNKNOWN', attribute, params: {}, legacy: false, weakParameters: null, unsaltedKey: null, parsed: null,
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
    };
  }
  return unknown(attribute);
}

function classifyUserPassword(value: Uint8Array): StoredHash {
  // latin1 keeps one character per byte, so a cleartext value round-trips to its exact bytes.
  const text = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1', 0, storedPasswordEnd(value, 0, value.byteLength));
  const close = text.indexOf('}');
  if (!text.startsWith('{') || close < 2) return readWith([cleartext], 'userpassword', text);
  const tag = text.slice(1, close).toUpperCase();
  // slapd's argon2 module pads its value (storedPasswordEnd): dropped above, however the value was read.
  const body = text.slice(close + 1);
  const schemes = BY_TAG.get(tag);
  return schemes ? readWith(schemes, 'userpassword', body) : unknown('userpassword');
}

/** Classifies one stored value. Never throws: anything Vigie cannot read is scheme 'UNKNOWN'. */
export function classifyValue(attribute: PasswordAttribute, value: Uint8Array): StoredHash {
  try {
    if (attribute === 'userpassword') return classifyUserPassword(value);
    const text = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1', 0, storedPasswordEnd(value, 0, value.byteLength));
    return readWith([attribute === 'sambantpassword' ? nt : lm], attribute, text);
  } catch {
    return unknown(attribute);
  }
}

/** The scheme with this name; UNKNOWN has none. */
export function schemeByName(name: HashSchemeName): HashScheme {
  if (name === 'UNKNOWN') throw new VigieError('UNKNOWN is not a hash scheme Vigie can check or create.');
  return named(name);
}

/** Does this candidate produce the stored value? UNKNOWN never matches. */
export function verifyCandidate(stored: StoredHash, candidate: string): boolean | Promise<boolean> {
  if (stored.scheme === 'UNKNOWN') return false;
  return named(stored.scheme).verify(stored.parsed, candidate);
}

/** A short French label with the scheme's parameters, for reports: "bcrypt (coût 8)". */
export function describeScheme(stored: StoredHash): string {
  if (stored.scheme === 'UNKNOWN') return 'format inconnu';
  return named(stored.scheme).describe(stored.parsed);
}
