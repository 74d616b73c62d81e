// Issue #4 §3 on a real slapd: a generated school stored in legacy schemes, hashes readable anonymously, no
// policy. Scan, plan, apply; then prove every claim: dry run writes nothing, the rollback restores every value
// byte for byte, reset accounts bind with their passphrase (argon2id), legacy accounts are held by ppolicy until
// they change their password (then argon2), and a re-scan shows the posture fixed and a better grade.
import { readFile, stat, writeFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client, InsufficientAccessError } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../shared/contract/report.ts';
import { main } from '../../shared/cli/main.ts';
import { runScan } from '../../shared/engine/scan.ts';
import { run } from '../harness/run.ts';
import type { SlapdServer } from '../harness/slapd.ts';
import { schoolInSlapd, schoolOnDisk, type SchoolOnDisk } from '../audit/school-fixture.ts';

const VOLATILE = /^(entryCSN|modifyTimestamp|modifiersName|contextCSN):/i;

async function snapshot(s: SlapdServer): Promise<string> {
  const data = await run('ldapsearch', ['-LLL', '-o', 'ldif-wrap=no', '-x', '-H', s.url, '-D', s.rootDn, '-w', s.rootPw, '-b', s.suffix, '*', 'pwdReset', 'pwdChangedTime']);
  const config = await run('ldapsearch', ['-LLL', '-o', 'ldif-wrap=no', '-x', '-H', s.url, '-D', 'cn=config', '-w', s.configPw, '-b', 'cn=config',
    '(|(objectClass=olcDatabaseConfig)(objectClass=olcOverlayConfig)(objectClass=olcModuleList))']);
  // Values compared byte for byte (base64 lines included); the order slapd lists entries and attributes in is not a value.
  return (data + '\n' + config).split(/\n\n+/).map((entry) => entry.split('\n').filter((l) => l && !VOLATILE.test(l)).sort().join('\n'))
    .filter(Boolean).sort().join('\n\n');
}

async function storedPassword(s: SlapdServer, dn: string): Promise<Buffer> {
  const c = new Client({ url: s.url });
  try {
    await c.bind(s.rootDn, s.rootPw);
    const { searchEntries } = await c.search(dn, { scope: 'base', attributes: ['userPassword'], explicitBufferAttributes: ['userPassword'] });
    const value = searchEntries[0]!.userPassword as Buffer | Buffer[];
    return Array.isArray(value) ? value[0]! : value;
  } finally {
    await c.unbind();
  }
}

async function changeOwnPassword(s: SlapdServer, dn: string, oldPw: string, newPw: string, dir: string): Promise<void> {
  const oldFile = path.join(dir, 'old.pw'), newFile = path.join(dir, 'new.pw');
  await writeFile(oldFile, oldPw, { mode: 0o600 });
  await writeFile(newFile, newPw, { mode: 0o600 });
  try {
    await run('ldappasswd', ['-x', '-H', s.url, '-D', dn, '-y', oldFile, '-T', newFile]);
  } finally {
    await rm(oldFile, { force: true });
    await rm(newFile, { force: true });
  }
}

function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const stdout = { write: (t: string) => { out += t; return true; }, isTTY: false } as unknown as NodeJS.WriteStream;
  const stderr = { write: (t: string) => { err += t; return true; }, isTTY: false } as unknown as NodeJS.WriteStream;
  return main(args, { stdout, stderr, env: {}, signal: new AbortController().signal }).then((code) => ({ code, out, err }));
}

