// Issue #15 §3 and §6 on a real slapd: Ctrl-C (SIGINT to the real `vigie` process) in the middle of `vigie plan`.
// The plan is written into a hidden folder beside --out and renamed into place whole; the proxy in front of
// slapd holds back the search that reads the accounts, so Ctrl-C lands while the plan is on its way, whatever
// the load. Nothing is left: no plan folder (or the empty one the user made, still empty), no temp folder.
// The same command run through afterwards writes the plan whole, into a new folder or an empty one.
import { watch } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLdapProxy, type LdapProxy } from './ldap-proxy.ts';
import { plannedSchool, type PlannedSchool } from './planned-school.ts';
import { runVigie, startVigie } from './vigie-process.ts';

/** The spec's bound from SIGINT to exit ("within a second"). */
const WITHIN_MS = 1_000;

describe('Ctrl-C during vigie plan', () => {
  let f: PlannedSchool;
  let proxy: LdapProxy;

  beforeAll(async () => {
    f = await plannedSchool({ flavour: 'sdet', accounts: 40, schemes: ['MD5', 'SSHA', 'CLEARTEXT'] });
    proxy = await startLdapProxy(f.slapd.url);
  });

  afterAll(async () => {
    await proxy?.close();
    await f?.cleanup();
  });

  const planArgs = (out: string, url?: string): string[] => ['plan', '--report', path.join(f.work, 'report.json'), '--out', out, ...f.connect(url)];

  it.each([
    ['a new folder', false, 1],
    ['an empty folder the user made', true, 1],
    ['a new folder, two Ctrl-C', false, 2],
  ])('into %s: exit 130 within a second, one line, nothing written, no temp folder', async (_, made, times) => {
    const out = path.join(f.work, `plan-${made ? 'made' : 'new'}-${times}`);
    if (made) await mkdir(out);
    const before = (await readdir(f.work)).sort();
    const held = proxy.holdPagedSearch();
    const vigie = startVigie(planArgs(out, proxy.url));
    await Promise.race([held, vigie.exit.then((r) => { throw new Error(`vigie ended before reading the accounts: ${JSON.stringify(r)}`); })]);
    // Under way: its hidden folder is there, the plan not.
    expect((await readdir(f.work)).filter((n) => n.startsWith(`.${path.basename(out)}.`) && n.endsWith('.tmp'))).toHaveLength(1);
    const r = await vigie.interrupt(times);
    proxy.release();
    expect(r.signal).toBeNull();
    expect(r.code).toBe(130);
    expect(r.stderr).toBe(`vigie: cancelled (Ctrl-C); nothing written to ${out}\n`);
    expect(r.stdout).toBe('');
    expect(r.afterMs).toBeLessThan(WITHIN_MS);
    expect((await readdir(f.work)).sort()).toEqual(before);
    if (made) expect(await readdir(out)).toEqual([]);
  });

  it('while its files are being written: exit 130, one line, neither the plan nor its temp folder left', async () => {
    const out = path.join(f.work, 'plan-writing');
    const before = (await readdir(f.work)).sort();
    const held = proxy.holdPagedSearch();
    const vigie = startVigie(planArgs(out, proxy.url));
    await Promise.race([held, vigie.exit.then((r) => { throw new Error(`vigie ended before reading the accounts: ${JSON.stringify(r)}`); })]);
    const hidden = (await readdir(f.work)).filter((n) => n.startsWith(`.${path.basename(out)}.`) && n.endsWith('.tmp'));
    expect(hidden).toHaveLength(1);
    // The first file the plan writes into its hidden folder: the process is stopped right there, mid-write.
    const writing = new Promise<string>((resolve) => {
      const watcher = watch(path.join(f.work, hidden[0]!), (_, name) => {
        if (!name) return;
        vigie.child.kill('SIGSTOP');
        watcher.close();
        resolve(name);
      });
    });
    proxy.release();
    const first = await Promise.race([writing, vigie.exit.then((r) => { throw new Error(`vigie ended before writing: ${JSON.stringify(r)}`); })]);
    expect(first).not.toBe('');
    expect((await readdir(f.work)).includes(path.basename(out))).toBe(false);
    vigie.child.kill('SIGINT');
    vigie.child.kill('SIGCONT');
    const r = await vigie.interrupt(0);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(130);
    expect(r.stderr).toBe(`vigie: cancelled (Ctrl-C); nothing written to ${out}\n`);
    expect((await readdir(f.work)).sort()).toEqual(before);
  });

  it.each([
    ['a new folder', false],
    ['an empty folder the user made', true],
  ])('run through into %s: the plan whole, the same files as the first plan', async (_, made) => {
    const out = path.join(f.work, `plan-whole-${made ? 'made' : 'new'}`);
    if (made) await mkdir(out);
    // Straight to slapd, as the first plan was (the plan's headers name the URL).
    const r = await runVigie(planArgs(out));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Plan écrit dans ${out} : `);
    const files = async (dir: string): Promise<string[]> => (await readdir(dir, { recursive: true })).map(String).sort();
    expect(await files(out)).toEqual(await files(f.planDir));
    expect(await readFile(path.join(out, 'rollback.ldif'), 'utf8')).toBe(await readFile(path.join(f.planDir, 'rollback.ldif'), 'utf8'));
    expect((await readdir(f.work)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
