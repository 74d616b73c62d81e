// The plan's LDIF works as it is with OpenLDAP's own ldapmodify, on a Samba school (SE3: MD5, NT and LM):
// LM hashes are deleted, reset accounts get an NT hash of their passphrase, and the rollback, applied with
// ldapmodify too, restores every value byte for byte. A plan made twice differs only in passphrases and salts.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScan } from '../../shared/engine/scan.ts';
import { writePlan, type PlanRequest } from '../../shared/engine/migration/write-plan.ts';
import { run } from '../harness/run.ts';
import type { SlapdServer } from '../harness/slapd.ts';
import { schoolInSlapd, schoolOnDisk, type SchoolOnDisk } from '../audit/school-fixture.ts';
import { writeFile } from 'node:fs/promises';

const VOLATILE = /^(entryCSN|modifyTimestamp|modifiersName|contextCSN):/i;

async function snapshot(s: SlapdServer): Promise<string> {
  const data = await run('ldapsearch', ['-LLL', '-o', 'ldif-wrap=no', '-x', '-H', s.url, '-D', s.rootDn, '-w', s.rootPw, '-b', s.suffix, '*', 'pwdReset', 'pwdChangedTime']);
  const config = await run('ldapsearch', ['-LLL', '-o', 'ldif-wrap=no', '-x', '-H', s.url, '-D', 'cn=config', '-w', s.configPw, '-b', 'cn=config',
    '(|(objectClass=olcDatabaseConfig)(objectClass=olcOverlayConfig))']);
  return (data + '\n' + config).split(/\n\n+/).map((e) => e.split('\n').filter((l) => l && !VOLATILE.test(l)).sort().join('\n')).filter(Boolean).sort().join('\n\n');
}

describe('a plan for a Samba school, applied and undone with ldapmodify', () => {
  let school: SchoolOnDisk;
  let slapd: SlapdServer;
  let work: string;
  let request: Omit<PlanRequest, 'out'>;

  beforeAll(async () => {
    school = await schoolOnDisk({ flavour: 'se3', accounts: 30 });
    slapd = await schoolInSlapd(school, { acl: 'open' });
    work = await mkdtemp(path.join(tmpdir(), 'vigie-ldapmodify-'));
    const report = await runScan({ source: { kind: 'ldap', url: slapd.url, baseDn: school.school.baseDn, bindDn: slapd.rootDn, password: slapd.rootPw }, depth: 'quick' });
    await writeFile(path.join(work, 'report.json'), JSON.stringify(report));
    request = {
      report: path.join(work, 'report.json'), url: slapd.url,
      bind: { dn: slapd.rootDn, password: slapd.rootPw }, config: { dn: 'cn=config', password: slapd.configPw },
    };
  });

  afterAll(async () => {
    await slapd?.stop();
    await school?.cleanup();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('is the same when made twice, apart from passphrases and salts', async () => {
    await writePlan({ ...request, out: path.join(work, 'a') });
    await writePlan({ ...request, out: path.join(work, 'b') });
    const files = (await readdir(path.join(work, 'a'), { recursive: true })).filter((f) => /\.(ldif|md|html|csv)$/.test(f)).sort();
    expect(files).toEqual((await readdir(path.join(work, 'b'), { recursive: true })).filter((f) => /\.(ldif|md|html|csv)$/.test(f)).sort());
    expect(files).toContain('02-accounts.ldif');
    // A new userPassword / sambaNTPassword value, and the passphrase itself, are the only random parts.
    const mask = (text: string): string => text
      .replace(/^(userPassword|sambaNTPassword):: ?[A-Za-z0-9+/=]+$/gm, '$1:: <new>')
      .replace(/^(userPassword|sambaNTPassword): .*$/gm, '$1: <new>')
      .replace(/\{ARGON2\}\S+/g, '<new>')
      .replace(/^ .*$/gm, '')
      .replace(/\b[a-z]{4,9}(?:-[a-z]{4,9}){4,}\b/g, '<passphrase>');
    let differing = 0;
    for (const f of files) {
      const [a, b] = await Promise.all([readFile(path.join(work, 'a', f), 'utf8'), readFile(path.join(work, 'b', f), 'utf8')]);
      if (a !== b) differing++;
      expect(mask(a), f).toBe(mask(b));
    }
    expect(differing).toBeGreaterThan(0);
  });

  it('applies with ldapmodify: LM hashes gone, reset accounts stored as argon2id', async () => {
    const dir = path.join(work, 'a');
    const before = await snapshot(slapd);
    expect(before).toMatch(/sambaLMPassword/);
    await slapd.modify(await readFile(path.join(dir, '01-config.ldif'), 'utf8'), { asConfig: true });
    await slapd.modify(await readFile(path.join(dir, '02-accounts.ldif'), 'utf8'));
    const after = await run('ldapsearch', ['-LLL', '-x', '-H', slapd.url, '-D', slapd.rootDn, '-w', slapd.rootPw, '-b', school.school.baseDn, '(sambaLMPassword=*)', 'dn']);
    const lmLeft = after.split('\n').filter((l) => l.startsWith('dn:'));
    // Only accounts the report did not flag could keep one; SE3 flags every LM hash.
    expect(lmLeft).toEqual([]);
    const csv = (await readFile(path.join(dir, 'credentials.csv'), 'utf8')).trim().split('\n');
    expect(csv.length).toBeGreaterThan(1);

    await slapd.modify(await readFile(path.join(dir, 'rollback-config.ldif'), 'utf8'), { asConfig: true });
    await slapd.modify(await readFile(path.join(dir, 'rollback.ldif'), 'utf8'));
    expect(await snapshot(slapd)).toBe(before);
  });
});
