// A generated school in a throwaway slapd, scanned and planned (as integration/migration/ does): the starting
// point of the apply fault tests. Also what a test reads back to prove nothing was lost or overwritten: every
// entry as text (values byte for byte, base64 included), and an entry's password attributes as bytes.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'ldapts';
import { expect } from 'vitest';
import type { Flavour } from '../../shared/contract/codes.ts';
import type { ScanReport } from '../../shared/contract/report.ts';
import { runCliInProcess } from '../../shared/cli/test-io.ts';
import type { ChangeRecord } from '../../shared/engine/migration/change-record.ts';
import { parseLdif } from '../../shared/engine/migration/ldif-parse.ts';
import { runScan } from '../../shared/engine/scan.ts';
import type { SyntheticSchoolOptions } from '../../shared/testing/synthetic/index.ts';
import { schoolInSlapd, schoolOnDisk, type SchoolOnDisk } from '../audit/school-fixture.ts';
import { run } from '../harness/run.ts';
import type { SlapdServer } from '../harness/slapd.ts';
import type { LdapProxy } from './ldap-proxy.ts';
import { startVigie, type VigieProcess } from './vigie-process.ts';

export interface PlannedSchool {
  school: SchoolOnDisk;
  slapd: SlapdServer;
  report: ScanReport;
  work: string;
  planDir: string;
  /** The connection options of `vigie apply`, to slapd or to a proxy in front of it. */
  connect(url?: string): string[];
  /** The plan's change records, file by file. */
  plan: { config: ChangeRecord[]; accounts: ChangeRecord[]; rollbackConfig: ChangeRecord[]; rollback: ChangeRecord[] };
  /** Account DN → temporary passphrase (credentials.csv). */
  passphrases: Map<string, string>;
  cleanup(): Promise<void>;
}

