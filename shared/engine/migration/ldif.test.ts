import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELAX_CONTROL, type ChangeRecord } from './change-record.ts';
import { parseLdif } from './ldif-parse.ts';
import { writeLdif } from './ldif-write.ts';
import { readPlanReport } from './report-input.ts';
import { SeededRandom } from '../../testing/synthetic/random.ts';

/** Records as JSON with every value as hex: base64 values come back as bytes, plain ones as text. */
function asBytes(records: ChangeRecord[]): unknown {
  return JSON.parse(JSON.stringify(records.map(({ comment: _c, ...r }) => r),
    (_k, v: unknown) => (typeof v === 'string' || v instanceof Uint8Array ? Buffer.from(v as string).toString('hex') : v)));
}

describe('plan LDIF', () => {
  it('reads back exactly what it writes: bytes, accents, long values, controls, empty replaces', () => {
    const records: ChangeRecord[] = [
      { dn: 'uid=élève,ou=people,dc=x', change: 'modify', controls: [RELAX_CONTROL], comment: 'élève — une longue ligne de commentaire qui dépasse largement soixante-seize colonnes sans être repliée',
        mods: [
          { op: 'replace', attribute: 'userPassword', values: [new Uint8Array([0x7b, 0x4d, 0x44, 0x35, 0x7d, 0x00, 0xff])] },
          { op: 'replace', attribute: 'pwdChangedTime', values: [] },
          { op: 'delete', attribute: 'sambaLMPassword', values: [] },
          { op: 'replace', attribute: 'description', values: ['x'.repeat(200), ' leading space'] },
        ] },
      { dn: 'cn=default,ou=policies,dc=x', change: 'add', attributes: [{ attribute: 'objectClass', values: ['organizationalRole', 'pwdPolicy'] }, { attribute: 'cn', values: ['default'] }] },
      { dn: 'olcOverlay={0}ppolicy,olcDatabase={1}mdb,cn=config', change: 'delete' },
    ];
    const text = writeLdif(records, ['en-tête']);
    for (const line of text.split('\n')) if (!line.startsWith('#')) expect(line.length).toBeLessThanOrEqual(76);
    const back = parseLdif(text, 'x.ldif');
    expect(asBytes(back)).toEqual(asBytes(records));
    expect(back[0]!.dn).toBe('uid=élève,ou=people,dc=x');
  });

  it('names the file and line of a broken record in one line', () => {
    expect(() => parseLdif('dn: uid=a,dc=x\nchangetype: modify\nreplace: userPassword\nuserPassword: x\n', 'p.ldif')).toThrow(/p\.ldif, line 4: a modification must end with "-"/);
    expect(() => parseLdif('uid: a\n', 'p.ldif')).toThrow(/p\.ldif, line 1: a record must start with dn:/);
    expect(() => parseLdif('dn: uid=a,dc=x\nchangetype: modrdn\n', 'p.ldif')).toThrow(/unsupported changetype "modrdn"/);
    expect(() => parseLdif('dn: uid=a,dc=x\nchangetype: add\n-\n', 'p.ldif')).toThrow(/p\.ldif, line 3: a "-" line outside a modification/);
  });

  // The plan's lines are read by the engine's one LDIF tokeniser, with the directory reader's rules.
  it('refuses what the LDIF reader refuses, and never quotes the line (it may hold a password)', () => {
    const cases: [string, RegExp][] = [
      ['dn: uid=a,dc=x\nchangetype: modify\nreplace: userPassword\nuserPassword:< file:///etc/shadow\n-\n', /line 4: "userpassword:<" takes its value from a URL/],
      ['dn: uid=a,dc=x\nchangetype: modify\nreplace: userPassword\nuserPassword:: e01ENX0A/w\n-\n', /line 4: the base64 value of "userpassword" is cut short/],
      ['dn: uid=a,dc=x\nchangetype: modify\nreplace: userPassword\nSuperSecret42\n-\n', /line 4: no colon on this line/],
      ['dn: uid=a,dc=x\nchangetype: modify\nreplace: userPassword\nuserPassword:: ##SuperSecret42\n-\n', /line 4: the base64 value of "userpassword" is not valid base64/],
    ];
    for (const [text, message] of cases) {
      const error = (() => {
        try {
          parseLdif(text, 'p.ldif');
        } catch (e) {
          return e as Error;
        }
        throw new Error('no error');
      })();
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/SuperSecret42|shadow/);
    }
  });

  it('reads a folded comment as a comment, CRLF line ends as line ends', () => {
    const text = '# plan\r\n#  with a folded\r\n  comment\r\ndn: uid=a,dc=x\r\nchangetype: delete\r\n';
    expect(parseLdif(text, 'p.ldif')).toEqual([{ dn: 'uid=a,dc=x', change: 'delete' }]);
  });

  it.each([1, 2, 3])('seed %i: random values, text and bytes, come back as written', (seed) => {
    const random = new SeededRandom(seed);
    const alphabet = [...'aZ09 :<#-=+/\u0000\r\n\té€', '\u{1F600}'];
    const text = (): string => Array.from({ length: random.chance(0.1) ? random.int(70, 300) : random.int(0, 24) }, () => random.pick(alphabet)).join('');
    const bytes = (): Uint8Array => new Uint8Array(Array.from({ length: random.int(0, 60) }, () => random.int(0, 255)));
    const value = (): string | Uint8Array => (random.chance(0.3) ? bytes() : text());
    const records: ChangeRecord[] = Array.from({ length: 200 }, (_, i): ChangeRecord => {
      const dn = `uid=${text()}${i},dc=x`;
      if (i % 3 === 0) return { dn, change: 'add', attributes: [{ attribute: 'objectClass', values: ['top'] }, { attribute: 'description', values: [value(), value()] }] };
      if (i % 3 === 1) return { dn, change: 'modify', ...(random.chance(0.5) ? { controls: [RELAX_CONTROL] } : {}), mods: [{ op: 'replace', attribute: 'userPassword', values: [value()] }, { op: 'delete', attribute: 'sambaLMPassword', values: [] }] };
      return { dn, change: 'delete' };
    });
    const written = writeLdif(records, ['en-tête']);
    for (const line of written.split('\n')) if (!line.startsWith('#')) expect(line.length).toBeLessThanOrEqual(76);
    expect(asBytes(parseLdif(written, 'r.ldif'))).toEqual(asBytes(records));
  });
});

describe('the report a plan reads', () => {
  it('refuses a file that is not a Vigie report, in one line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vigie-report-'));
    try {
      await writeFile(path.join(dir, 'a.json'), '{"schemaVersion": 1, "accounts": []}');
      await writeFile(path.join(dir, 'b.json'), 'not json');
      await expect(readPlanReport(path.join(dir, 'a.json'))).rejects.toThrow(/is not a Vigie report \(schemaVersion 1\): source: /);
      await expect(readPlanReport(path.join(dir, 'b.json'))).rejects.toThrow(/b\.json is not JSON/);
      await expect(readPlanReport(path.join(dir, 'none.json'))).rejects.toThrow(/cannot read the report .*none\.json \(ENOENT\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
