import { randomBytes } from 'node:crypto';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { HashSchemeName } from '../../contract/codes.ts';
import { DigestAccounts, DigestIndexBuilder, digestRuns } from './digest-index.ts';

describe('DigestIndexBuilder', () => {
  it('sorts digests, keeps equal ones side by side and drops an account holding one digest twice', () => {
    const b = new DigestIndexBuilder();
    b.add('MD5', 'ff00', 3);
    b.add('NT', '0102', 0);
    b.add('MD5', '00ff', 1);
    b.add('MD5', 'ff00', 0);
    b.add('MD5', 'ff00', 3);
    const [md5, nt] = b.finish();
    expect(md5!.scheme).toBe('MD5');
    expect(nt!.scheme).toBe('NT');
    expect(md5!.count).toBe(3);
    expect(Array.from(md5!.accounts)).toEqual([1, 0, 3]);
    expect([...digestRuns(md5!)]).toEqual([[0, 1], [1, 3]]);
    expect(md5!.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('holds digests of different lengths (cleartext values) without mixing them', () => {
    const b = new DigestIndexBuilder();
    b.add('CLEARTEXT', '61', 0);
    b.add('CLEARTEXT', '6161', 1);
    b.add('CLEARTEXT', '61', 2);
    const view = new DigestAccounts(b.finish()[0]!);
    expect(view.get('61')).toEqual([0, 2]);
    expect(view.get('6161')).toEqual([1]);
    expect(view.get('616161')).toBeUndefined();
    expect(view.size).toBe(2);
  });
});

describe('DigestAccounts', () => {
  it('reads as the Map of hex digests to ascending account indexes it replaces', () => {
    const expected = new Map<HashSchemeName, Map<string, number[]>>();
    const b = new DigestIndexBuilder();
    const pool = Array.from({ length: 300 }, () => randomBytes(16).toString('hex'));
    for (let account = 0; account < 2000; account++) {
      for (const scheme of ['MD5', 'NT'] as const) {
        const hex = pool[(account * 7919 + (scheme === 'NT' ? 13 : 0)) % pool.length]!;
        b.add(scheme, hex, account);
        const byDigest = expected.get(scheme) ?? expected.set(scheme, new Map()).get(scheme)!;
        byDigest.set(hex, [...(byDigest.get(hex) ?? []), account]);
      }
    }
    const index = b.finish();
    expect(index.map((d) => d.scheme)).toEqual([...expected.keys()]);
    for (const d of index) {
      const view = new DigestAccounts(d);
      const want = expected.get(d.scheme)!;
      expect(view.size).toBe(want.size);
      expect(new Map(view)).toEqual(want);
      for (const [hex, accounts] of want) expect(view.get(hex)).toEqual(accounts);
      expect(view.get('00'.repeat(16))).toBeUndefined();
    }
  });

  it('crosses to a worker thread without a copy of the digests', () => {
    const b = new DigestIndexBuilder();
    b.add('SHA', 'aa'.repeat(20), 5);
    const [d] = b.finish();
    const { port1, port2 } = new MessageChannel();
    return new Promise<void>((resolve) => {
      port2.on('message', (received: typeof d) => {
        // The same memory: a write on one side is seen on the other.
        d!.accounts[0] = 6;
        expect(received!.accounts[0]).toBe(6);
        port1.close();
        port2.close();
        resolve();
      });
      port1.postMessage(d);
    });
  });

  it('refuses to be written', () => {
    const b = new DigestIndexBuilder();
    b.add('MD5', 'ab', 0);
    const view = new DigestAccounts(b.finish()[0]!);
    expect(() => view.set('cd', [1])).toThrow(/read-only/);
  });
});
