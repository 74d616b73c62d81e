import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELAX_CONTROL, type ChangeRecord } from './change-record.ts';
import { parseLdif } from './ldif-parse.ts';
import { writeLdif } from './ldif-write.ts';
import { readPlanReport } from './report-input.ts';

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
    // Base64 values come back as bytes: compare every value as bytes.
    const bytes = (rs: ChangeRecord[]): string => JSON.stringify(rs.map(({ comment: _c, ...r }) => r),
      (_k, v: unknown) => (typeof v === 'string' || v instanceof Uint8Array ? Buffer.from(v as string).toString('hex') : v));
    expect(JSON.parse(bytes(back))).toEqual(JSON.parse(bytes(records)));
    expect(back[0]!.dn).toBe('uid=élève,ou=people,dc=x');
  });

  it('names the file and line of a broken record in one line', () => {
    expect(() => parseLdif('dn: uid=a,dc=x\nchangetype: modify\nreplace: userPassword\nuserPassword: x\n', 'p.ldif')).toThrow(/p\.ldif, line 4: a modification must end with "-"/);
    expect(() => parseLdif('uid: a\n', 'p.ldif')).toThrow(/p\.ldif, line 1: a record must start with dn:/);
    expect(() => parseLdif('dn: uid=a,dc=x\nchangetype: modrdn\n', 'p.ldif')).toThrow(/unsupported changetype "modrdn"/);
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
