// Issue #15 §6 on a real slapd and the real `vigie scan` process: slapd frozen (SIGSTOP) while the scan reads the
// accounts, then resumed or killed; slapd killed after part of the accounts were read; Ctrl-C while the scan reads,
// checks, or writes its report. A proxy in front of slapd holds back the paged search that reads the accounts
// (slapd is frozen before it gets it) or cuts slapd's answers after a number of entries, so each fault lands in
// the phase it is meant for, whatever the machine's load. Each case checks the exit code, the one line, and that
// nothing was lost or overwritten: the --json from an earlier scan is untouched and no temp file is left.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { watch } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../shared/contract/report.ts';
import { schoolInSlapd, schoolOnDisk, type SchoolOnDisk } from '../audit/school-fixture.ts';
import type { SlapdServer } from '../harness/slapd.ts';
import { startLdapProxy, type LdapProxy } from './ldap-proxy.ts';
import { startVigie, type VigieProcess } from './vigie-process.ts';

/** The spec's bound from SIGINT to exit ("within a second"). */
const WITHIN_MS = 1_000;
const EARLIER = '{"an": "earlier report"}\n';

let school: SchoolOnDisk;
let work: string;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  school = await schoolOnDisk({ flavour: 'sdet', accounts: 200 });
  work = await mkdtemp(path.join(tmpdir(), 'vigie-scan-faults-'));
});

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

afterAll(async () => {
  await school?.cleanup();
  if (work) await rm(work, { recursive: true, force: true });
});

interface Setup {
  slapd: SlapdServer;
  proxy: LdapProxy;
  folder: string;
  json: string;
  args: string[];
}

/** A slapd of its own (some cases kill it), a proxy in front, a folder holding an earlier --json. */
async function setup(): Promise<Setup> {
  const slapd = await schoolInSlapd(school);
  cleanups.push(() => slapd.stop());
  const proxy = await startLdapProxy(slapd.url);
  cleanups.push(() => proxy.close());
  const folder = await mkdtemp(path.join(work, 'case-'));
  const pw = path.join(folder, 'root.pw');
  await writeFile(pw, slapd.rootPw, { mode: 0o600 });
  const json = path.join(folder, 'rapport.json');
  await writeFile(json, EARLIER);
  const args = ['scan', '--url', proxy.url, '--base', school.school.baseDn, '--bind-dn', slapd.rootDn, '--password-file', pw,
    '--json', json, '--depth', 'quick'];
  return { slapd, proxy, folder, json, args };
}

function freeze(slapd: SlapdServer): void {
  process.kill(slapd.pid, 'SIGSTOP');
  cleanups.push(async () => {
    try {
      process.kill(slapd.pid, 'SIGCONT');
    } catch {
      // already gone
    }
  });
}

/** Starts the scan and waits until slapd has been frozen with the accounts' search on its way to it. */
async function scanWithSlapdFrozen(s: Setup, extra: string[] = ['--quiet']): Promise<VigieProcess> {
  const held = s.proxy.holdPagedSearch();
  const vigie = startVigie([...s.args, ...extra]);
  await Promise.race([held, vigie.exit.then((r) => { throw new Error(`vigie ended before reading the accounts: ${JSON.stringify(r)}`); })]);
  freeze(s.slapd);
  s.proxy.release();
  return vigie;
}

async function expectUntouched(s: Setup): Promise<void> {
  expect(await readFile(s.json, 'utf8')).toBe(EARLIER);
  expect((await readdir(s.folder)).sort()).toEqual(['rapport.json', 'root.pw']);
}

