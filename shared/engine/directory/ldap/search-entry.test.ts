import { BerReader, SearchEntry } from 'ldapts';
import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../model.ts';
import { MalformedBerError } from './ber.ts';
import { SearchEntryDecoder, isWellFormedUtf8 } from './search-entry.ts';
import { PASSWORD_ATTRIBUTE_SPELLINGS, toDirectoryEntry } from './to-directory-entry.ts';

// Hand-built BER, as a server would send it. `long` forces the long length form even for short content.
function tlv(tag: number, content: Uint8Array | string, long = false): Buffer {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  let length: number[];
  if (!long && body.length < 0x80) length = [body.length];
  else {
    const bytes: number[] = [];
    for (let n = body.length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
    if (bytes.length === 0) bytes.push(0);
    length = [0x80 | bytes.length, ...bytes];
  }
  return Buffer.concat([Buffer.from([tag, ...length]), body]);
}
const octets = (value: Uint8Array | string, long = false): Buffer => tlv(0x04, value, long);

type Value = string | Uint8Array;
/** A PartialAttribute; `null` leaves out the value set altogether. */
function attribute(type: string, values: Value[] | null, long = false): Buffer {
  const parts = [octets(type, long)];
  if (values) parts.push(tlv(0x31, Buffer.concat(values.map((v) => octets(v, long))), long));
  return tlv(0x30, Buffer.concat(parts), long);
}
/** The content of a SearchResultEntry, i.e. what follows its [APPLICATION 4] tag and length. */
function entryContent(dn: string, attributes: Buffer[], long = false): Buffer {
  return Buffer.concat([octets(dn, long), tlv(0x30, Buffer.concat(attributes), long)]);
}

function decode(content: Buffer, decoder = new SearchEntryDecoder()): DirectoryEntry {
  // Inside a larger buffer, as in a socket read, to check that offsets are honoured.
  const padded = Buffer.concat([Buffer.from([0xaa, 0xbb, 0xcc]), content, Buffer.from([0xdd])]);
  return decoder.decode(padded, 3, 3 + content.length);
}

/** What ldapts's own parsing plus toDirectoryEntry make of the same bytes: the reference. */
function throughLdapts(content: Buffer): DirectoryEntry {
  const message = new SearchEntry({ messageId: 1 });
  message.parse(new BerReader(content), []);
  return toDirectoryEntry(message.toObject(['*'], PASSWORD_ATTRIBUTE_SPELLINGS));
}

const text = (bytes: Uint8Array | undefined): string => Buffer.from(bytes ?? []).toString('latin1');

describe('SearchEntryDecoder', () => {
  it('reads the DN, lower-cases names once, drops options and merges variants, keeps multi-valued order', () => {
    const entry = decode(entryContent('uid=élise.durand,ou=people,dc=lycée,dc=fr', [
      attribute('objectClass', ['top', 'person', 'inetOrgPerson']),
      attribute('givenName', ['Élise']),
      attribute('description;lang-fr', ['une']),
      attribute('Description', ['deux', 'trois']),
      attribute('mail', ['']),
    ]));
    expect(entry.dn).toBe('uid=élise.durand,ou=people,dc=lycée,dc=fr');
    expect([...entry.attrs.entries()]).toEqual([
      ['objectclass', ['top', 'person', 'inetOrgPerson']],
      ['givenname', ['Élise']],
      ['description', ['une', 'deux', 'trois']],
      ['mail', ['']],
    ]);
    expect(entry.bytes.size).toBe(0);
  });

  it('reads long-form lengths, minimal or not, at every level', () => {
    const long = 'x'.repeat(300);
    const content = entryContent('cn=long,dc=t', [attribute('description', [long, 'court']), attribute('cn', ['long'], true)], true);
    // 300 bytes need two length bytes: 0x82 0x01 0x2c.
    expect(content.includes(Buffer.from([0x04, 0x82, 0x01, 0x2c]))).toBe(true);
    // Short content in the long form: 0x81 0x04 "long".
    expect(content.includes(Buffer.from([0x04, 0x81, 0x04, ...Buffer.from('long')]))).toBe(true);
    const entry = decode(content);
    expect(entry.dn).toBe('cn=long,dc=t');
    expect(entry.attrs.get('description')).toEqual([long, 'court']);
    expect(entry.attrs.get('cn')).toEqual(['long']);
    expect(entry).toEqual(throughLdapts(content));
  });

  it('hands password values over as copied bytes, binary included, without trailing NULs', () => {
    // slapd's argon2 module: the PHC string, its NUL, then an uninitialised byte.
    const argon2 = Buffer.from('{ARGON2}$argon2i$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA\0\x08', 'latin1');
    const binary = Uint8Array.from([0xff, 0x00, 0x80, 0xc3, 0x28, 0x00]);
    const long = new Uint8Array(200).fill(0x41);
    const content = entryContent('uid=a,dc=t', [
      attribute('userPassword', [argon2, binary]),
      attribute('SAMBANTPASSWORD', ['0123456789ABCDEF0123456789ABCDEF']),
      attribute('sambaLMPassword;binary', [Uint8Array.from([0, 1, 2, 0])]),
      attribute('userpassword', [long]),
    ]);
    const padded = Buffer.concat([Buffer.from([0x99]), content]);
    const entry = new SearchEntryDecoder().decode(padded, 1, padded.length);
    const values = entry.bytes.get('userpassword') ?? [];
    expect(values.map(text)).toEqual(['{ARGON2}$argon2i$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA', text(binary.subarray(0, 5)), text(long)]);
    expect([...(entry.bytes.get('sambalmpassword')?.[0] ?? [])]).toEqual([0, 1, 2]);
    expect(text(entry.bytes.get('sambantpassword')?.[0])).toBe('0123456789ABCDEF0123456789ABCDEF');
    expect(entry.attrs.size).toBe(0);
    for (const value of values) {
      // Plain Uint8Arrays of their own, whatever happens to the socket's buffer afterwards.
      expect(Object.getPrototypeOf(value)).toBe(Uint8Array.prototype);
      expect(value.buffer).not.toBe(padded.buffer);
      expect(value.byteLength).toBe(value.buffer.byteLength);
    }
    padded.fill(0);
    expect(text(values[0])).toMatch(/^\{ARGON2\}/);
  });

  it('leaves out empty value sets and attributes without one, password attributes included', () => {
    const content = entryContent('uid=a,dc=t', [
      attribute('userPassword', []),
      attribute('seeAlso', []),
      attribute('cn', null),
      attribute('sn', ['Durand']),
    ]);
    const entry = decode(content);
    expect([...entry.attrs.keys()]).toEqual(['sn']);
    expect(entry.bytes.size).toBe(0);
    expect(entry).toEqual(throughLdapts(content));
  });

  it('leaves out values that are not UTF-8 and ;binary attributes, one value at a time', () => {
    const content = entryContent('uid=a,dc=t', [
      attribute('seeAlso', ['cn=x', Uint8Array.from([0xc3, 0x28]), 'cn=y']),
      attribute('jpegPhoto', [Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])]),
      attribute('userCertificate;binary', [Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x01])]),
      // Overlong '/', a UTF-16 surrogate, a code point above U+10FFFF, a sequence cut short.
      attribute('description', [Uint8Array.from([0xc0, 0xaf]), Uint8Array.from([0xed, 0xa0, 0x80]),
        Uint8Array.from([0xf4, 0x90, 0x80, 0x80]), Uint8Array.from([0x61, 0xe2, 0x82]), 'ok']),
      // A byte order mark is dropped, as TextDecoder drops it.
      attribute('cn', [Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0x6e, 0x6e, 0x65]), '𝄞 Clé']),
    ]);
    const entry = decode(content);
    expect([...entry.attrs.entries()]).toEqual([['seealso', ['cn=x', 'cn=y']], ['description', ['ok']], ['cn', ['Anne', '𝄞 Clé']]]);
  });

  it('gives what ldapts gives, attribute for attribute and byte for byte, on generated entries', () => {
    const decoder = new SearchEntryDecoder();
    // mulberry32: the same entries on every run.
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const names = ['cn', 'CN', 'sn', 'givenName', 'mail', 'description;lang-fr', 'userPassword', 'UserPassword', 'sambaNTPassword', 'jpegPhoto;binary', 'x-Opt;a;b'];
    const pieces = ['a', 'é', 'Z', ' ', '\0', '€', '😀'];
    let rawValues = 0;
    for (let n = 0; n < 400; n++) {
      const attributes: Buffer[] = [];
      // A server sends each description once per entry (ldapts would keep only the last of two).
      const used = new Set<string>();
      for (let a = random(6); a > 0; a--) {
        const name = names[random(names.length)] ?? 'cn';
        if (used.has(name)) continue;
        used.add(name);
        // Raw bytes and text are not mixed in one attribute: there ldapts drops every value (see the next test).
        const raw = random(4) === 0;
        const values: Value[] = [];
        for (let v = random(4); v > 0; v--) {
          if (raw) {
            // Never UTF-8 (0xff), then anything, NULs included.
            const bytes = Uint8Array.from({ length: 1 + random(40) }, (_, i) => (i === 0 ? 0xff : random(256)));
            rawValues += 1;
            values.push(bytes);
          } else values.push(Array.from({ length: random(12) }, () => pieces[random(pieces.length)]).join('') + (random(3) === 0 ? '\0\0' : ''));
        }
        attributes.push(attribute(name, values, random(5) === 0));
      }
      const content = entryContent(`uid=u${n},dc=t`, attributes, random(5) === 0);
      expect(decode(content, decoder)).toEqual(throughLdapts(content));
    }
    expect(rawValues).toBeGreaterThan(100);
  });

  it('keeps the text values of an attribute that also holds non-UTF-8 ones, where ldapts dropped them all', () => {
    const content = entryContent('uid=a,dc=t', [attribute('seeAlso', ['cn=x', Uint8Array.from([0xc3, 0x28])])]);
    expect(decode(content).attrs.get('seealso')).toEqual(['cn=x']);
    // ldapts turns every value of such an attribute into a Buffer, which toDirectoryEntry then leaves out.
    expect(throughLdapts(content).attrs.has('seealso')).toBe(false);
  });

  it('names attributes right however many distinct descriptions pass, in whatever order', () => {
    const decoder = new SearchEntryDecoder();
    for (let i = 0; i < 600; i++) {
      const attrs = [attribute(`X-Attr${i};lang-fr`, [`v${i}`]), attribute('GivenName', ['Iris']), attribute('UserPassword', ['{SSHA}x'])];
      if (i % 2) attrs.reverse();
      const entry = decode(entryContent(`uid=${i},dc=t`, attrs), decoder);
      expect(entry.attrs.get(`x-attr${i}`)).toEqual([`v${i}`]);
      expect(entry.attrs.get('givenname')).toEqual(['Iris']);
      expect(text(entry.bytes.get('userpassword')?.[0])).toBe('{SSHA}x');
    }
  });

  it('refuses malformed entries with MalformedBerError', () => {
    const good = entryContent('uid=a,dc=t', [attribute('cn', ['Anne'])]);
    const decoder = new SearchEntryDecoder();
    // Cut anywhere: some field runs past the end.
    for (let cut = 0; cut < good.length; cut++) {
      expect(() => decoder.decode(good, 0, cut)).toThrow(MalformedBerError);
    }
    const wrongTag = Buffer.from(good);
    wrongTag[0] = 0x05;
    expect(() => decoder.decode(wrongTag, 0, wrongTag.length)).toThrow(/tag 0x5 where 0x4 belongs/);
    const indefinite = Buffer.concat([octets('uid=a'), Buffer.from([0x30, 0x80, 0x00, 0x00])]);
    expect(() => decoder.decode(indefinite, 0, indefinite.length)).toThrow(/indefinite/);
    const tooLong = Buffer.concat([octets('uid=a'), Buffer.from([0x30, 0x85, 1, 0, 0, 0, 0])]);
    expect(() => decoder.decode(tooLong, 0, tooLong.length)).toThrow(MalformedBerError);
    const valueNotOctets = entryContent('uid=a', [tlv(0x30, Buffer.concat([octets('cn'), tlv(0x31, tlv(0x02, Uint8Array.from([1])))]))]);
    expect(() => decoder.decode(valueNotOctets, 0, valueNotOctets.length)).toThrow(MalformedBerError);
  });
});

describe('isWellFormedUtf8', () => {
  const check = (bytes: number[]): boolean => isWellFormedUtf8(Uint8Array.from(bytes), 0, bytes.length);
  it('agrees with a fatal TextDecoder on every 1-, 2- and 3-byte sequence boundary case', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const accepts = (bytes: number[]): boolean => {
      try {
        decoder.decode(Uint8Array.from(bytes));
        return true;
      } catch {
        return false;
      }
    };
    const edges = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    for (const a of edges) {
      expect(check([a])).toBe(accepts([a]));
      for (const b of edges) {
        expect(check([a, b])).toBe(accepts([a, b]));
        for (const c of edges) {
          expect(check([a, b, c])).toBe(accepts([a, b, c]));
          expect(check([a, b, c, 0x80])).toBe(accepts([a, b, c, 0x80]));
        }
      }
    }
  });
});