describe('a legacy school migrated to argon2 with a plan', () => {
  let school: SchoolOnDisk;
  let slapd: SlapdServer;
  let work: string;
  let before: ScanReport;
  let planDir: string;
  let connect: string[];
  let initial: string;

  beforeAll(async () => {
    school = await schoolOnDisk({ flavour: 'sdet', accounts: 40, schemes: ['MD5', 'SHA', 'SSHA', 'CLEARTEXT'] });
    slapd = await schoolInSlapd(school, { acl: 'open' });
    work = await mkdtemp(path.join(tmpdir(), 'vigie-migration-'));
    await writeFile(path.join(work, 'root.pw'), slapd.rootPw, { mode: 0o600 });
    await writeFile(path.join(work, 'config.pw'), slapd.configPw, { mode: 0o600 });
    connect = ['--url', slapd.url, '--bind-dn', slapd.rootDn, '--password-file', path.join(work, 'root.pw'),
      '--config-bind-dn', 'cn=config', '--config-password-file', path.join(work, 'config.pw')];
    before = await runScan({
      source: { kind: 'ldap', url: slapd.url, baseDn: school.school.baseDn, bindDn: slapd.rootDn, password: slapd.rootPw },
      depth: 'quick', posture: { config: { dn: 'cn=config', password: slapd.configPw } },
    });
    await writeFile(path.join(work, 'before.json'), JSON.stringify(before));
    planDir = path.join(work, 'plan');
    const r = await cli(['plan', '--report', path.join(work, 'before.json'), '--out', planDir, ...connect]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    initial = await snapshot(slapd);
  });

  afterAll(async () => {
    await slapd?.stop();
    await school?.cleanup();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('reports the posture before: hashes readable anonymously, no policy, legacy default hash', () => {
    const codes = before.directoryFindings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['HASHES_READABLE_ANONYMOUSLY', 'NO_PASSWORD_POLICY', 'LEGACY_DEFAULT_HASH', 'CLEARTEXT_WRITES_NOT_HASHED']));
    expect(before.directoryFindings.find((f) => f.code === 'HASHES_READABLE_ANONYMOUSLY')!.severity).toBe('critical');
  });

  it('writes the plan files, the sensitive ones readable by their owner only, with no recovered password', async () => {
    for (const f of ['plan.md', 'plan.html', '01-config.ldif', '02-accounts.ldif', 'rollback.ldif', 'rollback-config.ldif', 'credentials.csv']) {
      expect((await stat(path.join(planDir, f))).isFile(), f).toBe(true);
    }
    expect((await stat(path.join(planDir, 'rollback.ldif'))).mode & 0o777).toBe(0o600);
    // New passphrases' hashes (NT among them, enough to log on to Samba with): owner only too.
    expect((await stat(path.join(planDir, '02-accounts.ldif'))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(planDir, 'credentials.csv'))).mode & 0o777).toBe(0o600);
    const texts = await Promise.all(['plan.md', 'plan.html', '01-config.ldif', '02-accounts.ldif', 'credentials.csv'].map((f) => readFile(path.join(planDir, f), 'utf8')));
    // Left out: passwords that are an account's own login or DN (a planted « login » password): the plan names those.
    const named = school.school.truth.map((t) => `${t.login}\n${t.dn}`).join('\n').toLowerCase();
    const planted = school.school.truth.map((t) => t.planted?.password)
      .filter((p): p is string => !!p && p.length >= 8 && !/^[a-z]+$/.test(p) && !named.includes(p.toLowerCase()));
    expect(planted.length).toBeGreaterThan(3);
    for (const p of planted) for (const t of texts) expect(t.includes(p)).toBe(false);
    expect(texts[0]).toContain('Comment revenir en arrière');
  });

  it('--dry-run changes nothing', async () => {
    const r = await cli(['apply', planDir, ...connect, '--dry-run']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(await snapshot(slapd)).toBe(initial);
  });

  it('applies, then --rollback restores every changed value byte for byte', async () => {
    const applied = await cli(['apply', planDir, ...connect]);
    expect(applied.err).toBe('');
    expect(await snapshot(slapd)).not.toBe(initial);
    const back = await cli(['apply', planDir, ...connect, '--rollback']);
    expect(back.err).toBe('');
    expect(await snapshot(slapd)).toBe(initial);
    // Applied again for the rest of the story.
    expect((await cli(['apply', planDir, ...connect])).code).toBe(0);
  });

  it('a reset account binds with its temporary passphrase, stored as argon2id', async () => {
    const csv = (await readFile(path.join(planDir, 'credentials.csv'), 'utf8')).trim().split('\n').slice(1);
    expect(csv.length).toBeGreaterThan(0);
    const [login, , passphrase] = csv[0]!.split(',');
    const account = before.accounts.find((a) => a.login === login)!;
    const c = new Client({ url: slapd.url });
    await c.bind(account.dn, passphrase!);
    await c.unbind();
    expect((await storedPassword(slapd, account.dn)).toString('utf8')).toMatch(/^\{ARGON2\}\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('a legacy account binds with its old password, is held until it changes it, then is stored as argon2', async () => {
    const plan = await readFile(path.join(planDir, '02-accounts.ldif'), 'utf8');
    const legacy = before.accounts.filter((a) => a.findings.some((f) => f.code === 'LEGACY_HASH') && !a.findings.some((f) => ['PERSONAL_INFO_PASSWORD', 'COMMON_PASSWORD', 'SCHOOL_INFO_PASSWORD', 'EMPTY_PASSWORD', 'SHARED_PASSWORD', 'CLEARTEXT_PASSWORD'].includes(f.code)));
    const truth = new Map(school.school.truth.map((t) => [t.dn.toLowerCase(), t]));
    const one = legacy.find((a) => truth.get(a.dn.toLowerCase())?.planted)!;
    expect(one).toBeDefined();
    expect(plan).toContain(one.dn);
    const old = truth.get(one.dn.toLowerCase())!.planted!.password;
    const c = new Client({ url: slapd.url });
    await c.bind(one.dn, old);
    await expect(c.search(school.school.baseDn, { scope: 'base' })).rejects.toBeInstanceOf(InsufficientAccessError);
    await c.unbind();
    await changeOwnPassword(slapd, one.dn, old, `Nouveau-${randomBytes(9).toString('base64url')}`, work);
    expect((await storedPassword(slapd, one.dn)).toString('utf8')).toMatch(/^\{ARGON2\}\$argon2/);
  });

  it('a re-scan after every legacy account changed its password shows no legacy storage, no readable hashes and a better grade', async () => {
    const truth = new Map(school.school.truth.map((t) => [t.dn.toLowerCase(), t]));
    const csv = (await readFile(path.join(planDir, 'credentials.csv'), 'utf8')).trim().split('\n').slice(1).map((l) => l.split(','));
    const reset = new Set(csv.map(([login]) => login));
    for (const a of before.accounts) {
      if (reset.has(a.login) || a.hashScheme === 'NONE') continue;
      const stored = (await storedPassword(slapd, a.dn)).toString('utf8');
      if (stored.startsWith('{ARGON2}')) continue;
      const planted = truth.get(a.dn.toLowerCase())?.planted;
      if (!planted) continue;
      await changeOwnPassword(slapd, a.dn, planted.password, `Nouveau-${randomBytes(9).toString('base64url')}`, work);
    }
    const after = await runScan({
      source: { kind: 'ldap', url: slapd.url, baseDn: school.school.baseDn, bindDn: slapd.rootDn, password: slapd.rootPw },
      depth: 'quick', posture: { config: { dn: 'cn=config', password: slapd.configPw } },
    });
    const codes = after.directoryFindings.map((f) => f.code);
    expect(codes).not.toContain('HASHES_READABLE_ANONYMOUSLY');
    expect(codes).not.toContain('NO_PASSWORD_POLICY');
    expect(codes).not.toContain('NO_LOCKOUT');
    expect(codes).not.toContain('WEAK_MIN_LENGTH');
    expect(codes).not.toContain('LEGACY_DEFAULT_HASH');
    expect(codes).not.toContain('CLEARTEXT_WRITES_NOT_HASHED');
    const legacyAfter = after.accounts.filter((a) => a.findings.some((f) => ['LEGACY_HASH', 'CLEARTEXT_PASSWORD', 'LM_HASH'].includes(f.code)));
    expect(legacyAfter.map((a) => a.dn)).toEqual([]);
    expect(after.summary.score).toBeGreaterThan(before.summary.score);
    expect(after.summary.grade < before.summary.grade).toBe(true);
  });
});
