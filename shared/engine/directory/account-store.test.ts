import { describe, expect, it } from 'vitest';
import { AccountStore } from './account-store.ts';
import type { AccountRecord } from './model.ts';

function record(n: number): AccountRecord {
  return {
    dn: `uid=u${n},ou=Élèves,dc=lycée,dc=fr`,
    login: `prénom.nom${n}`,
    surnames: n % 3 === 0 ? [] : ['Lefèvre', `Ångström-${n}`],
    givenNames: ['Zoé', '🦊'],
    birthDate: n % 4 === 0 ? null : { year: 1990 + (n % 30), month: 1 + (n % 12), day: 1 + (n % 31) },
    profile: (['student', 'parent', 'teacher', 'staff', 'admin', 'unknown'] as const)[n % 6]!,
    classes: n % 2 ? ['2NDE5', 'TS2'] : [],
    passwords: n % 5 === 0 ? [] : [
      { attribute: 'userpassword', value: new Uint8Array(Array.from({ length: 40 + (n % 200) }, (_, i) => (i * 7 + n) & 255)) },
      { attribute: 'sambantpassword', value: new TextEncoder().encode('0123456789ABCDEF0123456789ABCDEF') },
    ],
  };
}

describe('AccountStore', () => {
  it('gives back every record as it was pushed, text, dates and bytes alike', () => {
    const records = Array.from({ length: 500 }, (_, n) => record(n));
    const store = AccountStore.of(records);
    expect(store.length).toBe(500);
    expect(store.toArray()).toEqual(records);
    expect(store.at(137)).toEqual(records[137]);
    expect(store.at(500)).toBeUndefined();
    expect(store.at(-1)).toBeUndefined();
  });

  it('packs the records: far fewer bytes than the records as objects', () => {
    const store = AccountStore.of(Array.from({ length: 10_000 }, (_, n) => record(n)));
    expect(store.length).toBe(10_000);
    // dn ≈ 35 bytes, names and login ≈ 45, two stored values ≈ 180: under 400 bytes each, slabs trimmed.
    expect(store.byteLength).toBeLessThan(10_000 * 400);
    expect(store.at(9_999)).toEqual(record(9_999));
  });

  it('takes a record larger than a slab', () => {
    const big = { ...record(1), passwords: [{ attribute: 'userpassword' as const, value: new Uint8Array(5 * 2 ** 20).fill(7) }] };
    const store = AccountStore.of([record(0), big, record(2)]);
    const back = store.at(1)!;
    expect({ ...back, passwords: [] }).toEqual({ ...big, passwords: [] });
    expect(Buffer.compare(back.passwords[0]!.value, big.passwords[0]!.value)).toBe(0);
    expect(store.at(2)).toEqual(record(2));
  });

  it("hands out copies of the stored values, not views on the store's memory", () => {
    const store = AccountStore.of([record(1)]);
    const value = store.at(0)!.passwords[0]!.value;
    expect(value.buffer.byteLength).toBe(value.length);
    value.fill(0);
    expect(store.at(0)).toEqual(record(1));
  });

  it('is read the same way as an array by the audit (length and at)', () => {
    const records = [record(1), record(2)];
    const sources = [records, AccountStore.of(records)];
    for (const s of sources) expect([s.length, s.at(1)?.login]).toEqual([2, 'prénom.nom2']);
  });
});
