// Stored values that need no cracking to be checked against the breach corpus: `{SHA}` is the very digest
// HIBP lists, sambaNTPassword the NTLM one, and a cleartext value is the password itself (each scheme's
// descriptor says which: `breachLookup`).
import type { StoredHash } from '../hash/scheme.ts';
import type { BreachIndex } from './breach-index.ts';

/** Highest breach count among an account's directly checkable values; 0: none is in the corpus. */
export function storedBreachCount(values: readonly StoredHash[], index: BreachIndex): number {
  let best = 0;
  for (const v of values) {
    const lookup = v.descriptor?.breachLookup;
    if (v.unsaltedKey === null || !lookup) continue;
    const n = lookup === 'password'
      ? index.countPassword(Buffer.from(v.unsaltedKey, 'hex').toString('utf8'))
      : index.countDigestHex(lookup, v.unsaltedKey);
    best = Math.max(best, n);
  }
  return best;
}
