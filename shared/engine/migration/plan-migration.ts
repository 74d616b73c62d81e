// `vigie plan`'s first half, which writes no file: check the settings, read the directory (cn=config and the
// accounts' current values, read-only) and build the plan — the LDIF change records and their undo, the new
// passphrases, the steps — by ids and parameters. The second half, write-plan.ts, says it in a language and
// writes the folder. Nothing is written to the directory here; `vigie apply` does that, on the DSI's command.
import type { Grade } from '../../contract/codes.ts';
import { connectDirectory, type DirectoryConnection, type LdapSourceOptions } from '../directory/ldap/read-ldap.ts';
import { LdapError } from '../directory/ldap/ldap-error.ts';
import type { DirectoryEntry } from '../directory/model.ts';
import { CancelledError, VigieError } from '../errors.ts';
import { readConfigFacts } from '../posture/config-facts.ts';
import type { Credentials } from '../posture/directory-posture.ts';
import { normaliseDn } from '../posture/dn.ts';
import { accountActions, forcedRenewals, type AccountAction, type ForcedRenewal } from './account-actions.ts';
import { accountChanges, type AccountChanges } from './account-changes.ts';
import type { ChangeRecord } from './change-record.ts';
import { configChanges, type ConfigChanges } from './config-changes.ts';
import { OWASP_ARGON2, owaspMinimumMemoryKiB, type Argon2Settings, type OpenLdapTarget } from './migration-settings.ts';
import { planSteps, type PlanStep } from './plan-steps.ts';
import { policyChanges } from './policy-changes.ts';
import type { PlanReport } from './report-input.ts';

/** Where and how a plan is made, whatever the report came from (a file for the CLI, the app's history). */
export interface PlanTarget {
  out: string;
  url: string;
  /** Default: the report's base DN. */
  baseDn?: string;
  /** Must read userPassword, sambaNTPassword, sambaLMPassword and pwdReset (usually the rootdn). */
  bind: Credentials;
  /** Must read cn=config. */
  config: Credentials;
  startTls?: boolean;
  caFile?: string;
  target?: OpenLdapTarget;
  argon2?: Argon2Settings;
  /** The language the plan's files are written in (write-plan.ts); default French. */
  language?: 'fr' | 'en';
  /**
   * Aborted (the app's job runner: cancel, host shutdown): the plan stops at its next step — a directory entry
   * read, a file about to be written — with CancelledError, and write-plan.ts removes what it had written.
   */
  signal?: AbortSignal;
}

/** Throws CancelledError once `signal` is aborted: the plan's steps call it between their pieces of work. */
export function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError('Migration plan cancelled.');
}

/** The settings a plan is made with, checked: OWASP's argon2 minimums, a base DN. */
export interface PlanSettings {
  target: OpenLdapTarget;
  argon2: Argon2Settings;
  baseDn: string;
}

/** A migration plan before it is written: what each file will hold, by ids and parameters. Holds the new passphrases. */
export interface MigrationPlan {
  settings: PlanSettings;
  url: string;
  /** Who applies 01-config.ldif (its header names it), and 02-accounts.ldif. */
  configDn: string;
  adminDn: string;
  report: { location: string; finishedAt: string; before: { score: number; grade: Grade } };
  config: ConfigChanges;
  policy: { apply: ChangeRecord[]; rollback: ChangeRecord[] };
  accounts: AccountChanges;
  /** The accounts the plan changes (those of the report still in the directory), in the plan's order. */
  actions: AccountAction[];
  forced: ForcedRenewal[];
  steps: PlanStep[];
  /** Accounts given pwdReset only (their password kept until they change it). */
  mustChange: number;
}

/** The plan's settings, checked before anything is read: a refusal here leaves the folder untouched. */
export function planSettings(report: PlanReport, request: PlanTarget): PlanSettings {
  const argon2 = request.argon2 ?? OWASP_ARGON2;
  checkArgon2(argon2);
  const baseDn = request.baseDn ?? report.source.baseDn;
  if (!baseDn) throw new VigieError('the report names no base DN (it was made from an LDIF file)', 'give --base DN.');
  return { target: request.target ?? 'openldap-2.5', argon2, baseDn };
}

/**
 * The plan `vigie plan` and the app both write: reads the directory (cn=config and the accounts' current values,
 * read-only) and builds every change. The report is one already checked by `readPlanReport` or `planReportOf`.
 */
