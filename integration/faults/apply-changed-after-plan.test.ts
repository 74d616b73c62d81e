// Issue #15 §1 on a real slapd, with the real `vigie` command: a password changed between `vigie plan` and
// `vigie apply` is never overwritten. The dry run names the account, apply leaves it (it still binds with its
// new password) and applies every other change, and exits 3; `--rollback` undoes only what apply changed and
// leaves the accounts changed since apply (a user who set their own password, a helpdesk reset) as they are —
// no old hash, no LM hash comes back. A Samba school (SE3: MD5, NT and LM hashes).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountRecords, binds, changeOwnPassword, entries, holdsPlanValues, isReset, plannedSchool, stored, type PlannedSchool } from './planned-school.ts';
import { runVigie } from './vigie-process.ts';

/** The DNs listed under a heading, sorted. */
function listing(stdout: string, heading: string): string[] {
  const at = stdout.indexOf(`${heading}\n`);
  if (at < 0) return [];
  const lines = stdout.slice(at + heading.length + 1).split('\n');
  return lines.slice(0, lines.findIndex((l) => !l.startsWith('  '))).map((l) => l.trim()).sort();
}

const newPassword = (): string => `Nouveau-${randomBytes(12).toString('base64url')}`;

describe('vigie apply never overwrites what changed after the plan', () => {
  let f: PlannedSchool;
  let initial: Map<string, string>;
  /** An account whose user set a new password after the plan. */
  let changed: { dn: string; password: string };
  let beforeApply: Map<string, string>;

  beforeAll(async () => {
    f = await plannedSchool({ flavour: 'se3', accounts: 30 });
    initial = await entries(f.slapd);
  });

  afterAll(async () => {
    await f?.cleanup();
  });

  it('--dry-run names the account whose password changed since the plan, exits 3 and writes nothing', async () => {
    const reset = accountRecords(f).filter(isReset);
    expect(reset.length).toBeGreaterThan(2);
    changed = { dn: reset[1]!.dn, password: newPassword() };
    await f.slapd.setPassword(changed.dn, changed.password);
    beforeApply = await entries(f.slapd);
    expect(beforeApply.get(changed.dn.toLowerCase())).not.toBe(initial.get(changed.dn.toLowerCase()));

    const r = await runVigie(['apply', f.planDir, ...f.connect(), '--dry-run']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain(`Changed since the plan (apply will leave them as they are):\n  ${changed.dn}\nDry run:`);
    expect(r.stdout).toMatch(/^02-accounts\.ldif: \d+ changes would be applied, 1 changed since the plan would be left as they are \(dry run, nothing written\)$/m);
    expect(r.stderr).toBe('vigie: 1 entry changed since the plan would be left as it is, not overwritten (named above)\n');
    expect(r.stdout + r.stderr).not.toContain(changed.password);
    expect(await entries(f.slapd)).toEqual(beforeApply);
  });

  it('apply leaves that account as it is (it still binds with its new password), applies every other change and exits 3', async () => {
    const r = await runVigie(['apply', f.planDir, ...f.connect()]);
    const total = f.plan.config.length + f.plan.accounts.length;
    expect(r.code).toBe(3);
    expect(r.stdout).toContain(`Left as they are, changed since the plan (not overwritten):\n  ${changed.dn}\nDone: ${total - 1} applied, 1 skipped (changed since the plan).\n`);
    expect(r.stderr).toBe('vigie: 1 entry changed since the plan was left as it is, not overwritten (named above)\n');

    // Nothing overwritten: the entry is byte for byte as the user left it, and the new password binds.
    const after = await entries(f.slapd);
    expect(after.get(changed.dn.toLowerCase())).toBe(beforeApply.get(changed.dn.toLowerCase()));
    expect(await binds(f.slapd, changed.dn, changed.password)).toBe(true);
    // Nothing lost: every other account holds the plan's values; reset accounts bind with their passphrase.
    for (const record of accountRecords(f)) {
      if (record.dn === changed.dn) continue;
      expect(await holdsPlanValues(f.slapd, record), record.dn).toBe(true);
    }
    const others = accountRecords(f).filter((r) => isReset(r) && r.dn !== changed.dn).slice(0, 3);
    for (const record of others) expect(await binds(f.slapd, record.dn, f.passphrases.get(record.dn)!), record.dn).toBe(true);

    // Run again: nothing left to do, nothing sent twice, the changed account is named again.
    const again = await runVigie(['apply', f.planDir, ...f.connect()]);
    expect(again.code).toBe(3);
    expect(again.stdout).toContain(`Done: 0 applied, ${total - 1} already applied, 1 skipped (changed since the plan).`);
    expect(await entries(f.slapd)).toEqual(after);
  });

  it('--rollback undoes only what apply changed, and leaves (and names) accounts changed since apply', async () => {
    const records = accountRecords(f);
    // A user logs on with the passphrase of their letter and sets their own password (ppolicy clears pwdReset).
    const user = records.find((r) => isReset(r) && r.dn !== changed.dn)!;
    const userPassword = newPassword();
    await changeOwnPassword(f.slapd, user.dn, f.passphrases.get(user.dn)!, userPassword, f.work);
    // The helpdesk resets the password of an account the plan only asked to change it (and whose LM hash it deleted).
    const held = records.find((r) => !isReset(r) && r.mods.some((m) => m.attribute === 'sambaLMPassword'));
    expect(held, 'a must-change account with an LM hash').toBeDefined();
    const helpdeskPassword = newPassword();
    await f.slapd.setPassword(held!.dn, helpdeskPassword);
    const beforeRollback = await entries(f.slapd);

    const dry = await runVigie(['apply', f.planDir, ...f.connect(), '--rollback', '--dry-run']);
    expect(dry.code).toBe(3);
    expect(listing(dry.stdout, 'Changed since vigie apply (the rollback will leave them as they are):')).toEqual([user.dn, held!.dn].sort());
    expect(await entries(f.slapd)).toEqual(beforeRollback);

    const r = await runVigie(['apply', f.planDir, ...f.connect(), '--rollback']);
    expect(r.code).toBe(3);
    expect(listing(r.stdout, 'Left as they are, changed since vigie apply (not overwritten):')).toEqual([user.dn, held!.dn].sort());
    // The account apply left alone is not the rollback's either: nothing to undo there.
    expect(r.stdout).not.toContain(changed.dn);
    expect(r.stdout).toMatch(/^rollback\.ldif: \d+ of \d+ changes undone, 1 never applied \(nothing to undo\), 2 skipped \(changed since vigie apply\)$/m);
    expect(r.stderr).toBe('vigie: 2 entries changed since vigie apply were left as they are, not overwritten (named above)\n');

    // Byte for byte: the three changed accounts as their users left them, everything else as before the plan.
    const after = await entries(f.slapd);
    expect([...after.keys()].sort()).toEqual([...initial.keys()].sort());
    for (const [dn, entry] of after) {
      if (dn === user.dn.toLowerCase() || dn === held!.dn.toLowerCase()) expect(entry, dn).toBe(beforeRollback.get(dn));
      else if (dn === changed.dn.toLowerCase()) expect(entry, dn).toBe(beforeApply.get(dn));
      else expect(entry, dn).toBe(initial.get(dn));
    }
    expect(await binds(f.slapd, user.dn, userPassword)).toBe(true);
    expect(await binds(f.slapd, held!.dn, helpdeskPassword)).toBe(true);
    expect(await binds(f.slapd, changed.dn, changed.password)).toBe(true);
    // No LM hash of the old password came back.
    expect((await stored(f.slapd, held!.dn, ['sambaLMPassword'])).get('sambalmpassword') ?? []).toEqual([]);

    // The journal names DNs, never a value.
    const journal = await readFile(path.join(f.planDir, 'apply-journal.jsonl'), 'utf8');
    for (const secret of [userPassword, helpdeskPassword, changed.password, ...f.passphrases.values()]) expect(journal).not.toContain(secret);
  });
});
