// The registry of hash schemes (issue #14 §1): every descriptor Vigie reads, in the order a shared tag tries them.
// Adding a scheme is one module under schemes/ (its descriptor and its test) and one line here; classification,
// the audit, storage findings, the export, the evaluation and the plan all read the descriptors.
import type { HashSchemeName } from '../../contract/codes.ts';
import type { PasswordAttribute } from '../directory/model.ts';
import { argon2d, argon2i, argon2id } from './schemes/argon2.ts';
import { bcrypt } from './schemes/bcrypt.ts';
import { cleartext } from './schemes/cleartext.ts';
import { cryptDes } from './schemes/crypt-des.ts';
import { ldapDigestSchemes } from './schemes/ldap-digest.ts';
import { lm } from './schemes/lm.ts';
import { md5crypt } from './schemes/md5crypt.ts';
import { nt } from './schemes/nt.ts';
import { pbkdf2Sha1, pbkdf2Sha256, pbkdf2Sha512 } from './schemes/pbkdf2.ts';
import { pbkdf2Sha256389ds } from './schemes/pbkdf2-389ds/pbkdf2-389ds.ts';
import type { ReadableScheme } from './schemes/readable-scheme.ts';
import { scrypt } from './schemes/scrypt.ts';
import { sha256crypt, sha512crypt } from './schemes/sha-crypt.ts';
import { yescrypt } from './schemes/yescrypt.ts';

/**
 * Every descriptor, in the order a shared tag tries them ({CRYPT}: DES, md5crypt, sha-crypt, bcrypt, yescrypt,
 * scrypt). The first descriptor of a name is the one `schemeNamed` gives (to create values, and for what the
 * report's name alone says: storage class, weakness).
 */
export const SCHEMES: readonly ReadableScheme[] = [
  cleartext, ...ldapDigestSchemes, cryptDes, md5crypt, sha256crypt, sha512crypt, bcrypt, yescrypt, scrypt,
  pbkdf2Sha1, pbkdf2Sha256, pbkdf2Sha512, pbkdf2Sha256389ds, argon2i, argon2d, argon2id, nt, lm,
];

const BY_NAME = new Map<HashSchemeName, ReadableScheme>();
const BY_ID = new Map<string, ReadableScheme>();
const BY_TAG = new Map<string, ReadableScheme[]>();
const BY_ATTRIBUTE = new Map<PasswordAttribute, ReadableScheme[]>();
const UNTAGGED: ReadableScheme[] = [];

for (const scheme of SCHEMES) {
  if (BY_ID.has(scheme.id)) throw new Error(`Two hash scheme descriptors have the id ${scheme.id}`);
  BY_ID.set(scheme.id, scheme);
  if (!BY_NAME.has(scheme.name)) BY_NAME.set(scheme.name, scheme);
  const r = scheme.recognise;
  if ('tags' in r) for (const tag of r.tags) (BY_TAG.get(tag) ?? BY_TAG.set(tag, []).get(tag)!).push(scheme);
  else if ('attribute' in r) (BY_ATTRIBUTE.get(r.attribute) ?? BY_ATTRIBUTE.set(r.attribute, []).get(r.attribute)!).push(scheme);
  else UNTAGGED.push(scheme);
}

/** The first descriptor with this report name; undefined for UNKNOWN. */
export function schemeNamed(name: HashSchemeName): ReadableScheme | undefined {
  return BY_NAME.get(name);
}

export function schemeWithId(id: string): ReadableScheme | undefined {
  return BY_ID.get(id);
}

/** The descriptors that may read a userPassword body after this `{TAG}` (upper case), in order. */
export function readersOfTag(tag: string): readonly ReadableScheme[] | undefined {
  return BY_TAG.get(tag);
}

/** The descriptors that read a whole Samba attribute's value. */
export function readersOfAttribute(attribute: PasswordAttribute): readonly ReadableScheme[] {
  return BY_ATTRIBUTE.get(attribute) ?? [];
}

/** The descriptors that read a userPassword without a tag (cleartext). */
export function untaggedReaders(): readonly ReadableScheme[] {
  return UNTAGGED;
}
