import { mkdtemp, rm, writeFile, mkdir, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, LdifError, VigieError } from '../../errors.ts';
import type { DirectoryEntry } from '../model.ts';
import { LdifParser } from './ldif-parser.ts';
import { parseLdifText, readLdif } from './read-ldif.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const text = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('latin1') : undefined);

function summary(entries: DirectoryEntry[]) {
  return entries.map((e) => ({
    dn: e.dn,
    line: e.line,
    attrs: Object.fromEntries(e.attrs),
    bytes: Object.fromEntries([...e.bytes].map(([k, v]) => [k, v.map(text)])),
  }));
}

describe('parseLdifText: LDIF features', () => {
  const cases: { name: string; ldif: string; expected: ReturnType<typeof summary> }[] = [
    {
      name: 'slapcat-style entry with multi-valued attribute',
      ldif: 'dn: uid=zoe.testard,ou=People,dc=ex\nobjectClass: top\nobjectClass: inetOrgPerson\nuid: zoe.testard\nsn: Testard\n',
      expected: [{ dn: 'uid=zoe.testard,ou=People,dc=ex', line: 1, attrs: { objectclass: ['top', 'inetOrgPerson'], uid: ['zoe.testard'], sn: ['Testard'] }, bytes: {} }],
    },
    {
      name: 'folded lines join without the leading space',
      ldif: 'dn: uid=a,ou=Pe\n ople,dc=ex\ndescription: un\n  deux\n',
      expected: [{ dn: 'uid=a,ou=People,dc=ex', line: 1, attrs: { description: ['un deux'] }, bytes: {} }],
    },
    {
      name: 'base64 values and dn::',
      ldif: `dn:: ${b64('uid=élodie,dc=ex')}\nsn:: ${b64('Lefèvre')}\ngivenName:: ${b64('Élodie')}\n`,
      expected: [{ dn: 'uid=élodie,dc=ex', line: 1, attrs: { sn: ['Lefèvre'], givenname: ['Élodie'] }, bytes: {} }],
    },
    {
      name: 'CRLF line endings',
      ldif: 'dn: uid=a,dc=ex\r\nsn: Abel\r\n\r\ndn: uid=b,dc=ex\r\nsn: Brun\r\n',
      expected: [
        { dn: 'uid=a,dc=ex', line: 1, attrs: { sn: ['Abel'] }, bytes: {} },
        { dn: 'uid=b,dc=ex', line: 4, attrs: { sn: ['Brun'] }, bytes: {} },
      ],
    },
    {
      name: 'comments, folded comments, version line and ldapsearch trailers',
      ldif: [
        '# extended LDIF', '#', '# LDAPv3', '# base <dc=ex> with scope subtree', '#  continued', '  comment',
        'version: 1', '', '# a, ex', 'dn: uid=a,dc=ex', '# inside', ' still the comment', 'sn: Abel', '',
        '# search result', 'search: 2', 'result: 0 Success', '', '# numResponses: 2', '# numEntries: 1', '',
      ].join('\n'),
      expected: [{ dn: 'uid=a,dc=ex', line: 10, attrs: { sn: ['Abel'] }, bytes: {} }],
    },
    {
      name: 'version line directly followed by the first entry',
      ldif: 'version: 1\ndn: uid=a,dc=ex\nsn: Abel\n',
      expected: [{ dn: 'uid=a,dc=ex', line: 2, attrs: { sn: ['Abel'] }, bytes: {} }],
    },
    {
      name: 'attribute names lower-cased, options dropped',
      ldif: 'dn: uid=a,dc=ex\nCN;lang-fr: Abel\njpegPhoto;binary:: AAEC\n',
      expected: [{ dn: 'uid=a,dc=ex', line: 1, attrs: { cn: ['Abel'], jpegphoto: ['\u0000\u0001\u0002'] }, bytes: {} }],
    },
    {
      name: 'password attributes as bytes, trailing NULs stripped, plain and base64',
      ldif: `dn: uid=a,dc=ex\nuserPassword:: ${Buffer.from('{ARGON2}$argon2i$v=19$x\0\0').toString('base64')}\nuserPassword: {MD5}abc\nuserPassword:: ${Buffer.from('{ARGON2}$argon2id$v=19$y\0\x08').toString('base64')}\nsambaNTPassword: 31D6CFE0D16AE931B73C59D7E0C089C0\nSAMBALMPassword: AAD3B435B51404EEAAD3B435B51404EE\n`,
      expected: [{
        dn: 'uid=a,dc=ex', line: 1, attrs: {},
        bytes: {
          userpassword: ['{ARGON2}$argon2i$v=19$x', '{MD5}abc', '{ARGON2}$argon2id$v=19$y'],
          sambantpassword: ['31D6CFE0D16AE931B73C59D7E0C089C0'],
          sambalmpassword: ['AAD3B435B51404EEAAD3B435B51404EE'],
        },
      }],
    },
    {
      name: 'several blank lines, no final newline, empty value',
      ldif: '\n\ndn: uid=a,dc=ex\ndescription:\n\n\n\ndn: uid=b,dc=ex\nsn: Brun',
      expected: [
        { dn: 'uid=a,dc=ex', line: 3, attrs: { description: [''] }, bytes: {} },
        { dn: 'uid=b,dc=ex', line: 8, attrs: { sn: ['Brun'] }, bytes: {} },
      ],
    },
    {
      name: 'UTF-8 byte order mark and raw UTF-8 values',
      ldif: '\uFEFFdn: uid=a,dc=ex\nsn: Gaël\n',
      expected: [{ dn: 'uid=a,dc=ex', line: 1, attrs: { sn: ['Gaël'] }, bytes: {} }],
    },
    {
      name: 'changetype: add is an entry',
      ldif: 'dn: uid=a,dc=ex\nchangetype: add\nsn: Abel\n',
      expected: [{ dn: 'uid=a,dc=ex', line: 1, attrs: { sn: ['Abel'] }, bytes: {} }],
    },
  ];

  it.each(cases)('$name', ({ ldif, expected }) => {
    expect(summary(parseLdifText(ldif))).toEqual(expected);
  });

  it('gives the same entries whatever the chunk boundaries (one byte at a time)', () => {
    for (const { ldif, expected } of cases) {
      const parser = new LdifParser('<chunks>');
      const bytes = Buffer.from(ldif, 'utf8');
      const entries: DirectoryEntry[] = [];
      for (let i = 0; i < bytes.length; i += 1) entries.push(...parser.push(bytes.subarray(i, i + 1)));
      entries.push(...parser.end());
      expect(summary(entries)).toEqual(expected);
    }
  });
});

