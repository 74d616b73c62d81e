// Issue #13 §1: one scan, one truth. The same live directory scanned through the app's services (what Electron
// and the loopback host run) and through `vigie scan --json` gives the same directory findings, the same grade,
// the same summary: the app must never give a better grade than the CLI.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanStart } from '../../shared/contract/api.ts';
import type { ScanReport } from '../../shared/contract/report.ts';
import { NoSecretStore } from '../../shared/app/secret-store.ts';
import { createVigieServices } from '../../shared/app/vigie-services.ts';
import { runCliInProcess } from '../../shared/cli/test-io.ts';
import { startSlapd, type SlapdServer } from '../harness/slapd.ts';

const SUFFIX = 'dc=vigie,dc=test';

function md5(password: string): string {
  return `{MD5}${createHash('md5').update(password).digest('base64')}`;
}

/** A well-formed {SSHA} (20-byte digest + salt) of a strong password Vigie must not flag. */
function ssha(password: string): string {
  const salt = Buffer.from('5a1t5a1t', 'utf8');
  const digest = createHash('sha1').update(password).update(salt).digest();
  return `{SSHA}${Buffer.concat([digest, salt]).toString('base64')}`;
}

/** A few people, some with weak or badly stored passwords, so that accounts weigh on the grade too. */
const PEOPLE = `dn: ou=people,${SUFFIX}
objectClass: organizationalUnit
ou: people

dn: uid=eleve,ou=people,${SUFFIX}
objectClass: inetOrgPerson
uid: eleve
cn: Eleve
sn: Eleve
userPassword: ${ssha('vK3#pQ9!mZ7&wL2x')}

dn: uid=jmartin,ou=people,${SUFFIX}
objectClass: inetOrgPerson
uid: jmartin
cn: Julie Martin
givenName: Julie
sn: Martin
userPassword: ${md5('martin')}

dn: uid=pdurand,ou=people,${SUFFIX}
objectClass: inetOrgPerson
uid: pdurand
cn: Paul Durand
givenName: Paul
sn: Durand
userPassword: azerty

dn: uid=lbernard,ou=people,${SUFFIX}
objectClass: inetOrgPerson
uid: lbernard
cn: Lea Bernard
givenName: Lea
sn: Bernard
userPassword: ${md5('123456')}

dn: uid=prof,ou=people,${SUFFIX}
objectClass: inetOrgPerson
uid: prof
cn: Prof
sn: Prof
userPassword: {SSHA}c2Vjb25kaGFzaHNlY29uZGhhc2g=
`;

describe('a live scan from the app and from the CLI tell the same truth', () => {
  let slapd: SlapdServer;
  let work: string;

  beforeAll(async () => {
    // No ACL at all: anyone, anonymous included, reads every hash (a real, common misconfiguration).
    slapd = await startSlapd({ acl: 'open', ldif: PEOPLE });
    await slapd.setPassword(`uid=prof,ou=people,${SUFFIX}`, 'Bonjour2024!');
    work = await mkdtemp(path.join(tmpdir(), 'vigie-same-truth-'));
  });

  afterAll(async () => {
    await slapd?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** Through the services Electron and the loopback host build, into a data dir of its own. */
  async function viaApp(dataDir: string, start: ScanStart): Promise<ScanReport> {
    const api = createVigieServices({ dataDir, secrets: new NoSecretStore(), hostKind: 'loopback', demoFile: null });
    try {
      const { scanId } = await api.startScan(start);
      const outcome = await api.scanOutcome(scanId);
      if (outcome.status !== 'done') throw new Error(`the app's scan ended ${JSON.stringify(outcome)}`);
      return await api.getReport(outcome.reportId);
    } finally {
      await api.close();
    }
  }

  /** `vigie scan --json`, with the same app-data folder (where the breach index lives by default). */
  async function viaCli(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ScanReport> {
    const json = path.join(dataDir, `cli-${Date.now()}.json`);
    const r = await runCliInProcess(['scan', ...args, '--json', json, '--quiet'], { VIGIE_DATA_DIR: dataDir, ...env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(await readFile(json, 'utf8')) as ScanReport;
  }

  function expectSameTruth(app: ScanReport, cli: ScanReport): void {
    const findings = (r: ScanReport) => r.directoryFindings.map((f) => `${f.code}:${f.severity}`).sort();
    expect(findings(app)).toEqual(findings(cli));
    expect(app.directoryFindings).toEqual(cli.directoryFindings);
    expect({ grade: app.summary.grade, score: app.summary.score }).toEqual({ grade: cli.summary.grade, score: cli.summary.score });
    expect(app.summary).toEqual(cli.summary);
    const accounts = (r: ScanReport) => r.accounts.map((a) => ({ dn: a.dn, findings: a.findings.map((f) => `${f.code}:${f.severity}`).sort() }));
    expect(accounts(app)).toEqual(accounts(cli));
    // Same defaults: depth, school words, breach index folder, flavour.
    const { location: _l, ...appSource } = app.source;
    const { location: _c, ...cliSource } = cli.source;
    expect(appSource).toEqual(cliSource);
  }

  it('anonymous, with the defaults on both sides: hashes readable by anyone, policy unknown, no TLS', async () => {
    const dataDir = await mkdtemp(path.join(work, 'anonymous-'));
    const app = await viaApp(dataDir, { connection: { kind: 'ldap', url: slapd.url, baseDn: SUFFIX } });
    const cli = await viaCli(dataDir, ['--url', slapd.url, '--base', SUFFIX]);

    const codes = cli.directoryFindings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['NO_TLS', 'HASHES_READABLE_ANONYMOUSLY', 'PASSWORD_POLICY_UNKNOWN']));
    expect(cli.source.depth).toBe('standard');
    expectSameTruth(app, cli);
  });

  it('bound as the directory administrator, with a school word and a depth: the same findings and grade', async () => {
    const dataDir = await mkdtemp(path.join(work, 'bound-'));
    const app = await viaApp(dataDir, {
      connection: { kind: 'ldap', url: slapd.url, baseDn: SUFFIX, bindDn: slapd.rootDn },
      password: slapd.rootPw,
      depth: 'quick',
      school: [' Collège Jean Moulin ', ''],
    });
    const pwFile = path.join(dataDir, 'bind-password');
    await writeFile(pwFile, slapd.rootPw, { mode: 0o600 });
    const cli = await viaCli(dataDir, ['--url', slapd.url, '--base', SUFFIX, '--bind-dn', slapd.rootDn, '--password-file', pwFile,
      '--depth', 'quick', '--school', ' Collège Jean Moulin ', '--school', '']);

    expect(cli.directoryFindings.map((f) => f.code)).toEqual(expect.arrayContaining(['NO_TLS', 'HASHES_READABLE_ANONYMOUSLY']));
    expect(cli.summary.withFindings).toBeGreaterThan(0);
    expect(cli.source.schoolWords).toBeGreaterThan(0);
    expectSameTruth(app, cli);
    // The app never grades better than the CLI.
    expect(app.summary.score).toBeLessThanOrEqual(cli.summary.score);
  });
});
