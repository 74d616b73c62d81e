import { describe, expect, it } from 'vitest';
import { decodePlain, parseCrackedLine } from './potfile.ts';

const HASHES = new Set(['8743b52063cd84097a65d1633f5c74f5', 'sha256:1000:NjI3MDM3:vVfavLQL9ZWjg8BUMq6/FB8FtpkIGWYk', 'aabb:0011']);
const IDS = new Set(['v0123456789abcdef0123']);
const isHash = (h: string): boolean => HASHES.has(h);
const isId = (id: string): boolean => IDS.has(id);

describe('decodePlain', () => {
  it('decodes $HEX[…] as UTF-8 and leaves other plains alone', () => {
    expect(decodePlain('$HEX[666f6f3a626172]')).toBe('foo:bar');
    expect(decodePlain('$HEX[636166c3a9]')).toBe('café');
    expect(decodePlain('$HEX[]')).toBe('');
    expect(decodePlain('café')).toBe('café');
    // Not hashcat's encoding: an odd number of digits or a stray character is a plain that looks like one.
    expect(decodePlain('$HEX[abc]')).toBe('$HEX[abc]');
    expect(decodePlain('$HEX[zz]')).toBe('$HEX[zz]');
  });
});

describe('parseCrackedLine', () => {
  it('reads a potfile line, the plain keeping its colons', () => {
    expect(parseCrackedLine('8743b52063cd84097a65d1633f5c74f5:a:b:c', isHash, isId)).toEqual({ id: null, hash: '8743b52063cd84097a65d1633f5c74f5', plain: 'a:b:c' });
    expect(parseCrackedLine('8743b52063cd84097a65d1633f5c74f5:', isHash, isId)).toEqual({ id: null, hash: '8743b52063cd84097a65d1633f5c74f5', plain: '' });
  });

  it('finds hashes that hold colons themselves (PBKDF2, salted hex)', () => {
    expect(parseCrackedLine('sha256:1000:NjI3MDM3:vVfavLQL9ZWjg8BUMq6/FB8FtpkIGWYk:$HEX[783a79]', isHash, isId))
      .toEqual({ id: null, hash: 'sha256:1000:NjI3MDM3:vVfavLQL9ZWjg8BUMq6/FB8FtpkIGWYk', plain: 'x:y' });
    expect(parseCrackedLine('aabb:0011:secret\r', isHash, isId)).toEqual({ id: null, hash: 'aabb:0011', plain: 'secret' });
  });

  it('reads `hashcat --show --username` lines with the account id first', () => {
    expect(parseCrackedLine('v0123456789abcdef0123:8743b52063cd84097a65d1633f5c74f5:hashcat', isHash, isId))
      .toEqual({ id: 'v0123456789abcdef0123', hash: '8743b52063cd84097a65d1633f5c74f5', plain: 'hashcat' });
  });

  it('ignores lines about other hashes, blank lines and junk', () => {
    expect(parseCrackedLine('', isHash, isId)).toBeNull();
    expect(parseCrackedLine('no colon here', isHash, isId)).toBeNull();
    expect(parseCrackedLine('ffffffffffffffffffffffffffffffff:plain', isHash, isId)).toBeNull();
    expect(parseCrackedLine('vffffffffffffffffffff:8743b52063cd84097a65d1633f5c74f5:x', isHash, isId)).toBeNull();
  });
});