export async function plannedSchool(options: Partial<SyntheticSchoolOptions> & { flavour: Flavour }): Promise<PlannedSchool> {
  const school = await schoolOnDisk(options);
  const slapd = await schoolInSlapd(school, { acl: 'open' });
  const work = await mkdtemp(path.join(tmpdir(), 'vigie-apply-faults-'));
  const cleanup = async (): Promise<void> => {
    await slapd.stop();
    await school.cleanup();
    await rm(work, { recursive: true, force: true });
  };
  try {
    const rootPw = path.join(work, 'root.pw'), configPw = path.join(work, 'config.pw');
    await writeFile(rootPw, slapd.rootPw, { mode: 0o600 });
    await writeFile(configPw, slapd.configPw, { mode: 0o600 });
    const connect = (url = slapd.url): string[] => ['--url', url, '--bind-dn', slapd.rootDn, '--password-file', rootPw,
      '--config-bind-dn', 'cn=config', '--config-password-file', configPw];
    const report = await runScan({
      source: { kind: 'ldap', url: slapd.url, baseDn: school.school.baseDn, bindDn: slapd.rootDn, password: slapd.rootPw },
      depth: 'quick', posture: { config: { dn: 'cn=config', password: slapd.configPw } },
    });
    await writeFile(path.join(work, 'report.json'), JSON.stringify(report));
    const planDir = path.join(work, 'plan');
    const planned = await runCliInProcess(['plan', '--report', path.join(work, 'report.json'), '--out', planDir, ...connect()]);
    expect(planned.stderr).toBe('');
    expect(planned.code).toBe(0);
    const read = async (file: string): Promise<ChangeRecord[]> => parseLdif(await readFile(path.join(planDir, file), 'utf8'), file);
    const plan = {
      config: await read('01-config.ldif'), accounts: await read('02-accounts.ldif'),
      rollbackConfig: await read('rollback-config.ldif'), rollback: await read('rollback.ldif'),
    };
    const byLogin = new Map(report.accounts.map((a) => [a.login, a.dn]));
    const passphrases = new Map<string, string>();
    for (const line of (await readFile(path.join(planDir, 'credentials.csv'), 'utf8')).trim().split('\n').slice(1)) {
      const [login, , passphrase] = line.split(',');
      passphrases.set(byLogin.get(login!)!, passphrase!);
    }
    return { school, slapd, report, work, planDir, connect, plan, passphrases, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/** The plan's account records (not the policy's), in plan order. */
export function accountRecords(p: PlannedSchool): (ChangeRecord & { change: 'modify' })[] {
  const accounts = new Set(p.report.accounts.map((a) => a.dn.toLowerCase()));
  return p.plan.accounts.filter((r): r is ChangeRecord & { change: 'modify' } => r.change === 'modify' && accounts.has(r.dn.toLowerCase()));
}

/** A record that gives the account a new password (a reset), or only pwdReset (a must-change). */
export function isReset(r: ChangeRecord & { change: 'modify' }): boolean {
  return r.mods.some((m) => m.attribute.toLowerCase() === 'userpassword');
}

const VOLATILE = /^(entryCSN|modifyTimestamp|modifiersName|contextCSN):/i;

/** Every entry of the directory and of the config apply touches, by lower-case DN line, values byte for byte. */
export async function entries(s: SlapdServer): Promise<Map<string, string>> {
  const data = await run('ldapsearch', ['-LLL', '-o', 'ldif-wrap=no', '-x', '-H', s.url, '-D', s.rootDn, '-w', s.rootPw, '-b', s.suffix, '*', 'pwdReset', 'pwdChangedTime']);
  const config = await run('ldapsearch', ['-LLL', '-o', 'ldif-wrap=no', '-x', '-H', s.url, '-D', 'cn=config', '-w', s.configPw, '-b', 'cn=config',
    '(|(objectClass=olcDatabaseConfig)(objectClass=olcOverlayConfig)(objectClass=olcModuleList))']);
  const out = new Map<string, string>();
  for (const entry of (data + '\n' + config).split(/\n\n+/)) {
    const lines = entry.split('\n').filter((l) => l && !VOLATILE.test(l));
    if (lines.length === 0) continue;
    out.set(dnKey(lines[0]!), lines.slice(1).sort().join('\n'));
  }
  return out;
}

function dnKey(line: string): string {
  const m = /^dn(::?) ?(.*)$/.exec(line)!;
  return (m[1] === '::' ? Buffer.from(m[2]!, 'base64').toString('utf8') : m[2]!).toLowerCase();
}

/** The stored values of an entry's attributes, as bytes (lower-case names). */
export async function stored(s: SlapdServer, dn: string, attributes: string[]): Promise<Map<string, Buffer[]>> {
  const c = new Client({ url: s.url });
  try {
    await c.bind(s.rootDn, s.rootPw);
    const { searchEntries } = await c.search(dn, { scope: 'base', attributes, explicitBufferAttributes: attributes });
    const out = new Map<string, Buffer[]>();
    for (const [k, v] of Object.entries(searchEntries[0] ?? {})) if (k !== 'dn') out.set(k.toLowerCase(), (Array.isArray(v) ? v : [v]) as Buffer[]);
    return out;
  } finally {
    await c.unbind();
  }
}

/** True when the account binds with this password (a simple bind, as a user's logon). */
export async function binds(s: SlapdServer, dn: string, password: string): Promise<boolean> {
  const c = new Client({ url: s.url });
  try {
    await c.bind(dn, password);
    return true;
  } catch {
    return false;
  } finally {
    await c.unbind().catch(() => undefined);
  }
}

/** The user changes their own password (Password Modify, as ldappasswd does): ppolicy then clears pwdReset. */
export async function changeOwnPassword(s: SlapdServer, dn: string, oldPw: string, newPw: string, dir: string): Promise<void> {
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

/** Holds every value the plan writes to the account (a replace's values; a delete's attribute gone). */
export async function holdsPlanValues(s: SlapdServer, record: ChangeRecord & { change: 'modify' }): Promise<boolean> {
  const now = await stored(s, record.dn, record.mods.map((m) => m.attribute));
  return record.mods.every((m) => {
    const have = now.get(m.attribute.toLowerCase()) ?? [];
    if (m.op === 'delete') return have.length === 0;
    const want = m.values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v)));
    return have.length === want.length && want.every((w) => have.some((h) => h.equals(w)));
  });
}

/**
 * `vigie apply` of the plan through the proxy, returned once the change to `dn` is in flight: held by the proxy,
 * so a fault lands at that exact place whatever the load. Fails if apply ends before it gets there.
 */
export async function applyHeldAt(p: PlannedSchool, proxy: LdapProxy, dn: string): Promise<VigieProcess> {
  const held = proxy.hold((w) => w.op === 'modify' && w.dn === dn);
  const vigie = startVigie(['apply', p.planDir, ...p.connect(proxy.url)]);
  await Promise.race([held, vigie.exit.then((r) => { throw new Error(`vigie ended before the held change: ${JSON.stringify(r)}`); })]);
  return vigie;
}