describe('vigie scan when slapd freezes or dies', () => {
  it('slapd frozen while the accounts are read, then resumed: the scan waits, then finishes whole', async () => {
    const s = await setup();
    const vigie = await scanWithSlapdFrozen(s);
    // The freeze lasts a while (there is no event for "still frozen"): the scan must neither fail nor end meanwhile.
    const ended = await Promise.race([vigie.exit.then(() => true), sleep(3_000).then(() => false)]);
    expect(ended).toBe(false);
    process.kill(s.slapd.pid, 'SIGCONT');
    const r = await vigie.exit;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(await readFile(s.json, 'utf8')) as ScanReport;
    expect(report.partial).toBe(false);
    expect(report.summary.accounts).toBe(school.school.truth.length);
    expect((await readdir(s.folder)).sort()).toEqual(['rapport.json', 'root.pw']);
  });

  it('slapd frozen, then killed: one clear line, exit 1, the earlier --json untouched', async () => {
    const s = await setup();
    const vigie = await scanWithSlapdFrozen(s);
    await s.slapd.kill();
    const r = await vigie.exit;
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^vigie: The connection to 127\.0\.0\.1:\d+ is closed\. — connect again\.\n$/);
    expect(r.stdout).toBe('');
    await expectUntouched(s);
  });

  it('slapd killed before the first page of accounts was whole: one clear line, exit 1, the earlier --json untouched', async () => {
    const s = await setup();
    const cut = s.proxy.cutAnswersAfter(60);
    const vigie = startVigie([...s.args, '--quiet']);
    await Promise.race([cut, vigie.exit.then((r) => { throw new Error(`vigie ended before 60 entries: ${JSON.stringify(r)}`); })]);
    await s.slapd.kill();
    s.proxy.dropConnections();
    const r = await vigie.exit;
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('vigie: The directory stopped answering after 0 entries. — check that the server is still running, then scan again.\n');
    expect(r.stdout).toBe('');
    await expectUntouched(s);
  });
});

describe('vigie scan when slapd dies after the first page of accounts', () => {
  let big: SchoolOnDisk;

  beforeAll(async () => {
    // More accounts than a page (1,000 entries): the first page is read whole before slapd dies.
    big = await schoolOnDisk({ flavour: 'sdet', accounts: 1_100, seed: 7 });
  });

  afterAll(async () => {
    await big?.cleanup();
  });

  it('a partial report, written whole and said so, exit 1', async () => {
    const slapd = await schoolInSlapd(big);
    cleanups.push(() => slapd.stop());
    const proxy = await startLdapProxy(slapd.url);
    cleanups.push(() => proxy.close());
    const folder = await mkdtemp(path.join(work, 'partial-'));
    const pw = path.join(folder, 'root.pw');
    await writeFile(pw, slapd.rootPw, { mode: 0o600 });
    const json = path.join(folder, 'rapport.json');
    const cut = proxy.cutAnswersAfter(1_050);
    const vigie = startVigie(['scan', '--url', proxy.url, '--base', big.school.baseDn, '--bind-dn', slapd.rootDn, '--password-file', pw,
      '--json', json, '--depth', 'quick', '--quiet']);
    await Promise.race([cut, vigie.exit.then((r) => { throw new Error(`vigie ended before 1,050 entries: ${JSON.stringify(r)}`); })]);
    await slapd.kill();
    proxy.dropConnections();
    const r = await vigie.exit;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^vigie: partial report: The directory stopped answering after 1000 entries\..*\n$/);
    // The French summary says why, in French (issue #15 §5).
    expect(r.stdout).toContain('Rapport PARTIEL : l’annuaire a cessé de répondre après 1 000 entrées — vérifiez que le serveur tourne encore, puis relancez l’analyse.\n');
    // Written whole (it parses), and says what it is: the accounts of the first page, not all, and partial.
    const report = JSON.parse(await readFile(json, 'utf8')) as ScanReport;
    expect(report.partial).toBe(true);
    expect(report.partialReason).toMatch(/after 1000 entries/);
    expect(report.summary.accounts).toBeGreaterThan(900);
    expect(report.summary.accounts).toBeLessThan(big.school.truth.length);
    expect((await readdir(folder)).sort()).toEqual(['rapport.json', 'root.pw']);
  });

  it('slapd restarted mid-scan: the scan ends partial (exit 1), the same scan run again once it is back is whole', async () => {
    const slapd = await schoolInSlapd(big);
    cleanups.push(() => slapd.stop());
    const proxy = await startLdapProxy(slapd.url);
    cleanups.push(() => proxy.close());
    const folder = await mkdtemp(path.join(work, 'restarted-'));
    const pw = path.join(folder, 'root.pw');
    await writeFile(pw, slapd.rootPw, { mode: 0o600 });
    const json = path.join(folder, 'rapport.json');
    const args = ['scan', '--url', proxy.url, '--base', big.school.baseDn, '--bind-dn', slapd.rootDn, '--password-file', pw,
      '--json', json, '--depth', 'quick', '--quiet'];
    const cut = proxy.cutAnswersAfter(1_050);
    const vigie = startVigie(args);
    await Promise.race([cut, vigie.exit.then((r) => { throw new Error(`vigie ended before 1,050 entries: ${JSON.stringify(r)}`); })]);
    // Killed and started again on its own data at the same address while the scan reads: the scan's connection
    // is gone (it does not reconnect on its own: a partial report says so), the directory is back for the next.
    await slapd.restart();
    proxy.dropConnections();
    const r = await vigie.exit;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^vigie: partial report: The directory stopped answering after 1000 entries\..*\n$/);
    expect((JSON.parse(await readFile(json, 'utf8')) as ScanReport).partial).toBe(true);

    const again = await startVigie(args).exit;
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    const report = JSON.parse(await readFile(json, 'utf8')) as ScanReport;
    expect(report.partial).toBe(false);
    expect(report.summary.accounts).toBe(big.school.truth.length);
    expect((await readdir(folder)).sort()).toEqual(['rapport.json', 'root.pw']);
  });
});

