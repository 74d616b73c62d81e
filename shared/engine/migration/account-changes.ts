// 02-accounts.ldif's account records and their exact undo. A reset account gets a temporary passphrase stored
// directly as {ARGON2}$argon2id$ (and, when it has one, an NT hash of the same passphrase so Samba logons keep
// working); every touched account gets pwdReset: TRUE; LM hashes are deleted. The rollback puts back every
// value the plan changes, bytes as stored, with the relax control for pwdChangedTime, which slapd sets itself.
// The rollback's values are also what `vigie apply` expects to find before it changes an account (apply-plan.ts).
import { schemeByName } from '../hash/classify.ts';
import type { DirectoryEntry } from '../directory/model.ts';
import { normaliseDn } from '../posture/dn.ts';
import type { AccountAction } from './account-actions.ts';
import { RELAX_CONTROL, type ChangeRecord, type Modification } from './change-record.ts';
import type { Argon2Settings } from './migration-settings.ts';
import { newPassphrase } from './passphrase.ts';

export interface IssuedPassphrase {
  dn: string;
  login: string;
  classes: string[];
  /** Written only to credentials.csv and the letters (mode 0600); never printed or logged. */
  passphrase: string;
}

export interface AccountChanges {
  apply: ChangeRecord[];
  rollback: ChangeRecord[];
  issued: IssuedPassphrase[];
  /** Accounts in the report that the directory no longer holds: left out. */
  missing: string[];
}

export async function accountChanges(
  actions: AccountAction[],
  current: Map<string, DirectoryEntry>,
  argon2: Argon2Settings,
): Promise<AccountChanges> {
  const apply: ChangeRecord[] = [];
  const rollback: ChangeRecord[] = [];
  const issued: IssuedPassphrase[] = [];
  const missing: string[] = [];
  const argon2id = schemeByName('ARGON2ID');
  const nt = schemeByName('NT');

  for (const action of actions) {
    const { account } = action;
    const entry = current.get(normaliseDn(account.dn));
    if (!entry) {
      missing.push(account.dn);
      continue;
    }
    const old = (name: 'userpassword' | 'sambantpassword' | 'sambalmpassword'): Uint8Array[] => entry.bytes.get(name) ?? [];
    const oldText = (name: string): string[] => entry.attrs.get(name.toLowerCase()) ?? [];
    const mods: Modification[] = [];
    const undo: Modification[] = [];

    if (action.kind === 'reset') {
      const passphrase = newPassphrase();
      issued.push({ dn: entry.dn, login: account.login, classes: account.classes, passphrase });
      const stored = await argon2id.create(passphrase, argon2);
      mods.push({ op: 'replace', attribute: 'userPassword', values: [stored] });
      undo.push({ op: 'replace', attribute: 'userPassword', values: old('userpassword') });
      if (old('sambantpassword').length > 0) {
        mods.push({ op: 'replace', attribute: 'sambaNTPassword', values: [await nt.create(passphrase)] });
        undo.push({ op: 'replace', attribute: 'sambaNTPassword', values: old('sambantpassword') });
      }
    }
    if (action.dropLm && old('sambalmpassword').length > 0) {
      mods.push({ op: 'delete', attribute: 'sambaLMPassword', values: [] });
      undo.push({ op: 'replace', attribute: 'sambaLMPassword', values: old('sambalmpassword') });
    }
    mods.push({ op: 'replace', attribute: 'pwdReset', values: ['TRUE'] });
    undo.push({ op: 'replace', attribute: 'pwdReset', values: oldText('pwdReset') });
    // slapd stamps pwdChangedTime when it stores a new password; put back the old stamp, or none. An account the
    // plan does not reset keeps its stamp through apply: vigie apply checks it is still the one the plan saw, so
    // that a password changed since (ppolicy stamps it) is never undone by the rollback.
    undo.push({ op: 'replace', attribute: 'pwdChangedTime', values: oldText('pwdChangedTime') });

    apply.push({ dn: entry.dn, change: 'modify', mods, note: {
      id: action.kind === 'reset' ? 'reset-account' : 'must-change-account', login: account.login, dropLm: action.dropLm && old('sambalmpassword').length > 0,
    } });
    rollback.push({ dn: entry.dn, change: 'modify', mods: undo, controls: [RELAX_CONTROL], note: { id: 'account-before', login: account.login } });
  }
  return { apply, rollback, issued, missing };
}