export async function planMigration(report: PlanReport, request: PlanTarget): Promise<MigrationPlan> {
  const settings = planSettings(report, request);
  const { baseDn, argon2, target } = settings;
  const actions = accountActions(report);
  const connection = (who: Credentials): Promise<DirectoryConnection> => connectDirectory({
    url: request.url, bindDn: who.dn, password: who.password, operationalAttributes: true,
    ...(request.startTls ? { startTls: true } : {}), ...(request.caFile ? { caFile: request.caFile } : {}),
  } satisfies LdapSourceOptions);

  stopIfCancelled(request.signal);
  const configConnection = await connection(request.config);
  let facts;
  try {
    facts = await readConfigFacts(configConnection, baseDn);
  } finally {
    await configConnection.close();
  }
  if (!facts.database) throw new VigieError(`cn=config holds no database for ${baseDn}`, 'check --base and that the config bind reads cn=config.');
  const suffix = facts.database.suffixes.find((s) => normaliseDn(baseDn).endsWith(normaliseDn(s))) ?? baseDn;
  const policyDn = facts.database.ppolicy?.defaultPolicy ?? `cn=default,ou=policies,${suffix}`;

  const main = await connection(request.bind);
  let current: Map<string, DirectoryEntry>;
  let existingPolicy: DirectoryEntry | undefined;
  let parentExists: boolean;
  try {
    const wanted = new Set(actions.map((a) => normaliseDn(a.account.dn)));
    current = new Map();
    for await (const entry of main.entries(baseDn)) {
      stopIfCancelled(request.signal);
      const key = normaliseDn(entry.dn);
      if (wanted.has(key)) current.set(key, entry);
    }
    existingPolicy = await entryAt(main, policyDn);
    parentExists = existingPolicy !== undefined || (await entryAt(main, policyDn.slice(policyDn.indexOf(',') + 1))) !== undefined;
  } finally {
    await main.close();
  }

  const hasSamba = [...current.values()].some((e) => e.bytes.has('sambantpassword') || e.bytes.has('sambalmpassword'))
    || report.accounts.some((a) => a.storedSchemes.some((s) => s.attribute.toLowerCase().startsWith('samba')));
  const passwordAttributes = hasSamba ? ['userPassword', 'sambaNTPassword', 'sambaLMPassword'] : ['userPassword'];

  const config = configChanges({ facts, policyDn, argon2, passwordAttributes });
  const policy = policyChanges({ policyDn, ...(existingPolicy ? { existing: existingPolicy } : {}), createParent: !parentExists, target });
  const accounts = await accountChanges(actions, current, argon2);
  const kept = actions.filter((a) => !accounts.missing.includes(a.account.dn));
  const steps = planSteps(report, kept, (dn) => current.get(normaliseDn(dn))?.bytes.has('sambantpassword') ?? false);
  return {
    settings,
    url: request.url,
    configDn: request.config.dn,
    adminDn: request.bind.dn,
    report: { location: report.source.location, finishedAt: report.finishedAt, before: { score: report.summary.score, grade: report.summary.grade } },
    config,
    policy,
    accounts,
    actions: kept,
    forced: forcedRenewals(report, kept),
    steps,
    mustChange: kept.filter((a) => a.kind === 'must-change').length,
  };
}

export function checkArgon2(a: Argon2Settings): void {
  for (const [name, v] of Object.entries(a)) {
    if (!Number.isInteger(v) || v < 1) throw new VigieError(`argon2 ${name} must be a positive whole number, not ${v}`);
  }
  if (a.memoryKiB < owaspMinimumMemoryKiB(a.timeCost)) {
    throw new VigieError(`argon2id m=${a.memoryKiB} KiB with t=${a.timeCost} is below OWASP's minimum (${owaspMinimumMemoryKiB(a.timeCost)} KiB)`,
      'raise --argon2-memory or --argon2-time.');
  }
}

async function entryAt(connection: DirectoryConnection, dn: string): Promise<DirectoryEntry | undefined> {
  try {
    return (await connection.lookup(dn, { scope: 'base', attributes: ['*', '+'] }))[0];
  } catch (e) {
    if (e instanceof LdapError && e.kind === 'no-such-base') return undefined;
    throw e;
  }
}
