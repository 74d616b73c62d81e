// How each stored scheme is handed to hashcat (its `-m` mode and line format, as `hashcat -m N --example-hashes`
// shows them) and to John the Ripper (its `--format`). Schemes hashcat has no mode for (argon2, yescrypt, scrypt
// as slapd stores it) and cleartext (nothing to crack) are not exported.
import type { HashSchemeName } from '../../contract/codes.ts';
import type { StoredPassword } from '../directory/model.ts';
import { classifyValue } from '../hash/classify.ts';

export interface HashcatMode {
  mode: number;
  /** hashcat's own name for the mode, for the README. */
  name: string;
  /** Extra hashcat options the mode needs (salts given in hex). */
  extraArgs: string[];
  /** John the Ripper (jumbo) `--format` name. */
  johnFormat: string;
}

export const HASHCAT_MODES: Partial<Record<HashSchemeName, HashcatMode>> = {
  MD5: { mode: 0, name: 'MD5', extraArgs: [], johnFormat: 'Raw-MD5' },
  SMD5: { mode: 10, name: 'md5($pass.$salt)', extraArgs: ['--hex-salt'], johnFormat: 'dynamic_1' },
  SHA: { mode: 101, name: 'nsldap, SHA-1(Base64)', extraArgs: [], johnFormat: 'nsldap' },
  SSHA: { mode: 111, name: 'nsldaps, SSHA-1(Base64)', extraArgs: [], johnFormat: 'Salted-SHA1' },
  SHA256: { mode: 1400, name: 'SHA2-256', extraArgs: [], johnFormat: 'Raw-SHA256' },
  SSHA256: { mode: 1411, name: 'SSHA-256(Base64), LDAP {SSHA256}', extraArgs: [], johnFormat: 'SSHA512' },
  SHA384: { mode: 10800, name: 'SHA2-384', extraArgs: [], johnFormat: 'Raw-SHA384' },
  SSHA384: { mode: 10810, name: 'sha384($pass.$salt)', extraArgs: ['--hex-salt'], johnFormat: 'dynamic' },
  SHA512: { mode: 1700, name: 'SHA2-512', extraArgs: [], johnFormat: 'Raw-SHA512' },
  SSHA512: { mode: 1711, name: 'SSHA-512(Base64), LDAP {SSHA512}', extraArgs: [], johnFormat: 'SSHA512' },
  CRYPT_DES: { mode: 1500, name: 'descrypt', extraArgs: [], johnFormat: 'descrypt' },
  MD5CRYPT: { mode: 500, name: 'md5crypt', extraArgs: [], johnFormat: 'md5crypt' },
  SHA256CRYPT: { mode: 7400, name: 'sha256crypt', extraArgs: [], johnFormat: 'sha256crypt' },
  SHA512CRYPT: { mode: 1800, name: 'sha512crypt', extraArgs: [], johnFormat: 'sha512crypt' },
  BCRYPT: { mode: 3200, name: 'bcrypt', extraArgs: [], johnFormat: 'bcrypt' },
  PBKDF2_SHA1: { mode: 12000, name: 'PBKDF2-HMAC-SHA1', extraArgs: [], johnFormat: 'PBKDF2-HMAC-SHA1' },
  PBKDF2_SHA256: { mode: 10900, name: 'PBKDF2-HMAC-SHA256', extraArgs: [], johnFormat: 'PBKDF2-HMAC-SHA256' },
  PBKDF2_SHA512: { mode: 12100, name: 'PBKDF2-HMAC-SHA512', extraArgs: [], johnFormat: 'PBKDF2-HMAC-SHA512' },
  NT: { mode: 1000, name: 'NTLM', extraArgs: [], johnFormat: 'NT' },
  LM: { mode: 3000, name: 'LM', extraArgs: [], johnFormat: 'LM' },
};

export interface ExportedHash {
  scheme: HashSchemeName;
  mode: number;
  /** The hash exactly as hashcat reads it for that mode (and writes it to its potfile). */
  hash: string;
}

const DIGEST_LENGTH: Partial<Record<HashSchemeName, number>> = { SMD5: 16, SSHA384: 48 };

/** The stored value as hashcat's line for its mode, or null when hashcat cannot take it. */
export function toHashcat(stored: StoredPassword): ExportedHash | null {
  const classified = classifyValue(stored.attribute, stored.value);
  const mode = HASHCAT_MODES[classified.scheme];
  if (!mode) return null;
  const hash = hashcatText(classified.scheme, stored);
  return hash === null ? null : { scheme: classified.scheme, mode: mode.mode, hash };
}

function hashcatText(scheme: HashSchemeName, stored: StoredPassword): string | null {
  const text = Buffer.from(stored.value).toString('latin1').replace(/\0+$/, '');
  if (stored.attribute !== 'userpassword') return text.toLowerCase();
  const body = text.slice(text.indexOf('}') + 1);
  const bytes = (): Buffer => Buffer.from(body, 'base64');
  switch (scheme) {
    case 'SHA': case 'SSHA': case 'SSHA256': case 'SSHA512':
      return `{${scheme}}${body}`;
    case 'MD5': case 'SHA256': case 'SHA384': case 'SHA512':
      return bytes().toString('hex');
    case 'SMD5': case 'SSHA384': {
      const b = bytes();
      const n = DIGEST_LENGTH[scheme]!;
      return `${b.subarray(0, n).toString('hex')}:${b.subarray(n).toString('hex')}`;
    }
    case 'CRYPT_DES': case 'MD5CRYPT': case 'SHA256CRYPT': case 'SHA512CRYPT': case 'BCRYPT':
      return body;
    case 'PBKDF2_SHA1': case 'PBKDF2_SHA256': case 'PBKDF2_SHA512': {
      // slapd's `iter$salt$hash` in adapted base64 ('.' for '+', unpadded) → hashcat's `sha256:iter:salt:hash`.
      const [iterations, salt, digest] = body.split('$') as [string, string, string];
      const b64 = (s: string): string => Buffer.from(s.replace(/\./g, '+'), 'base64').toString('base64');
      const algo = scheme === 'PBKDF2_SHA1' ? 'sha1' : scheme === 'PBKDF2_SHA256' ? 'sha256' : 'sha512';
      return `${algo}:${iterations}:${b64(salt)}:${b64(digest)}`;
    }
    default:
      return null;
  }
}