describe('Ctrl-C at each phase of vigie scan', () => {
  it('while reading (slapd frozen): exit 130 within a second, one line, the earlier --json untouched', async () => {
    const s = await setup();
    const vigie = await scanWithSlapdFrozen(s);
    const r = await vigie.interrupt();
    expect(r.signal).toBeNull();
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('vigie: cancelled (Ctrl-C)\n');
    expect(r.afterMs).toBeLessThan(WITHIN_MS);
    await expectUntouched(s);
  });

  it('while checking the accounts: exit 130 within a second, one line after the progress, the earlier --json untouched', async () => {
    const s = await setup();
    const vigie = startVigie(s.args.map((a) => a === 'quick' ? 'standard' : a));
    await vigie.waitFor('stderr', /^(mots de passe courants|comptes|comptes lents, ordre appris) : /m);
    const r = await vigie.interrupt();
    expect(r.signal).toBeNull();
    expect(r.code).toBe(130);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('vigie:'))).toEqual(['vigie: cancelled (Ctrl-C)']);
    expect(r.stderr.endsWith('vigie: cancelled (Ctrl-C)\n')).toBe(true);
    expect(r.stdout).toBe('');
    expect(r.afterMs).toBeLessThan(WITHIN_MS);
    await expectUntouched(s);
  });
});

describe('Ctrl-C while vigie scan writes its report', () => {
  let ldif: string;

  beforeAll(async () => {
    // Many accounts (none with a password, so there is nothing to check): a report of ~45 MB takes a while to write.
    ldif = path.join(work, 'many.ldif');
    const lines: string[] = [];
    for (let i = 0; i < 150_000; i++) {
      lines.push(`dn: uid=u${i},ou=people,dc=x\nobjectClass: inetOrgPerson\nuid: u${i}\nsn: Nom${i}\ncn: Prenom${i} Nom${i}\ngivenName: Prenom${i}\n`);
    }
    await writeFile(ldif, lines.join('\n'));
  });

  it.each([1, 2])('%i Ctrl-C: exit 130, the earlier --json untouched, never half a report, no temp file', async (times) => {
    const folder = await mkdtemp(path.join(work, 'write-'));
    const json = path.join(folder, 'rapport.json');
    await writeFile(json, EARLIER);
    // Stopped (SIGSTOP) the moment its temp file appears, so Ctrl-C lands while it is being written.
    const appeared = new Promise<string>((resolve) => {
      const watcher = watch(folder, (_, name) => {
        if (name && /^\.rapport\.json\.\d+\.[0-9a-f]+\.tmp$/.test(name)) {
          watcher.close();
          resolve(name);
        }
      });
      cleanups.push(async () => watcher.close());
    });
    const vigie = startVigie(['scan', '--ldif', ldif, '--json', json, '--quiet']);
    const tmp = await Promise.race([appeared, vigie.exit.then((r) => { throw new Error(`vigie ended before writing: ${JSON.stringify(r)}`); })]);
    vigie.child.kill('SIGSTOP');
    // Caught in the middle: the temp file is there, the report not yet replaced.
    expect((await readdir(folder)).sort()).toEqual([tmp, 'rapport.json'].sort());
    expect(await readFile(json, 'utf8')).toBe(EARLIER);
    vigie.child.kill('SIGINT');
    vigie.child.kill('SIGCONT');
    const r = await vigie.interrupt(times - 1);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(130);
    // The line every scan of accounts without a readable hash gets, then the one of the interruption.
    expect(r.stderr).toBe('vigie: non évaluable : aucune empreinte de mot de passe lisible, rien n’a été vérifié\n' +
      `vigie: cancelled (Ctrl-C); nothing written to ${json}\n`);
    expect(r.stdout).toBe('');
    expect(await readFile(json, 'utf8')).toBe(EARLIER);
    expect(await readdir(folder)).toEqual(['rapport.json']);
  });
});