describe('parseLdifText: errors name the line', () => {
  const cases: { name: string; ldif: string | Uint8Array; line: number; message: RegExp }[] = [
    { name: 'bad base64', ldif: 'dn: uid=a,dc=ex\nsn:: ###\n', line: 2, message: /not valid base64/ },
    { name: 'base64 of impossible length', ldif: 'dn: uid=a,dc=ex\n\ndn: uid=b,dc=ex\nsn:: QUJDR\n', line: 4, message: /not valid base64/ },
    { name: 'value line before any dn', ldif: '# hi\nsn: Abel\ndn: uid=a,dc=ex\n', line: 2, message: /before any "dn:"/ },
    { name: 'value line before any dn after an entry', ldif: 'dn: uid=a,dc=ex\nsn: A\n\ncn: B\n', line: 4, message: /before any "dn:"/ },
    { name: 'line with no colon', ldif: 'dn: uid=a,dc=ex\nsn: Abel\nsecret-looking-text\n', line: 3, message: /no colon/ },
    { name: 'continuation with nothing before', ldif: ' uid=a,dc=ex\ndn: uid=a,dc=ex\n', line: 1, message: /starts with a space/ },
    { name: 'continuation right after a blank line', ldif: 'dn: uid=a,dc=ex\n\n continued\n', line: 3, message: /starts with a space/ },
    { name: 'invalid UTF-8 in a dn', ldif: `dn: uid=a,dc=ex\n\ndn:: ${Buffer.from([0x75, 0x69, 0x64, 0x3d, 0xff, 0xfe]).toString('base64')}\n`, line: 3, message: /dn is not valid UTF-8/ },
    { name: 'raw invalid UTF-8 in a dn', ldif: Buffer.concat([Buffer.from('dn: uid='), Buffer.from([0xc3, 0x28]), Buffer.from(',dc=ex\n')]), line: 1, message: /dn is not valid UTF-8/ },
    { name: 'value from a URL', ldif: 'dn: uid=a,dc=ex\njpegPhoto:< file:///tmp/photo.jpg\n', line: 2, message: /URL/ },
    { name: 'two dn in one entry', ldif: 'dn: uid=a,dc=ex\nsn: A\ndn: uid=b,dc=ex\n', line: 3, message: /second "dn:"/ },
    { name: 'not an attribute name', ldif: 'dn: uid=a,dc=ex\nmot de passe: x\n', line: 2, message: /not an attribute name/ },
    { name: 'change record', ldif: 'dn: uid=a,dc=ex\nchangetype: modify\nreplace: sn\nsn: B\n', line: 2, message: /change record/ },
    { name: 'unknown LDIF version', ldif: 'version: 2\n\ndn: uid=a,dc=ex\n', line: 1, message: /version/ },
    { name: 'gzip file', ldif: Buffer.from([0x1f, 0x8b, 0x08, 0x00]), line: 1, message: /gzip/ },
    { name: 'error in a folded line names its first line', ldif: 'dn: uid=a,dc=ex\nsn:: QU\n #\n', line: 2, message: /not valid base64/ },
  ];

  it.each(cases)('$name → line $line', ({ ldif, line, message }) => {
    let caught: unknown;
    try {
      parseLdifText(ldif, 'export.ldif');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LdifError);
    const error = caught as LdifError;
    expect(error.lineNumber).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`export.ldif, line ${line}: `)).toBe(true);
    expect(error.oneLine()).not.toContain('\n');
  });

  it('never quotes the offending line, which may hold a password', () => {
    expect(() => parseLdifText('dn: uid=a,dc=ex\nuserPassword: {SSHA}abc\nSuperSecret42\n')).toThrow(LdifError);
    try {
      parseLdifText('dn: uid=a,dc=ex\nSuperSecret42\n');
    } catch (error) {
      expect((error as Error).message).not.toContain('SuperSecret42');
    }
  });
});

