// sambaNTPassword: the NT hash, MD4 of the UTF-16LE password, stored as 32 hex digits (any case).
import { md4Into } from '../primitives/md4.ts';
import { toHex } from '../primitives/hex.ts';
import { sambaHexScheme } from './samba-hex.ts';

let utf16 = new Uint8Array(256);
const digest = new Uint8Array(16);

export function ntHex(candidate: string): string {
  const length = candidate.length * 2;
  if (utf16.length < length) utf16 = new Uint8Array(length * 2);
  for (let i = 0; i < candidate.length; i++) {
    const code = candidate.charCodeAt(i);
    utf16[2 * i] = code & 0xff;
    utf16[2 * i + 1] = code >>> 8;
  }
  md4Into(utf16, length, digest);
  return toHex(digest);
}

// Measured: MD4 in TypeScript ≈ 0.5 µs, half an MD5 digestHex through node:crypto.
export const nt = sambaHexScheme({
  name: 'NT',
  attribute: 'sambantpassword',
  weakness: 3,
  lookupOrder: 1,
  breachLookup: 'ntlm',
  kernel: 'NT',
  hashcat: { mode: 1000, name: 'NTLM', john: 'NT' },
  cost: 0.5,
  digestHex: ntHex,
  create: (password) => ntHex(password).toUpperCase(),
});
