// The two hash kinds Have I Been Pwned publishes its Pwned Passwords in: SHA-1 and NTLM (the NT hash).
import { createHash } from 'node:crypto';
import { ntHex } from '../hash/schemes/nt.ts';

export const BREACH_HASH_KINDS = ['sha1', 'ntlm'] as const;
export type BreachHashKind = (typeof BREACH_HASH_KINDS)[number];

/** Digest length in bytes. */
export const HASH_BYTES: Record<BreachHashKind, number> = { sha1: 20, ntlm: 16 };

/** Hex digits of the 5-hex prefix HIBP names its range files by: the index's buckets. */
export const PREFIX_HEX = 5;
export const PREFIX_COUNT = 1 << (4 * PREFIX_HEX);

export function kindLabel(kind: BreachHashKind): string {
  return kind === 'sha1' ? 'SHA-1' : 'NTLM';
}

/** The kind a line of this many hex digits belongs to, counting the 5-hex prefix a range file drops. */
export function kindOfHexLength(digits: number): BreachHashKind | null {
  if (digits === 2 * HASH_BYTES.sha1) return 'sha1';
  if (digits === 2 * HASH_BYTES.ntlm) return 'ntlm';
  return null;
}

/** HIBP's digest of a password: SHA-1 of its UTF-8 bytes, or MD4 of its UTF-16LE code units. */
export function passwordDigest(kind: BreachHashKind, password: string): Buffer {
  if (kind === 'sha1') return createHash('sha1').update(password, 'utf8').digest();
  return Buffer.from(ntHex(password), 'hex');
}
