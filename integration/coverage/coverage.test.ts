// Issue #15 §2 on a real slapd: an anonymous scan whose ACL hides userPassword is « non évaluable », never an A;
// bound as an account that can read the hashes, the same directory is graded; an ACL that shows the students' hashes
// only keeps a grade, says how many accounts were checkable, and leaves the teachers ungraded.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryDetail } from '../../shared/contract/directory-details.ts';
import type { ScanReport } from '../../shared/contract/report.ts';
import { runCliInProcess } from '../../shared/cli/test-io.ts';
import { schemeByName } from '../../shared/engine/hash/classify.ts';
import { startSlapd, type SlapdServer } from '../harness/slapd.ts';

const SUFFIX = 'dc=vigie,dc=test';
const STUDENTS = 24;
const TEACHERS = 6;

async function people(): Promise<string> {
  const ssha = async (): Promise<string> => schemeByName('SSHA').create(randomBytes(12).toString('base64url'));
  const out = [
    `dn: ou=eleves,${SUFFIX}\nobjectClass: organizationalUnit\nou: eleves\n`,
    `dn: ou=profs,${SUFFIX}\nobjectClass: organizationalUnit\nou: profs\n`,
  ];
  for (let i = 0; i < STUDENTS; i++) {
    out.push(`dn: uid=eleve${i},ou=eleves,${SUFFIX}\nobjectClass: inetOrgPerson\nuid: eleve${i}\nsn: Eleve${i}\ncn: Eleve ${i}\nemployeeType: eleve\nuserPassword: ${await ssha()}\n`);
  }
  for (let i = 0; i < TEACHERS; i++) {
    out.push(`dn: uid=prof${i},ou=profs,${SUFFIX}\nobjectClass: inetOrgPerson\nuid: prof${i}\nsn: Prof${i}\ncn: Prof ${i}\nemployeeType: enseignant\nuserPassword: ${await ssha()}\n`);
  }
  return out.join('\n');
}

describe('honest coverage on a real slapd (issue #15 §2)', () => {
  let slapd: SlapdServer;
  let dir: string;

  beforeAll(async () => {
    // 'hidden': userPassword readable by the rootdn only (anonymous may bind, not read).
    slapd = await startSlapd({ acl: 'hidden', ldif: await people() });
    dir = await mkdtemp(path.join(tmpdir(), 'vigie-coverage-'));
  });
  afterAll(async () => {
    await slapd?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function scan(name: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string; report: ScanReport }> {
    const json = path.join(dir, `${name}.json`);
    const r = await runCliInProcess(['scan', '--url', slapd.url, '--base', SUFFIX, '--depth', 'quick', '--quiet', '--json', json, ...args], env);
    return { ...r, report: JSON.parse(await readFile(json, 'utf8')) as ScanReport };
  }

  it('an anonymous scan whose ACL hides the hashes is « non évaluable », with what to do, never a letter', async () => {
    const r = await scan('anonymous');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Note : non évaluable : aucune empreinte lisible (liez-vous avec un compte autorisé à lire userPassword) — ${STUDENTS + TEACHERS} comptes`);
    expect(r.stdout).not.toMatch(/Note : [A-F] \(/);
    expect(r.stdout).toMatch(/élèves\s+24 {2}note non évaluable\n/);
    expect(r.stdout).toMatch(/enseignants\s+6 {2}note non évaluable\n/);
    expect(r.stderr).toBe('vigie: non évaluable : aucune empreinte de mot de passe lisible, rien n’a été vérifié\n');
    expect(r.report.summary).toMatchObject({ accounts: STUDENTS + TEACHERS, checkable: 0, graded: false });
    const codes = r.report.directoryFindings.map((f) => f.code);
    expect(codes).toContain('NO_READABLE_PASSWORD');
    expect(codes).not.toContain('HASHES_READABLE_ANONYMOUSLY');
    expect(directoryDetail(r.report.directoryFindings.find((f) => f.code === 'NO_READABLE_PASSWORD')!, 'fr')).toMatch(/liez-vous avec un compte autorisé à lire userPassword/);
  });

  it('bound as an account that reads userPassword, the same directory is graded and every account was checkable', async () => {
    const pw = path.join(dir, 'root.pw');
    await writeFile(pw, slapd.rootPw, { mode: 0o600 });
    const r = await scan('bound', ['--bind-dn', slapd.rootDn, '--password-file', pw]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Note : [A-F] \(\d+\/100\) — 30 comptes/);
    expect(r.stdout).not.toContain('non évaluable');
    expect(r.stdout).not.toContain('Comptes vérifiables');
    expect(r.report.summary).toMatchObject({ checkable: STUDENTS + TEACHERS, graded: true });
    expect(r.report.directoryFindings.map((f) => f.code)).not.toContain('NO_READABLE_PASSWORD');
  });

  it('an ACL that shows the students’ hashes only: graded, « 24 sur 30 » checkable, the teachers not graded', async () => {
    await slapd.modify([
      'dn: olcDatabase={1}mdb,cn=config',
      'changetype: modify',
      'add: olcAccess',
      `olcAccess: {0}to dn.subtree="ou=eleves,${SUFFIX}" attrs=userPassword by * read`,
      '',
    ].join('\n'), { asConfig: true });
    const r = await scan('partial');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Note : [A-F] \(\d+\/100\) — 30 comptes/);
    expect(r.stdout).toContain('Comptes vérifiables : 24 sur 30 (une empreinte lisible) ; les autres n’ont pas pu être évalués');
    expect(r.stdout).toMatch(/élèves\s+24 {2}note [A-F] \(\d+\/100\)\n/);
    expect(r.stdout).toMatch(/enseignants\s+6 {2}note non évaluable\n/);
    expect(r.report.summary).toMatchObject({ checkable: STUDENTS, graded: true });
    expect(r.report.summary.byProfile.teacher).toMatchObject({ accounts: TEACHERS, checkable: 0, graded: false });
    expect(r.report.directoryFindings.map((f) => f.code)).not.toContain('NO_READABLE_PASSWORD');
  });
});
