// Issue #15 §1 and §3 on a real slapd: Ctrl-C (SIGINT to the real `vigie` process) in the middle of `vigie apply`.
// A proxy in front of slapd holds back one account's change, so the interruption lands with that change in
// flight, at an exact place, whatever the machine's load: apply finishes it, sends nothing more, prints what
// was applied and not applied with the commands to continue or roll back, and exits 130. The printed command
// resumes and finishes without sending any change twice (the proxy sees every write), and the same holds for
// an interrupted rollback, which then brings the directory back byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../shared/engine/migration/change-record.ts';
import { startLdapProxy, type LdapProxy, type LdapWrite } from './ldap-proxy.ts';
import { accountRecords, entries, holdsPlanValues, plannedSchool, type PlannedSchool } from './planned-school.ts';
import { runVigie, shellWords, startVigie, type VigieExit } from './vigie-process.ts';

const writes = (records: ChangeRecord[]): LdapWrite[] => records.map((r) => ({ op: r.change, dn: r.dn }));

/** Starts vigie, holds back the write `when` picks, sends Ctrl-C, lets that write through, and waits for the end. */
async function interrupted(proxy: LdapProxy, args: string[], when: (w: LdapWrite) => boolean): Promise<VigieExit> {
  const held = proxy.hold(when);
  const vigie = startVigie(args);
  await Promise.race([held, vigie.exit.then((r) => { throw new Error(`vigie ended before the held change: ${JSON.stringify(r)}`); })]);
  vigie.child.kill('SIGINT');
  await vigie.waitFor('stderr', /stopping after the change in flight/);
  proxy.release();
  return vigie.exit;
}

function printed(stdout: string, label: string): string[] {
  const line = stdout.split('\n').find((l) => l.startsWith(`${label}: vigie apply `));
  expect(line, `${label} in ${stdout}`).toBeDefined();
  return shellWords(line!.slice(label.length + 2)).slice(1);
}

describe('Ctrl-C during vigie apply', () => {
  let f: PlannedSchool;
  let proxy: LdapProxy;
  let initial: Map<string, string>;

  beforeAll(async () => {
    f = await plannedSchool({ flavour: 'sdet', accounts: 40, schemes: ['MD5', 'SHA', 'SSHA', 'CLEARTEXT'] });
    proxy = await startLdapProxy(f.slapd.url);
    initial = await entries(f.slapd);
  });

  afterAll(async () => {
    await proxy?.close();
    await f?.cleanup();
  });

  it('finishes the change in flight, stops, says what was and was not applied; the printed command resumes and finishes', async () => {
    const accounts = accountRecords(f);
    expect(accounts.length).toBeGreaterThan(8);
    const fifth = accounts[4]!;
    const all = [...f.plan.config, ...f.plan.accounts];
    const applied = f.plan.config.length + f.plan.accounts.indexOf(fifth) + 1;

    const r = await interrupted(proxy, ['apply', f.planDir, ...f.connect(proxy.url)], (w) => w.op === 'modify' && w.dn === fifth.dn);
    expect(r.code).toBe(130);
    expect(r.stdout).toContain('Interrupted (Ctrl-C): the change in flight was finished, then apply stopped.\n' +
      `Changes: ${applied} applied, 0 skipped (changed since the plan), ${all.length - applied} not applied.\n`);
    expect(r.stderr).toBe('vigie: stopping after the change in flight (Ctrl-C again quits at once)…\n' +
      `vigie: interrupted: ${applied} applied, 0 skipped, ${all.length - applied} not applied — continue or roll back with the commands above\n`);
    // The server got exactly the changes up to the one in flight, in order, and nothing after it.
    expect(proxy.writes).toEqual(writes(all.slice(0, applied)));
    const now = await entries(f.slapd);
    for (const [i, record] of accounts.entries()) {
      if (i <= 4) expect(await holdsPlanValues(f.slapd, record), record.dn).toBe(true);
      else expect(now.get(record.dn.toLowerCase()), record.dn).toBe(initial.get(record.dn.toLowerCase()));
    }

    const resume = printed(r.stdout, 'To continue');
    expect(resume).toEqual(['apply', f.planDir, ...f.connect(proxy.url)]);
    expect(printed(r.stdout, 'To roll back what was applied')).toEqual([...resume, '--rollback']);
    proxy.writes.length = 0;
    const again = await runVigie(resume);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Done: ${all.length - applied} applied, ${applied} already applied, 0 skipped (changed since the plan).\n`);
    // Not one change sent twice: the second run sent exactly the rest.
    expect(proxy.writes).toEqual(writes(all.slice(applied)));
    for (const record of accounts) expect(await holdsPlanValues(f.slapd, record), record.dn).toBe(true);
  });

  it('an interrupted --rollback resumes too, and the directory is back as before the plan, byte for byte', async () => {
    const accounts = accountRecords(f);
    const third = f.plan.rollback.find((r) => r.dn === accounts[2]!.dn)!;
    const all = [...f.plan.rollbackConfig, ...f.plan.rollback];
    const undone = f.plan.rollbackConfig.length + f.plan.rollback.indexOf(third) + 1;
    proxy.writes.length = 0;

    const r = await interrupted(proxy, ['apply', f.planDir, ...f.connect(proxy.url), '--rollback'], (w) => w.op === 'modify' && w.dn === third.dn);
    expect(r.code).toBe(130);
    expect(r.stdout).toContain('Interrupted (Ctrl-C): the change in flight was finished, then the rollback stopped.\n' +
      `Changes: ${undone} undone, 0 skipped (changed since vigie apply), ${all.length - undone} not undone.\n`);
    expect(r.stderr).toContain(`vigie: interrupted: ${undone} undone, 0 skipped, ${all.length - undone} not undone`);
    expect(proxy.writes).toEqual(writes(all.slice(0, undone)));

    const resume = printed(r.stdout, 'To continue the rollback');
    expect(resume).toEqual(['apply', f.planDir, ...f.connect(proxy.url), '--rollback']);
    expect(printed(r.stdout, 'To apply the plan again instead')).toEqual(resume.slice(0, -1));
    proxy.writes.length = 0;
    const again = await runVigie(resume);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Done (rollback): ${all.length - undone} undone, ${undone} already undone, 0 skipped (changed since vigie apply).\n`);
    expect(proxy.writes).toEqual(writes(all.slice(undone)));
    expect(await entries(f.slapd)).toEqual(initial);
  });
});
