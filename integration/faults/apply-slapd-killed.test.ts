// Issue #15 §6 on a real slapd: slapd killed (SIGKILL) in the middle of `vigie apply`, with an account's change in
// flight (held by a proxy, so it lands at an exact place). apply stops with one line that says which changes
// were applied and how many were not, exits 1, and its journal records exactly the changes the server confirmed:
// a second apply checks the one in flight again rather than trusting either guess.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLdapProxy, type LdapProxy } from './ldap-proxy.ts';
import { accountRecords, applyHeldAt, plannedSchool, type PlannedSchool } from './planned-school.ts';

describe('slapd killed during vigie apply', () => {
  let f: PlannedSchool;
  let proxy: LdapProxy;

  beforeAll(async () => {
    f = await plannedSchool({ flavour: 'sdet', accounts: 20, schemes: ['MD5', 'SSHA', 'CLEARTEXT'] });
    proxy = await startLdapProxy(f.slapd.url);
  });

  afterAll(async () => {
    await proxy?.close();
    await f?.cleanup();
  });

  it('stops with one line saying what was applied and not, exit 1; the journal holds only what the server confirmed', async () => {
    const accounts = accountRecords(f);
    const third = accounts[2]!;
    const confirmed = f.plan.config.length + f.plan.accounts.indexOf(third);
    const total = f.plan.config.length + f.plan.accounts.length;

    const vigie = await applyHeldAt(f, proxy, third.dn);
    await f.slapd.kill();
    proxy.release();
    const r = await vigie.exit;

    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`vigie: 02-accounts.ldif, change ${f.plan.accounts.indexOf(third) + 1} of ${f.plan.accounts.length} (modify ${third.dn}) got no answer, so whether it was made is unknown: `);
    expect(r.stderr).toContain(`. Applied: ${confirmed} change(s). Not applied: ${total - confirmed} change(s) — fix the cause, then run the same command again: it resumes after the changes already applied, or undo them with vigie apply --rollback.\n`);
    expect(r.stdout).not.toMatch(/^Done/m);

    const journal = (await readFile(path.join(f.planDir, 'apply-journal.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { result?: string; dn?: string });
    const applied = journal.filter((l) => l.result === 'applied');
    expect(applied).toHaveLength(confirmed);
    expect(applied.map((l) => l.dn)).toEqual([...f.plan.config, ...f.plan.accounts].slice(0, confirmed).map((r) => r.dn));
  });
});
