// Issue #15 §6 on a real slapd: slapd killed in the middle of `vigie apply` (an account's change in flight, held
// by a proxy so it lands at an exact place), then restarted on its own data at the same address. The first apply
// stops with one line (exit 1); the same command run again resumes: the changes already applied are not made
// twice, the one in flight is checked again and made, and every account ends with the plan's values.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLdapProxy, type LdapProxy } from './ldap-proxy.ts';
import { accountRecords, applyHeldAt, holdsPlanValues, plannedSchool, type PlannedSchool } from './planned-school.ts';
import { startVigie } from './vigie-process.ts';

describe('slapd killed and restarted during vigie apply', () => {
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

  it('stops with one line, then the same command resumes after the restart and applies each change once', async () => {
    const accounts = accountRecords(f);
    const third = accounts[2]!;
    const all = [...f.plan.config, ...f.plan.accounts];
    const confirmed = f.plan.config.length + f.plan.accounts.indexOf(third);

    const first = await applyHeldAt(f, proxy, third.dn);
    await f.slapd.kill();
    proxy.release();
    const stopped = await first.exit;
    expect(stopped.code).toBe(1);
    expect(stopped.stderr.trim().split('\n')).toHaveLength(1);
    expect(stopped.stderr).toContain(`Applied: ${confirmed} change(s).`);

    await f.slapd.restart();
    const again = await startVigie(['apply', f.planDir, ...f.connect(proxy.url)]).exit;
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);

    const journal = (await readFile(path.join(f.planDir, 'apply-journal.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { result?: string; dn?: string });
    const applied = journal.filter((l) => l.result === 'applied').map((l) => l.dn);
    // Each change applied once, in the plan's order, across both runs.
    expect(applied).toEqual(all.map((c) => c.dn));
    for (const record of accounts) expect(await holdsPlanValues(f.slapd, record), record.dn).toBe(true);
  });
});
