import { describe, expect, it } from 'vitest';
import { LdifError } from '../errors.ts';
import { parseLdifText } from '../directory/ldif/read-ldif.ts';
import { SeededRandom } from '../../testing/synthetic/random.ts';
import { LdifLines, type LdifSink } from './read-lines.ts';
import { foldLine, isSafeString, ldifLine } from './write-lines.ts';

/** Every line and record end the tokeniser hands over: [description as written, value bytes as hex, base64?, cut?]. */
function tokens(input: string | Uint8Array, options: { dash?: boolean; chunk?: number; maxLineBytes?: number } = {}): unknown[] {
  const out: unknown[] = [];
  const sink: LdifSink<{ text: string; name: string }> = {
    line: (attribute, n) => {
      const value = lines.value();
      out.push([n, attribute.text, attribute.name, value.toString('hex'), lines.base64, lines.cutShort]);
    },
    recordEnd: () => out.push('end'),
    ...(options.dash ? { dash: (n: number) => out.push([n, '-']) } : {}),
  };
  const lines: LdifLines = new LdifLines(sink, (n, message, code) => new LdifError('t.ldif', n, message, code),
    options.maxLineBytes ? { maxLineBytes: options.maxLineBytes } : {});
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  const step = options.chunk ?? bytes.length;
  for (let i = 0; i < bytes.length; i += step) lines.push(bytes.subarray(i, i + step));
  lines.end();
  // Consecutive record ends (several blank lines) say one thing: keep one.
  return out.filter((t, i) => t !== 'end' || out[i - 1] !== 'end');
}

const hex = (text: string): string => Buffer.from(text, 'utf8').toString('hex');

describe('the LDIF line writer', () => {
  it.each([
    ['a plain value', 'cn', 'Abel', 'cn: Abel'],
    ['an empty value', 'description', '', 'description: '],
    ['a leading space', 'description', ' lead', 'description:: IGxlYWQ='],
    ['a leading colon', 'description', ':colon', 'description:: OmNvbG9u'],
    ["a leading '<'", 'description', '<less', 'description:: PGxlc3M='],
    ['non-ASCII text', 'givenName', 'Élodie', 'givenName:: w4lsb2RpZQ=='],
    ['a trailing space', 'sn', 'trail ', 'sn:: dHJhaWwg'],
    ['a line feed', 'description', 'a\nb', 'description:: YQpi'],
    ['a NUL', 'description', 'nul\u0000', 'description:: bnVsAA=='],
    ["'#', '-' and ':' inside", 'description', 'a#b-c:d', 'description: a#b-c:d'],
  ])('%s', (_name, attribute, value, line) => {
    expect(ldifLine(attribute, value)).toBe(line);
  });

  it('writes bytes as base64 even when they would be safe as text', () => {
    expect(ldifLine('userPassword', new Uint8Array([0x7b, 0x4d, 0x44, 0x35, 0x7d, 0x00, 0xff]))).toBe('userPassword:: e01ENX0A/w==');
    expect(ldifLine('userPassword', new Uint8Array(Buffer.from('{MD5}abc')))).toBe('userPassword:: e01ENX1hYmM=');
    // A view into a larger buffer: only its own bytes.
    const view = new Uint8Array(Buffer.from('xx{MD5}abcxx')).subarray(2, 10);
    expect(ldifLine('userPassword', view)).toBe('userPassword:: e01ENX1hYmM=');
  });

  it('folds a long line at 76 columns, continuing after one space', () => {
    const value = 'abcdefghij'.repeat(10);
    expect(ldifLine('cn', value)).toBe(`cn: ${'abcdefghij'.repeat(7)}ab\n cdefghij${'abcdefghij'.repeat(2)}`);
    // 'cn: ' and 300 characters: 76, then 75 three times behind a space, then the last 3.
    const lines = ldifLine('cn', 'x'.repeat(300)).split('\n');
    expect(lines.map((l) => l.length)).toEqual([76, 76, 76, 76, 4]);
    expect(lines.slice(1).every((l) => l.startsWith(' ') && !l.startsWith('  '))).toBe(true);
    expect(foldLine('y'.repeat(76))).toBe('y'.repeat(76));
    expect(foldLine('y'.repeat(77))).toBe(`${'y'.repeat(76)}\n y`);
  });

  it('folds a long base64 value the same way', () => {
    const line = ldifLine('description', 'é'.repeat(60));
    expect(line.split('\n').map((l) => l.length)).toEqual([76, 76, 24]);
    expect(line.replace(/\n /g, '')).toBe(`description:: ${Buffer.from('é'.repeat(60)).toString('base64')}`);
  });

  it('knows a SAFE-STRING', () => {
    for (const v of ['', 'Abel', 'a b', 'x:y', 'x<y', '#x', '-', '{SSHA}ab/+=']) expect(isSafeString(v), v).toBe(true);
    for (const v of [' a', ':a', '<a', 'a ', 'é', 'a\rb', 'a\nb', '\u0000', '\u007f\u0080']) expect(isSafeString(v), JSON.stringify(v)).toBe(false);
  });
});

