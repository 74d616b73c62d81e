// Issue #15 §3 and §6 on a real slapd: two Ctrl-C during `vigie apply`. The first asks apply to stop after the
// change in flight (held back by the proxy, so it is still on its way); the second ends the process at once,
// with one line saying what to do. The held change never reached slapd; run again, apply sends it and the rest,
// each exactly once, and every account ends with the plan's values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../shared/engine/migration/change-record.ts';
import { startLdapProxy, type LdapProxy, type LdapWrite } from './ldap-proxy.ts';
import { accountRecords, applyHeldAt, entries, holdsPlanValues, plannedSchool, type PlannedSchool } from './planned-school.ts';
import { runVigie } from './vigie-process.ts';

const writes = (records: ChangeRecord[]): LdapWrite[] => records.map((r) => ({ op: r.change, dn: r.dn }));

describe('two Ctrl-C during vigie apply', () => {
  let f: PlannedSchool;
  let proxy: LdapProxy;

  beforeAll(async () => {
    f = await plannedSchool({ flavour: 'sdet', accounts: 30, schemes: ['MD5', 'SSHA', 'CLEARTEXT'] });
    proxy = await startLdapProxy(f.slapd.url);
  });

  afterAll(async () => {
    await proxy?.close();
    await f?.cleanup();
  });

  it('the second ends it at once with one line; run again, apply finishes without sending a change twice', async () => {
    const initial = await entries(f.slapd);
    const accounts = accountRecords(f);
    const fourth = accounts[3]!;
    const all = [...f.plan.config, ...f.plan.accounts];
    const sent = f.plan.config.length + f.plan.accounts.indexOf(fourth);

    const vigie = await applyHeldAt(f, proxy, fourth.dn);
    vigie.child.kill('SIGINT');
    await vigie.waitFor('stderr', /stopping after the change in flight/);
    const r = await vigie.interrupt();
    // Its connection is gone with it: the held change is dropped, never sent.
    proxy.discard();

    expect(r.signal).toBeNull();
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('vigie: stopping after the change in flight (Ctrl-C again quits at once)…\n' +
      'vigie: stopped at once (Ctrl-C) — the change in flight may or may not have been made; run the same command again: ' +
      'apply checks it and resumes, never applying a change twice (or undo with --rollback)\n');
    expect(r.afterMs).toBeLessThan(1_000);
    // The server got the changes before the held one, and not the held one.
    expect(proxy.writes).toEqual(writes(all.slice(0, sent)));
    const now = await entries(f.slapd);
    for (const [i, record] of accounts.entries()) {
      if (i < 3) expect(await holdsPlanValues(f.slapd, record), record.dn).toBe(true);
      else expect(now.get(record.dn.toLowerCase()), record.dn).toBe(initial.get(record.dn.toLowerCase()));
    }

    proxy.writes.length = 0;
    const again = await runVigie(['apply', f.planDir, ...f.connect(proxy.url)]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Done: ${all.length - sent} applied, ${sent} already applied, 0 skipped (changed since the plan).\n`);
    expect(proxy.writes).toEqual(writes(all.slice(sent)));
    for (const record of accounts) expect(await holdsPlanValues(f.slapd, record), record.dn).toBe(true);
  });
});
