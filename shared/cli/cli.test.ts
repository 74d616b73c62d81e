// Bad input gets one clear line and a non-zero exit, never a stack trace or a hang.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../contract/report.ts';
import { schemeByName } from '../engine/hash/classify.ts';
import { oneLineError, runCliInProcess, type CliRun } from './test-io.ts';

async function vigie(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runCliInProcess(args, env);
}

/** A free port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, text: string): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, text);
  return p;
}

function expectOneLine(stderr: string, pattern: RegExp): void {
  const line = oneLineError(stderr);
  expect(line, stderr).not.toBeNull();
  expect(line).toMatch(pattern);
}

describe('vigie CLI', () => {
  it('prints help for the tool and for each command', async () => {
    const general = await vigie(['--help']);
    expect(general.code).toBe(0);
    expect(general.stdout).toMatch(/Commands:[\s\S]*scan[\s\S]*demo/);
    const scan = await vigie(['scan', '--help']);
    expect(scan.code).toBe(0);
    expect(scan.stdout).toMatch(/--ldif FILE/);
    expect(scan.stdout).toMatch(/--password-file/);
    expect((await vigie(['help', 'demo'])).stdout).toMatch(/Usage: vigie demo/);
    expect((await vigie(['--version'])).stdout).toMatch(/^vigie \d+\.\d+\.\d+/);
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['scan'], /give a source: --ldif FILE or --url URL/],
    [['scan', '--ldif'], /--ldif needs a value/],
    [['scan', '--bogus'], /unknown option --bogus/],
    [['scan', '--ldif', 'a.ldif', '--url', 'ldap://x'], /either --ldif or --url/],
    [['scan', '--ldif', 'a.ldif', '--depth', 'extreme'], /--depth must be one of quick, standard, deep/],
    [['scan', '--ldif', 'a.ldif', '--flavour', 'novell'], /--flavour must be one of/],
    [['scan', '--ldif', 'a.ldif', '--bind-dn', 'cn=x'], /--bind-dn goes with --url/],
    [['scan', '--url', 'http://example'], /--url must start with ldap:\/\/ or ldaps:\/\//],
    [['scan', '--url', 'ldap://127.0.0.1:1'], /--url needs --base DN/],
    [['scan', '--url', 'ldaps://127.0.0.1:1', '--base', 'dc=x', '--starttls'], /--starttls is for ldap:\/\//],
    [['scan', '--url', 'ldap://127.0.0.1:1', '--base', 'dc=x', '--bind-dn', 'cn=admin'], /no bind password: give --password-file FILE or set VIGIE_BIND_PASSWORD/],
    [['scan', '--url', 'ldap://127.0.0.1:1', '--base', 'dc=x', '--bind-dn', 'cn=admin', '--password-file', '/nonexistent/pw'], /cannot read the password file/],
    [['scan', '--ldif', 'a.ldif', '--workers', '0'], /--workers must be a whole number/],
    // Issue #15 §5: credentials in the URL are a usage error, and the password is not repeated.
    [['scan', '--url', 'ldap://admin:s3cr3t-pw@127.0.0.1:1', '--base', 'dc=x'], /--url must not hold a user or a password/],
    [['scan', '--url', 'ldaps://s3cr3t-pw@127.0.0.1:1/', '--base', 'dc=x'], /--url must not hold a user or a password/],
    [['plan', '--report', 'r.json', '--out', 'o', '--url', 'ldap://cn=admin:s3cr3t-pw@127.0.0.1:1'], /--url must not hold a user or a password/],
    [['apply', 'plan-dir', '--url', 'ldap://admin:s3cr3t-pw@127.0.0.1:1'], /--url must not hold a user or a password/],
  ])('refuses %j with one line and exit code 2', async (args, message) => {
    const r = await vigie(args);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, message);
    expect(r.stderr).not.toContain('s3cr3t-pw');
    expect(r.stdout).toBe('');
  });

  it('names a missing LDIF file', async () => {
    const r = await vigie(['scan', '--ldif', path.join(dir, 'absent.ldif')]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, /absent\.ldif/);
  });

  it('refuses a folder given as an LDIF file', async () => {
    const r = await vigie(['scan', '--ldif', dir]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, new RegExp(path.basename(dir)));
  });

  it('names the line of a malformed LDIF', async () => {
    const bad = await file('bad.ldif', 'version: 1\n\ndn: uid=a,dc=x\nobjectClass: person\nthis line has no colon\n');
    const r = await vigie(['scan', '--ldif', bad, '--quiet']);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, /line 5/);
  });

  it('refuses `:<` URL values with a clear message', async () => {
    const bad = await file('url.ldif', 'dn: uid=a,dc=x\nobjectClass: person\njpegPhoto:< file:///etc/passwd\n');
    const r = await vigie(['scan', '--ldif', bad, '--quiet']);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, /line 3.*URL/i);
  });

  it('says when the directory cannot be reached, without hanging', async () => {
    const port = await closedPort();
    const started = Date.now();
    const r = await vigie(['scan', '--url', `ldap://127.0.0.1:${port}`, '--base', 'dc=x', '--quiet']);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, /127\.0\.0\.1/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('says when the report cannot be written', async () => {
    const ok = await file('ok.ldif', 'dn: uid=a,dc=x\nobjectClass: inetOrgPerson\nuid: a\nsn: A\ncn: A\nuserPassword: {SSHA}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n');
    const r = await vigie(['scan', '--ldif', ok, '--quiet', '--json', path.join(dir, 'no-such-dir', 'r.json')]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, /cannot write the report/);
  });
});

describe('vigie scan --compare', () => {
  it('prints the grade and each count that changed since an earlier report', async () => {
    const weak = await file('weak.ldif', 'dn: uid=a,dc=x\nobjectClass: inetOrgPerson\nuid: a\nsn: Aubry\ncn: A\nuserPassword: {MD5}X03MO1qnZdYdgyfeuILPmQ==\n');
    // After: bcrypt (cost 10) of a random password. (An entry with no password at all is not graded: issue #15 §2.)
    const bcrypt = await schemeByName('BCRYPT').create(randomBytes(12).toString('base64url'), { cost: 10 });
    const strong = await file('strong.ldif', `dn: uid=a,dc=x\nobjectClass: inetOrgPerson\nuid: a\nsn: Aubry\ncn: A\nuserPassword: ${bcrypt}\n`);
    const before = path.join(dir, 'before.json');
    expect((await vigie(['scan', '--ldif', weak, '--quiet', '--json', before])).code).toBe(0);
    const r = await vigie(['scan', '--ldif', strong, '--quiet', '--compare', before]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Avant \/ après/);
    expect(r.stdout).toMatch(/Note\s+[B-F] \(\d+\/100\) → A \(100\/100\)/);
    expect(r.stdout).toMatch(/empreinte obsolète \(MD5, SHA-1, NT…\)\s+1 → 0/);
  });

  it('refuses a file that is not a report before scanning', async () => {
    const ok = await file('ok2.ldif', 'dn: uid=a,dc=x\nobjectClass: inetOrgPerson\nuid: a\nsn: A\ncn: A\n');
    const notReport = await file('not-report.json', '{"hello": 1}');
    const r = await vigie(['scan', '--ldif', ok, '--quiet', '--compare', notReport]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, /not-report\.json/);
  });
});

describe('vigie scan: honest coverage and input problems (issue #15 §2, §4)', () => {
  const person = (i: number, extra = ''): string => `dn: uid=eleve${i},ou=people,dc=x\nobjectClass: inetOrgPerson\nuid: eleve${i}\nsn: Eleve${i}\ncn: Eleve ${i}\n${extra}`;

  it('an empty (0-byte) LDIF is one line and exit 1, not an A', async () => {
    const empty = await file('empty.ldif', '');
    const r = await vigie(['scan', '--ldif', empty, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expectOneLine(r.stderr, /empty\.ldif holds no LDIF entry \(it is empty\): nothing to audit/);
  });

  it('an LDIF with entries but no account is one line and exit 1', async () => {
    const ous = await file('ous.ldif', 'dn: ou=people,dc=x\nobjectClass: organizationalUnit\nou: people\n\ndn: ou=groups,dc=x\nobjectClass: organizationalUnit\nou: groups\n');
    const json = path.join(dir, 'ous.json');
    const r = await vigie(['scan', '--ldif', ous, '--quiet', '--json', json]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expectOneLine(r.stderr, /no account in .*ous\.ldif: nothing to audit/);
  });

  it('300 accounts without a password attribute: « non évaluable », never « A (100/100) », and the report says why', async () => {
    const ldif = await file('no-passwords.ldif', Array.from({ length: 300 }, (_, i) => person(i)).join('\n'));
    const json = path.join(dir, 'no-passwords.json');
    const r = await vigie(['scan', '--ldif', ldif, '--quiet', '--json', json]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Note : non évaluable : aucune empreinte lisible dans cet export');
    expect(r.stdout).not.toMatch(/Note : [A-F] \(/);
    expect(r.stdout).not.toMatch(/note [A-F] \(/);
    expect(r.stdout).toMatch(/NO_READABLE_PASSWORD — Aucun des 300 comptes lus/);
    expect(r.stderr).toBe('vigie: non évaluable : aucune empreinte de mot de passe lisible, rien n’a été vérifié\n');
    const report = JSON.parse(await readFile(json, 'utf8')) as ScanReport;
    expect(report.summary).toMatchObject({ accounts: 300, checkable: 0, graded: false });
    expect(report.directoryFindings.map((f) => f.code)).toEqual(['NO_READABLE_PASSWORD']);

    const en = await vigie(['scan', '--ldif', ldif, '--quiet', '--lang', 'en']);
    expect(en.stdout).toContain('Grade : not graded: no readable password hash in this export');
    expect(en.stderr).toBe('vigie: not graded: no readable password hash, nothing was checked\n');
  });

  it('a partly readable export keeps its grade and says how many accounts were checkable', async () => {
    const bcrypt = await schemeByName('BCRYPT').create(randomBytes(12).toString('base64url'), { cost: 10 });
    const ldif = await file('partly.ldif', [person(0, `userPassword: ${bcrypt}\n`), ...Array.from({ length: 9 }, (_, i) => person(i + 1))].join('\n'));
    const r = await vigie(['scan', '--ldif', ldif, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Note : A \(100\/100\) — 10 comptes/);
    expect(r.stdout).toContain('Comptes vérifiables : 1 sur 10 (une empreinte lisible) ; les autres n’ont pas pu être évalués');
  });

  it('a value of an unknown scheme is named on stderr by DN and attribute, never by value', async () => {
    const secret = '{NOPE}c2VjcmV0LWhhc2g=';
    const ldif = await file('unknown.ldif', [person(0, `userPassword: ${secret}\n`), person(1, 'userPassword: {SSHA}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n')].join('\n'));
    const json = path.join(dir, 'unknown.json');
    const r = await vigie(['scan', '--ldif', ldif, '--quiet', '--json', json]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('vigie: uid=eleve0,ou=people,dc=x : une valeur de userpassword a un format d’empreinte inconnu ; elle n’est pas vérifiée\n');
    expect(r.stdout).toContain('Problèmes dans la source : 1 (1 empreinte de format inconnu)');
    const text = await readFile(json, 'utf8');
    expect(text).not.toContain('c2VjcmV0');
    expect((JSON.parse(text) as ScanReport).source.inputProblems).toEqual({
      total: 1, byKind: { UNCLASSIFIED_VALUE: 1 }, listed: [{ kind: 'UNCLASSIFIED_VALUE', dn: 'uid=eleve0,ou=people,dc=x', attribute: 'userpassword' }],
    });
  });

  it('a base64 value cut short and a repeated DN are named with their lines on stderr and in the report, and the DN counts once', async () => {
    const whole = Buffer.from('{SSHA}QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=').toString('base64');
    const ldif = await file('damaged.ldif', [
      person(0, 'userPassword: {SSHA}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n'), // lines 1–6
      person(1, `userPassword:: ${whole.slice(0, -2)}\n`), // lines 8–13, the value on 13
      person(0, 'userPassword: {SSHA}BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB\n'), // lines 15–20: uid=eleve0 again
    ].join('\n'));
    const json = path.join(dir, 'damaged.json');
    const r = await vigie(['scan', '--ldif', ldif, '--quiet', '--json', json, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual([
      `vigie: ${ldif}, line 13: the base64 value of userpassword is cut short (no "=" padding); it is not checked`,
      `vigie: ${ldif}, line 15: uid=eleve0,ou=people,dc=x comes again (first on line 1); only the first entry is audited`,
    ]);
    expect(r.stderr).not.toContain(whole.slice(0, 12));
    expect(r.stdout).toMatch(/Grade : .* — 2 accounts/);
    const report = JSON.parse(await readFile(json, 'utf8')) as ScanReport;
    expect(report.summary.accounts).toBe(2);
    expect(report.source.inputProblems).toEqual({
      total: 2,
      byKind: { MALFORMED_BASE64: 1, DUPLICATE_DN: 1 },
      listed: [
        { kind: 'MALFORMED_BASE64', line: 13, dn: 'uid=eleve1,ou=people,dc=x', attribute: 'userpassword' },
        { kind: 'DUPLICATE_DN', line: 15, firstLine: 1, dn: 'uid=eleve0,ou=people,dc=x' },
      ],
    });
  });

  it('lists twenty problems on stderr, then one line for the rest', async () => {
    const ldif = await file('many-unknown.ldif', Array.from({ length: 30 }, (_, i) => person(i, `userPassword: {NOPE}x${i}\n`)).join('\n'));
    const r = await vigie(['scan', '--ldif', ldif, '--quiet', '--lang', 'en']);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines.filter((l) => l.includes('hash format Vigie does not recognise'))).toHaveLength(20);
    expect(lines).toContain('vigie: … and 10 more problem(s) in the source (the full report counts them)');
    expect(lines).toContain('vigie: not graded: no readable password hash, nothing was checked');
  });
});