describe('readLdif', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vigie-ldif-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function collect(file: string, signal?: AbortSignal): Promise<DirectoryEntry[]> {
    const entries: DirectoryEntry[] = [];
    for await (const entry of readLdif(file, { signal })) entries.push(entry);
    return entries;
  }

  it('streams entries across chunk boundaries, with long folded values', async () => {
    const file = path.join(dir, 'many.ldif');
    const longValue = 'x'.repeat(300_000);
    const folded = `description: ${longValue}`.match(/.{1,76}/g)!.join('\n ');
    const blocks = Array.from({ length: 3000 }, (_, i) => `dn: uid=user${i},ou=People,dc=ex\nuid: user${i}\nuserPassword: {SSHA}v${i}\n`);
    blocks.splice(1500, 0, `dn: uid=long,dc=ex\n${folded}\n`);
    await writeFile(file, `version: 1\n\n${blocks.join('\n')}`);
    const entries = await collect(file);
    expect(entries).toHaveLength(3001);
    expect(entries[0]!.dn).toBe('uid=user0,ou=People,dc=ex');
    expect(entries[1500]!.attrs.get('description')).toEqual([longValue]);
    expect(text(entries[3000]!.bytes.get('userpassword')?.[0])).toBe('{SSHA}v2999');
    expect(entries[3000]!.line).toBe(3 + 2999 * 4 + 1 + folded.split('\n').length + 1);
  });

  it('reads a ~100 MB export with a small, bounded heap', async () => {
    const file = path.join(dir, 'big.ldif');
    const block = Array.from({ length: 1000 }, (_, i) => [
      `dn: uid=eleve${i},ou=People,dc=lycee-exemple,dc=fr`, 'objectClass: inetOrgPerson', 'objectClass: sambaSamAccount',
      `uid: eleve${i}`, `sn:: ${b64(`Nomé${i}`)}`, `givenName: Prénom${i}`, `gecos: Prenom Nom,20080512,M,N`,
      'userPassword: {MD5}X03MO1qnZdYdgyfeuILPmQ==', 'sambaNTPassword: 31D6CFE0D16AE931B73C59D7E0C089C0',
      'description: a description long enough to be folded at seventy-six characters, as slapcat does',
      ' with its continuation', '', '',
    ].join('\n')).join('');
    const handle = await import('node:fs/promises').then((fs) => fs.open(file, 'w'));
    const times = Math.ceil((100 * 1024 * 1024) / block.length);
    const bytes = Buffer.from(block);
    for (let i = 0; i < times; i += 1) await handle.write(bytes);
    await handle.close();

    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    for await (const entry of readLdif(file)) {
      count += 1;
      if (count % 2000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      if (count === 1) expect(entry.attrs.get('sn')).toEqual(['Nomé0']);
    }
    expect(count).toBe(times * 1000);
    // The file is 100 MB; the reader holds a chunk and an entry at a time (garbage aside).
    expect(peak).toBeLessThan(64 * 1024 * 1024);
    await rm(file);
  });

  it('reports the line of an error far into the file', async () => {
    const file = path.join(dir, 'bad.ldif');
    const good = Array.from({ length: 5000 }, (_, i) => `dn: uid=u${i},dc=ex\nsn: S\n`).join('\n');
    await writeFile(file, `${good}\ndn: uid=bad,dc=ex\nsn:: %%%\n`);
    await expect(collect(file)).rejects.toThrow(/bad\.ldif, line 15002: the base64 value of "sn" is not valid base64/);
  });

  it.each([
    { name: 'a missing file', make: async () => path.join(dir, 'absent.ldif'), message: /LDIF file not found: .*absent\.ldif/ },
    { name: 'a folder', make: async () => { const d = path.join(dir, 'folder.ldif'); await mkdir(d); return d; }, message: /is a folder, not an LDIF file/ },
  ])('refuses $name with a one-line VigieError', async ({ make, message }) => {
    const file = await make();
    const error = await collect(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VigieError);
    expect(error).not.toBeInstanceOf(LdifError);
    expect((error as VigieError).oneLine()).toMatch(message);
    expect((error as VigieError).oneLine()).not.toContain('\n');
  });

  it.skipIf(process.getuid?.() === 0)('refuses an unreadable file with a one-line VigieError', async () => {
    const file = path.join(dir, 'locked.ldif');
    await writeFile(file, 'dn: uid=a,dc=ex\n');
    await chmod(file, 0o000);
    const error = await collect(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VigieError);
    expect((error as VigieError).message).toMatch(/permission denied/);
  });

  it('stops with CancelledError when the signal is aborted', async () => {
    const file = path.join(dir, 'cancel.ldif');
    await writeFile(file, Array.from({ length: 100 }, (_, i) => `dn: uid=u${i},dc=ex\n`).join('\n'));
    const controller = new AbortController();
    const seen: string[] = [];
    const reading = (async () => {
      for await (const entry of readLdif(file, { signal: controller.signal })) {
        seen.push(entry.dn);
        if (seen.length === 10) controller.abort();
      }
    })();
    await expect(reading).rejects.toBeInstanceOf(CancelledError);
    expect(seen).toHaveLength(10);
  });
});

