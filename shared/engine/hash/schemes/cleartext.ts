// A userPassword without a `{TAG}`: slapd compares it byte for byte with what the user types.
import { toHex } from '../primitives/hex.ts';
import { defineScheme } from './readable-scheme.ts';

export const cleartext = defineScheme<{ bytes: Uint8Array }>({
  name: 'CLEARTEXT',
  recognise: { untagged: true },
  storage: 'cleartext',
  legacy: true,
  unsalted: true,
  weakness: 0,
  exhaustive: true,
  lookupOrder: 0,
  breachLookup: 'password',
  read: (text) => ({ bytes: new Uint8Array(Buffer.from(text, 'latin1')) }),
  params: () => ({}),
  unsaltedKey: (p) => toHex(p.bytes),
  cost: () => 0.1,
  verify: (p, candidate) => Buffer.from(candidate, 'utf8').equals(p.bytes),
  digestHex: (candidate) => Buffer.from(candidate, 'utf8').toString('hex'),
  create: (password) => password,
});
