// DES known-answer tests: the worked example of J. Orlin Grabbe's "The DES Algorithm Illustrated" and the
// NBS/NIST validation vector for the all-zero-ish key.
import { describe, expect, it } from 'vitest';
import { DesBlock, DesKeySchedule } from './des.ts';

function encrypt(keyHex: string, high: number, low: number): string {
  const keys = new DesKeySchedule();
  keys.set(new Uint8Array(Buffer.from(keyHex, 'hex')));
  const block = new DesBlock();
  block.high = high;
  block.low = low;
  block.encrypt(keys);
  return block.high.toString(16).padStart(8, '0') + block.low.toString(16).padStart(8, '0');
}

describe('DES', () => {
  it('encrypts the textbook example', () => {
    expect(encrypt('133457799BBCDFF1', 0x01234567, 0x89abcdef)).toBe('85e813540f0ab405');
  });

  it('encrypts the NIST SP 800-17 variable-plaintext vector', () => {
    expect(encrypt('0101010101010101', 0x80000000, 0)).toBe('95f8a5e5dd31d900');
  });

  it('ignores parity bits of the key', () => {
    expect(encrypt('123457799BBCDFF0', 0x01234567, 0x89abcdef)).toBe('85e813540f0ab405');
  });
});
