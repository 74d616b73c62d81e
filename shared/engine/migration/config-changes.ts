// 01-config.ldif and its undo, built from cn=config's current values (ConfigFacts):
// load argon2 and ppolicy, store new passwords as {ARGON2}, the ppolicy overlay hashing cleartext writes with
// a default policy, and an ACL that hides password attributes from everyone but their owner and the admin.
import type { NotUndone } from '../../contract/plan-messages.ts';
import type { ConfigFacts } from '../posture/config-facts.ts';
import { withoutIndex } from '../posture/dn.ts';
import type { ChangeRecord, Modification } from './change-record.ts';
import type { Argon2Settings } from './migration-settings.ts';

export interface ConfigChanges {
  apply: ChangeRecord[];
  rollback: ChangeRecord[];
  /** What the rollback cannot undo, by id (a loaded module stays loaded). */
  notUndone: NotUndone[];
}

export interface ConfigChangeInput {
  facts: ConfigFacts;
  policyDn: string;
  argon2: Argon2Settings;
  /** Password attributes the ACL must hide (sambaNTPassword only when the schema has it). */
  passwordAttributes: string[];
}

export function hidingAcl(passwordAttributes: string[]): string {
  return `to attrs=${passwordAttributes.join(',')} by self =xw by anonymous auth by * none`;
}

export function configChanges(input: ConfigChangeInput): ConfigChanges {
  const { facts, policyDn, argon2 } = input;
  const database = facts.database;
  if (!database) throw new Error('configChanges: no database holds the accounts');
  const apply: ChangeRecord[] = [];
  const rollback: ChangeRecord[] = [];
  const notUndone: NotUndone[] = [];

  const loads: string[] = [];
  if (!facts.argon2Loaded) loads.push(`argon2 m=${argon2.memoryKiB} t=${argon2.timeCost} p=${argon2.parallelism}`);
  if (!facts.ppolicyLoaded) loads.push('ppolicy');
  if (loads.length > 0) {
    const list = facts.moduleLists[0];
    if (list) {
      apply.push({ dn: list.dn, change: 'modify', mods: [{ op: 'add', attribute: 'olcModuleLoad', values: loads }],
        note: { id: 'load-modules', modules: loads.map((l) => l.split(' ')[0]!) } });
    } else {
      apply.push({ dn: 'cn=module,cn=config', change: 'add', note: { id: 'add-module-list' },
        attributes: [{ attribute: 'objectClass', values: ['olcModuleList'] }, { attribute: 'cn', values: ['module'] },
          { attribute: 'olcModuleLoad', values: loads }] });
    }
    notUndone.push({ id: 'modules-stay-loaded', modules: loads.map((l) => l.split(' ')[0]!) });
  }

  apply.push({ dn: facts.frontendDn, change: 'modify', note: { id: 'store-argon2' },
    mods: [{ op: 'replace', attribute: 'olcPasswordHash', values: ['{ARGON2}'] }] });
  rollback.push({ dn: facts.frontendDn, change: 'modify', note: { id: 'restore-hash-scheme' },
    mods: [facts.passwordHash.length > 0
      ? { op: 'replace', attribute: 'olcPasswordHash', values: facts.passwordHash }
      : { op: 'delete', attribute: 'olcPasswordHash', values: [] }] });

  const ppolicy = database.ppolicy;
  if (!ppolicy) {
    apply.push({ dn: `olcOverlay=ppolicy,${database.dn}`, change: 'add',
      note: { id: 'add-ppolicy-overlay' },
      attributes: [
        { attribute: 'objectClass', values: ['olcOverlayConfig', 'olcPPolicyConfig'] },
        { attribute: 'olcOverlay', values: ['ppolicy'] },
        { attribute: 'olcPPolicyDefault', values: [policyDn] },
        { attribute: 'olcPPolicyHashCleartext', values: ['TRUE'] },
      ] });
    rollback.push({ dn: `olcOverlay={${database.overlayCount}}ppolicy,${database.dn}`, change: 'delete', note: { id: 'remove-ppolicy-overlay' } });
  } else {
    const mods: Modification[] = [{ op: 'replace', attribute: 'olcPPolicyHashCleartext', values: ['TRUE'] }];
    const undo: Modification[] = [restore('olcPPolicyHashCleartext', ppolicy.values)];
    if (!ppolicy.defaultPolicy) {
      mods.push({ op: 'replace', attribute: 'olcPPolicyDefault', values: [policyDn] });
      undo.push({ op: 'delete', attribute: 'olcPPolicyDefault', values: [] });
    }
    apply.push({ dn: ppolicy.dn, change: 'modify', mods, note: { id: 'hash-cleartext' } });
    rollback.push({ dn: ppolicy.dn, change: 'modify', mods: undo, note: { id: 'restore-ppolicy' } });
  }

  if (!alreadyHidden(database.access, input.passwordAttributes)) {
    apply.push({ dn: database.dn, change: 'modify', note: { id: 'hide-hashes' },
    mods: [{ op: 'add', attribute: 'olcAccess', values: [`{0}${hidingAcl(input.passwordAttributes)}`] }] });
  rollback.push({ dn: database.dn, change: 'modify', note: { id: 'restore-acl' },
    mods: [database.access.length > 0
      ? { op: 'replace', attribute: 'olcAccess', values: database.access }
      : { op: 'delete', attribute: 'olcAccess', values: [] }] });
  }

  // Undo in the reverse order: the ACL first, the storage scheme last.
  rollback.reverse();
  return { apply, rollback, notUndone };
}

function restore(attribute: string, values: Record<string, string[]>): Modification {
  const old = values[attribute.toLowerCase()] ?? [];
  return old.length > 0 ? { op: 'replace', attribute, values: old } : { op: 'delete', attribute, values: [] };
}

/** True when an olcAccess value already hides the password attributes as the plan would. */
export function alreadyHidden(access: string[], passwordAttributes: string[]): boolean {
  const wanted = hidingAcl(passwordAttributes).toLowerCase();
  return access.some((a) => withoutIndex(a).trim().toLowerCase() === wanted);
}
