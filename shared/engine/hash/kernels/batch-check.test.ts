// UnsaltedLookup: candidates against many unsalted digests at once, hits in candidate order with their position.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BATCH_SIZE, UnsaltedLookup } from './batch-check.ts';

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');
const sha384 = (s: string): string => createHash('sha384').update(s).digest('hex');

describe('UnsaltedLookup', () => {
  // Hits on both sides of a batch's end, and in the batch left for `flush`.
  const words = Array.from({ length: 2 * BATCH_SIZE + 100 }, (_, i) => `mot${i}`);
  const targets = [5, BATCH_SIZE - 1, BATCH_SIZE, 2 * BATCH_SIZE + 50];

  it('names each hit with its accounts and how many candidates were pushed before it', () => {
    const index = new Map([['MD5' as const, new Map(targets.map((t, k) => [md5(words[t]!), [10 + k]]))]]);
    const hits: [string, number[], boolean, number][] = [];
    const lookup = new UnsaltedLookup<{ password: string }>(index, (item, accounts, folded, position) => void hits.push([item.password, accounts, folded, position]));
    for (const password of words) lookup.push({ password });
    lookup.flush();
    expect(hits).toEqual(targets.map((t, k) => [words[t], [10 + k], false, t]));
  });

  it('counts positions the same for a scheme the kernels do not hash (its own digest), and stops when asked', () => {
    const index = new Map([['SHA384' as const, new Map([[sha384(words[BATCH_SIZE + 3]!), [1]], [sha384(words[BATCH_SIZE + 9]!), [2]]])]]);
    const hits: number[] = [];
    const lookup = new UnsaltedLookup<{ password: string }>(index, (_item, _accounts, _folded, position) => {
      hits.push(position);
      return true;
    });
    let pushed = 0;
    for (const password of words) {
      pushed++;
      if (lookup.push({ password })) break;
    }
    expect(hits).toEqual([BATCH_SIZE + 3]);
    expect(pushed).toBe(BATCH_SIZE + 4);
  });
});
