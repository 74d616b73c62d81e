// Each slow scheme's cost() is what one check takes (≈ 1 µs units, measured on the 2-core box): the audit's
// per-account budget divides by it, so a cost off by 2× gives a slow hash twice or half its share of time.
import { describe, expect, it } from 'vitest';
import { classifyValue, schemeByName } from '../classify.ts';
import { kernel } from '../kernels/index.ts';
import { nativeCrypt } from './native-crypt.ts';

const costOf = (value: string): number => {
  const stored = classifyValue('userpassword', new TextEncoder().encode(value));
  return schemeByName(stored.scheme).cost(stored.parsed);
};

describe('cost()', () => {
  it('doubles with each bcrypt cost step, plus a small fixed part', () => {
    const c4 = costOf('{CRYPT}$2b$04$abcdefghijklmnopqrstuu5Cf.FgjaN7eJjSIcnVK3Nx1ohZXtJS6');
    const c10 = costOf('{CRYPT}$2b$10$abcdefghijklmnopqrstuu5Cf.FgjaN7eJjSIcnVK3Nx1ohZXtJS6');
    expect(c10 / c4).toBeGreaterThan(50);
    expect(c10 / c4).toBeLessThan(64);
    expect(c4).toBeGreaterThan(1000);
    expect(c4).toBeLessThan(2000);
  });

  it('follows the kernel tier for md5crypt and sha-crypt, as checks run in the addon only on the native tier', () => {
    expect(nativeCrypt()).toBe(kernel().tier === 'native');
    const md5crypt = costOf('{CRYPT}$1$saltsalt$9xy1btjgzLYfb7hivXtC//');
    const sha512crypt = costOf('{CRYPT}$6$saltsalt$TVLlQcbpFVof5W3Yz4DTP6gRstiNuHwwTt6GLc1E5n0U0aDehy0S5knV8wiOQSpT0Y77vwPZN.Pq.H91p5hVO1');
    if (nativeCrypt()) {
      expect(md5crypt).toBeLessThan(300);
      expect(sha512crypt).toBeLessThan(3000);
    } else {
      expect(md5crypt).toBeGreaterThan(2000);
      expect(sha512crypt).toBeGreaterThan(20_000);
    }
  });

  it('counts PBKDF2 per iteration, SHA-512 at about twice SHA-1', () => {
    const sha1 = costOf('{PBKDF2}10000$uRceb22ONUFj8LXGb2u2zw$XovtjdMr7MwBXr4UBhnr/A0PSEM');
    const sha512 = costOf('{PBKDF2-SHA512}10000$DqiMikNdz9jFG3DGUFm8qA$xvAMNsPMFRB.f6iiErX5V4hKDHLcZrUsON.hgNvHCsNwpwKo2kToqqeR4UB3lC8qTbnyjxmb89JfX34ZWXaQVg');
    expect(sha1).toBeCloseTo(2200, -2);
    expect(sha512 / sha1).toBeGreaterThan(2);
    expect(sha512 / sha1).toBeLessThan(3);
  });
});