describe('input problems (issue #15 §4)', () => {
  // A real {SSHA} value, base64-encoded the way ldapsearch writes it, then cut short by two characters.
  const whole = b64('{SSHA}QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=');
  const cut = whole.slice(0, -2);

  it('a base64 value cut short is named by its line and attribute; a password value is left out, never audited as whole', () => {
    expect(cut.length % 4).not.toBe(0);
    const entries = parseLdifText(`dn: uid=a,dc=ex\nobjectClass: inetOrgPerson\nsn:: ${b64('Lefèvre').slice(0, -2)}\nuserPassword:: ${cut}\n\ndn: uid=b,dc=ex\nuserPassword:: ${whole}\n`);
    expect(entries).toHaveLength(2);
    const [a, b] = entries as (DirectoryEntry & { inputProblems?: unknown })[];
    expect(a!.inputProblems).toEqual([
      { kind: 'MALFORMED_BASE64', line: 3, dn: 'uid=a,dc=ex', attribute: 'sn' },
      { kind: 'MALFORMED_BASE64', line: 4, dn: 'uid=a,dc=ex', attribute: 'userpassword' },
    ]);
    // The account still has the attribute (it is an account), not the damaged value.
    expect(a!.bytes.get('userpassword')).toEqual([]);
    // Text is read as far as it goes.
    expect(a!.attrs.get('sn')![0]).toMatch(/^Lef/);
    expect(b!.inputProblems).toBeUndefined();
    expect(text(b!.bytes.get('userpassword')![0])).toBe('{SSHA}QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=');
  });

  it('names a cut dn:: value too, and never puts a value in a problem', () => {
    const [entry] = parseLdifText(`dn:: ${b64('uid=zoé,dc=ex').slice(0, -1)}\nuserPassword:: ${cut}\n`) as (DirectoryEntry & { inputProblems?: { attribute: string; line: number }[] })[];
    expect(entry!.inputProblems!.map((p) => [p.attribute, p.line])).toEqual([['dn', 1], ['userpassword', 2]]);
    expect(JSON.stringify(entry!.inputProblems)).not.toMatch(/SSHA|QUJD/);
  });

  it('an impossible length or a character outside base64 is still a one-line error', () => {
    expect(() => parseLdifText(`dn: uid=a,dc=ex\nuserPassword:: ${whole}A\n`)).toThrow(/line 2: the base64 value of "userpassword" is not valid base64/);
  });

  describe('an empty source is an error, not an empty directory', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'vigie-ldif-empty-'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it.each([
      ['a 0-byte file', ''],
      ['comments and blank lines only', '# export du 2026-12-01\n\n\n'],
      ['a version line only', 'version: 1\n'],
    ])('%s', async (_name, content) => {
      const file = path.join(dir, 'empty.ldif');
      await writeFile(file, content);
      const error = await (async () => {
        for await (const _ of readLdif(file)) void _;
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VigieError);
      expect((error as VigieError).oneLine()).toMatch(/empty\.ldif holds no LDIF entry \(it is empty\): nothing to audit/);
      expect((error as VigieError).oneLine()).not.toContain('\n');
    });
  });
});
