// Stored values that need no cracking to be checked against the breach corpus: `{SHA}` is the very digest
// HIBP lists, sambaNTPassword the NTLM one, and a cleartext value is the password itself.
import type { StoredHash } from '../hash/scheme.ts';
import type { BreachIndex } from './breach-index.ts';

/** Highest breach count among each account's directly checkable values: account index → count (hits only). */
export function storedBreachCounts(stored: StoredHash[][], index: BreachIndex): Map<number, number> {
  const counts = new Map<number, number>();
  stored.forEach((values, i) => {
    let best = 0;
    for (const v of values) {
      if (v.unsaltedKey === null) continue;
      let n = 0;
      if (v.scheme === 'SHA') n = index.countDigestHex('sha1', v.unsaltedKey);
      else if (v.scheme === 'NT') n = index.countDigestHex('ntlm', v.unsaltedKey);
      else if (v.scheme === 'CLEARTEXT') n = index.countPassword(Buffer.from(v.unsaltedKey, 'hex').toString('utf8'));
      best = Math.max(best, n);
    }
    if (best > 0) counts.set(i, best);
  });
  return counts;
}
