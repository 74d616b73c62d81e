// sambaNTPassword: the NT hash, MD4 of the UTF-16LE password, stored as 32 hex digits (any case).
import { md4Into } from '../primitives/md4.ts';
import { toHex } from '../primitives/hex.ts';
import { defineScheme } from './readable-scheme.ts';

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

const HEX32 = /^[0-9a-fA-F]{32}$/;

export const nt = defineScheme<{ key: string }>({
  name: 'NT',
  storage: 'fast',
  legacy: true,
  unsalted: true,
  read: (text) => (HEX32.test(text) ? { key: text.toLowerCase() } : null),
  params: () => ({}),
  unsaltedKey: (p) => p.key,
  describe: () => 'NT (Samba)',
  // Measured: MD4 in TypeScript ≈ 0.5 µs, half an MD5 digestHex through node:crypto.
  cost: () => 0.5,
  verify: (p, candidate) => ntHex(candidate) === p.key,
  digestHex: ntHex,
  create: (password) => ntHex(password).toUpperCase(),
});
