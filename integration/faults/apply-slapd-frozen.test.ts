// Issue #15 §6 on a real slapd: slapd frozen (SIGSTOP) in the middle of `vigie apply`, with an account's change in
// flight (held by a proxy, so it lands at an exact place), then resumed (SIGCONT). apply waits for the server
// instead of failing or guessing, then finishes: every change applied once, the journal says so, and the
// account whose change was in flight holds the plan's new value.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLdapProxy, type LdapProxy } from './ldap-proxy.ts';
import { accountRecords, applyHeldAt, holdsPlanValues, plannedSchool, type PlannedSchool } from './planned-school.ts';

describe('slapd frozen during vigie apply', () => {
  let f: PlannedSchool;
  let proxy: LdapProxy;
  let frozen = false;

  beforeAll(async () => {
    f = await plannedSchool({ flavour: 'sdet', accounts: 20, schemes: ['MD5', 'SSHA', 'CLEARTEXT'] });
    proxy = await startLdapProxy(f.slapd.url);
  });

  afterAll(async () => {
    if (frozen) process.kill(f.slapd.pid, 'SIGCONT');
    await proxy?.close();
    await f?.cleanup();
  });

  it('waits while slapd is frozen, then applies every change once when it resumes', async () => {
    const accounts = accountRecords(f);
    const third = accounts[2]!;
    const total = f.plan.config.length + f.plan.accounts.length;

    const vigie = await applyHeldAt(f, proxy, third.dn);
    process.kill(f.slapd.pid, 'SIGSTOP');
    frozen = true;
    proxy.release();
    // There is no event for "still frozen": for a few seconds apply must neither fail nor end.
    const ended = await Promise.race([vigie.exit.then(() => true), sleep(3_000).then(() => false)]);
    expect(ended).toBe(false);
    process.kill(f.slapd.pid, 'SIGCONT');
    frozen = false;
    const r = await vigie.exit;

    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const journal = (await readFile(path.join(f.planDir, 'apply-journal.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { result?: string; dn?: string });
    const applied = journal.filter((l) => l.result === 'applied');
    expect(applied.map((l) => l.dn)).toEqual([...f.plan.config, ...f.plan.accounts].map((c) => c.dn));
    expect(applied).toHaveLength(total);
    expect(await holdsPlanValues(f.slapd, third)).toBe(true);
  });
});
