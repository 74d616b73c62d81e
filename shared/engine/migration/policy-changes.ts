// The default password policy entry (in the directory itself, so it goes with the accounts in 02-accounts.ldif):
// created when absent, or set to the plan's values when the overlay already names one; undone exactly.
import type { DirectoryEntry } from '../directory/model.ts';
import type { ChangeRecord, Modification } from './change-record.ts';
import { DEFAULT_POLICY, type OpenLdapTarget } from './migration-settings.ts';

export interface PolicyChangeInput {
  policyDn: string;
  /** The policy entry as it is now, when it exists. */
  existing?: DirectoryEntry;
  /** True when the policy's parent (ou=policies) must be created too. */
  createParent: boolean;
  target: OpenLdapTarget;
}

export function policyValues(target: OpenLdapTarget): [string, string][] {
  const values: [string, string][] = Object.entries(DEFAULT_POLICY);
  // OpenLDAP 2.7: hashes upgrade themselves at the next successful bind (not verifiable on 2.5).
  if (target === 'openldap-2.7') values.push(['pwdDefaultHash', '{ARGON2}'], ['pwdRehashOnBind', 'TRUE']);
  return values;
}

export function policyChanges(input: PolicyChangeInput): { apply: ChangeRecord[]; rollback: ChangeRecord[] } {
  const values = policyValues(input.target);
  const apply: ChangeRecord[] = [];
  const rollback: ChangeRecord[] = [];
  const parentDn = input.policyDn.slice(input.policyDn.indexOf(',') + 1);
  if (input.existing) {
    const mods: Modification[] = values.map(([attribute, value]) => ({ op: 'replace', attribute, values: [value] }));
    const undo: Modification[] = values.map(([attribute]) => ({ op: 'replace', attribute, values: input.existing!.attrs.get(attribute.toLowerCase()) ?? [] }));
    apply.push({ dn: input.policyDn, change: 'modify', mods, note: { id: 'set-policy' } });
    rollback.push({ dn: input.policyDn, change: 'modify', mods: undo, note: { id: 'restore-policy' } });
    return { apply, rollback };
  }
  if (input.createParent) {
    const ou = /^ou=([^,]+)$/i.exec(parentDn.split(',')[0] ?? '')?.[1] ?? 'policies';
    apply.push({ dn: parentDn, change: 'add', note: { id: 'add-policies-branch' },
      attributes: [{ attribute: 'objectClass', values: ['organizationalUnit'] }, { attribute: 'ou', values: [ou] }] });
  }
  const cn = /^cn=([^,]+)/i.exec(input.policyDn)?.[1] ?? 'default';
  apply.push({ dn: input.policyDn, change: 'add',
    note: { id: 'add-policy' },
    attributes: [
      { attribute: 'objectClass', values: ['organizationalRole', 'pwdPolicy'] },
      { attribute: 'cn', values: [cn] },
      ...values.map(([attribute, value]) => ({ attribute, values: [value] })),
    ] });
  rollback.push({ dn: input.policyDn, change: 'delete', note: { id: 'remove-policy' } });
  if (input.createParent) rollback.push({ dn: parentDn, change: 'delete', note: { id: 'remove-policies-branch' } });
  return { apply, rollback };
}
