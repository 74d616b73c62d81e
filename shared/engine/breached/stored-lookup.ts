// Stored values that need no cracking to be checked against the breach corpus: `{SHA}` is the very digest
// HIBP lists, sambaNTPassword the NTLM one, and a cleartext value is the password itself (each scheme's
// descriptor says which: `breachLookup`).
import type { StoredHash } from '../hash/scheme.ts';
import type { BreachIndex } from './breach-index.ts';

/** Highest breach count among each account's directly checkable values: account index → count (hits only). */
export function storedBreachCounts(stored: StoredHash[][], index: BreachIndex): Map<number, number> {
  const counts = new Map<number, number>();
  stored.forEach((values, i) => {
    let best = 0;
    for (const v of values) {
      const lookup = v.descriptor?.breachLookup;
      if (v.unsaltedKey === null || !lookup) continue;
      const n = lookup === 'password'
        ? index.countPassword(Buffer.from(v.unsaltedKey, 'hex').toString('utf8'))
        : index.countDigestHex(lookup, v.unsaltedKey);
      best = Math.max(best, n);
    }
    if (best > 0) counts.set(i, best);
  });
  return counts;
}