describe('the LDIF tokeniser', () => {
  it('unfolds, skips comments (folded ones too), separates records, decodes base64, keeps the description as written', () => {
    const ldif = [
      '# a comment', ' that goes on', 'dn: uid=a,dc=ex', 'CN;lang-fr: Ab', ' el', 'sn:: TGVmw6h2cmU=', 'description:   three spaces', '',
      '', 'dn: uid=b,dc=ex', '# inside', 'cn:', '',
    ].join('\r\n');
    const expected = [
      [3, 'dn', 'dn', hex('uid=a,dc=ex'), false, false],
      [4, 'CN;lang-fr', 'cn', hex('Abel'), false, false],
      [6, 'sn', 'sn', hex('Lefèvre'), true, false],
      [7, 'description', 'description', hex('three spaces'), false, false],
      'end',
      [10, 'dn', 'dn', hex('uid=b,dc=ex'), false, false],
      [12, 'cn', 'cn', '', false, false],
      'end',
    ];
    expect(tokens(ldif)).toEqual(expected);
    // Chunk boundaries anywhere, even inside a CRLF or a folded line, change nothing.
    for (const chunk of [1, 2, 3, 7, 64]) expect(tokens(ldif, { chunk })).toEqual(expected);
  });

  it('marks a base64 value that lost its padding, and refuses one that cannot be base64', () => {
    expect(tokens('dn: x\nsn:: TGVmw6h2cm\n')).toEqual([[1, 'dn', 'dn', hex('x'), false, false], [2, 'sn', 'sn', hex('Lefèvr'), true, true], 'end']);
    expect(() => tokens('dn: x\nsn:: TGVmw\n')).toThrow(/t\.ldif, line 2: the base64 value of "sn" is not valid base64/);
    expect(() => tokens('dn: x\nsn:: #TGV\n')).toThrow(/line 2: the base64 value of "sn" is not valid base64/);
  });

  it('hands a "-" line to a sink that takes change records, and refuses it otherwise', () => {
    expect(tokens('dn: x\nchangetype: modify\nreplace: sn\nsn: B\n-\n', { dash: true })).toEqual([
      [1, 'dn', 'dn', hex('x'), false, false], [2, 'changetype', 'changetype', hex('modify'), false, false],
      [3, 'replace', 'replace', hex('sn'), false, false], [4, 'sn', 'sn', hex('B'), false, false], [5, '-'], 'end',
    ]);
    expect(() => tokens('dn: x\n-\n')).toThrow(/line 2: no colon on this line/);
  });

  it.each([
    ['a URL value', 'dn: x\njpegPhoto:< file:///etc/shadow\n', 2, /"jpegphoto:<" takes its value from a URL/],
    ['a folded line with nothing before it', ' uid=a\n', 1, /starts with a space/],
    ['a line with no colon', 'dn: x\nSuperSecret42\n', 2, /no colon on this line/],
    ['not an attribute name', 'dn: x\nmot de passe: SuperSecret42\n', 2, /not an attribute name/],
    ['a gzip file', Buffer.from([0x1f, 0x8b, 0x08, 0x00]), 1, /gzip-compressed/],
  ])('refuses %s in one line, naming the line, never the text', (_name, input, line, message) => {
    let caught: unknown;
    try {
      tokens(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LdifError);
    expect((caught as LdifError).lineNumber).toBe(line);
    expect((caught as LdifError).message).toMatch(message);
    expect((caught as LdifError).message).not.toMatch(/SuperSecret42|shadow/);
  });

  it('refuses a line longer than the limit, folded or not, whatever the chunks; reads one at the limit', () => {
    const value = 'v'.repeat(90);
    expect(tokens(`dn: x\ndescription: ${value}\n`, { maxLineBytes: 103 })).toEqual([
      [1, 'dn', 'dn', hex('x'), false, false], [2, 'description', 'description', hex(value), false, false], 'end']);
    for (const chunk of [1, 10, 1000]) {
      expect(() => tokens(`dn: x\ndescription: ${value}x\n`, { maxLineBytes: 103, chunk })).toThrow(/line 2: a line longer than 103 bytes, folded lines included/);
      expect(() => tokens(`dn: x\ndescription: ${value.slice(0, 50)}\n ${value.slice(50)}xy\n`, { maxLineBytes: 103, chunk })).toThrow(/line 2: a line longer than 103 bytes/);
    }
    // No line feed at all (not LDIF): refused as the bytes come, not once the whole file is in memory.
    const lines = new LdifLines({ line: () => undefined, recordEnd: () => undefined }, (n, message) => new LdifError('t.ldif', n, message), { maxLineBytes: 1000 });
    let pushed = 0;
    expect(() => {
      for (;;) {
        lines.push(Buffer.alloc(100, 0x41));
        pushed += 100;
      }
    }).toThrow(/line 1: a line longer than 1000 bytes/);
    expect(pushed).toBe(1000);
  });

  it('says a gzip file by its code', () => {
    expect(() => tokens(Buffer.from([0x1f, 0x8b]))).toThrow(expect.objectContaining({ code: 'LDIF_COMPRESSED' }) as Error);
  });
});

describe('writer → tokeniser round trip (seeded random values)', () => {
  // The characters that need care: spaces, ':', '<', '#', '-', '=', NUL, CR, LF, tab, DEL, accents, a surrogate pair.
  const ALPHABET = [...'aZ09 :<#-=+/\u0000\r\n\t\u007fé€', '\u{1F600}'];

  function randomValue(random: SeededRandom): string {
    const length = random.chance(0.1) ? random.int(70, 400) : random.int(0, 30);
    let value = '';
    for (let i = 0; i < length; i += 1) value += random.pick(ALPHABET);
    return value;
  }

  it.each([1, 2, 3])('seed %i: every value comes back as the same bytes', (seed) => {
    const random = new SeededRandom(seed);
    const values = Array.from({ length: 500 }, () => randomValue(random));
    const text = `${ldifLine('dn', 'uid=x,dc=ex')}\n${values.map((v) => ldifLine('description', v)).join('\n')}\n`;
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(76);
    const read = tokens(text).slice(1, -1) as [number, string, string, string][];
    expect(read.map((t) => t[3])).toEqual(values.map(hex));
  });

  it('the directory reader reads synthetic-style content records back as written', () => {
    const random = new SeededRandom(4);
    const values = Array.from({ length: 200 }, () => randomValue(random));
    const text = `${ldifLine('dn', 'uid=zoé,ou=élèves,dc=ex')}\n${values.map((v) => ldifLine('description', v)).join('\n')}\n\n`;
    const [entry] = parseLdifText(text);
    expect(entry!.dn).toBe('uid=zoé,ou=élèves,dc=ex');
    // Text attributes are read as UTF-8: a lone surrogate cannot be in a JS string written as UTF-8 anyway.
    expect(entry!.attrs.get('description')).toEqual(values);
  });
});
