// `vigie plan`: read the report and the directory's current values (read-only), then write the plan folder.
// Nothing is written to the directory here; `vigie apply` does that, on the DSI's command.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { connectDirectory, type DirectoryConnection, type LdapSourceOptions } from '../directory/ldap/read-ldap.ts';
import { LdapError } from '../directory/ldap/ldap-error.ts';
import type { DirectoryEntry } from '../directory/model.ts';
import { VigieError } from '../errors.ts';
import { readConfigFacts } from '../posture/config-facts.ts';
import type { Credentials } from '../posture/directory-posture.ts';
import { normaliseDn } from '../posture/dn.ts';
import { accountActions, forcedRenewals, type ForcedRenewal } from './account-actions.ts';
import { accountChanges } from './account-changes.ts';
import type { ChangeRecord } from './change-record.ts';
import { configChanges } from './config-changes.ts';
import { classLetters, letterFileName, lettersByClass } from './letters.ts';
import { writeLdif } from './ldif-write.ts';
import { OWASP_ARGON2, owaspMinimumMemoryKiB, type Argon2Settings, type OpenLdapTarget } from './migration-settings.ts';
import { FORCED_RENEWAL_FILE, planBlocks, PROFILE_FR, toHtml, toMarkdown } from './plan-document.ts';
import { planSteps, type PlanStep } from './plan-steps.ts';
import { policyChanges } from './policy-changes.ts';
import { readPlanReport, type PlanReport } from './report-input.ts';
import { csvField } from '../../contract/csv.ts';

export interface PlanRequest extends PlanTarget {
  /** The JSON report written by `vigie scan --json`. */
  report: string;
}

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
}

export interface PlanResult {
  files: string[];
  steps: PlanStep[];
  reset: number;
  /** Of the reset accounts, those renewed by force: the imposed formula or a shared default (issue #12). */
  forced: number;
  mustChange: number;
  missing: number;
}

export const PLAN_FILES = {
  config: '01-config.ldif',
  accounts: '02-accounts.ldif',
  rollback: 'rollback.ldif',
  rollbackConfig: 'rollback-config.ldif',
  credentials: 'credentials.csv',
  forcedRenewal: FORCED_RENEWAL_FILE,
  letters: 'lettres',
} as const;

/** `vigie plan`: the report read from its file, then the one plan writer below. */
export async function writePlan(request: PlanRequest): Promise<PlanResult> {
  checkArgon2(request.argon2 ?? OWASP_ARGON2);
  return writePlanFromReport(await readPlanReport(request.report), request);
}

/**
 * The plan writer `vigie plan` and the app both call: reads the directory (cn=config and the accounts' current
 * values, read-only) and writes the plan folder. The report is one already checked by `readPlanReport` or `planReportOf`.
 */
export async function writePlanFromReport(report: PlanReport, request: PlanTarget): Promise<PlanResult> {
  const target = request.target ?? 'openldap-2.5';
  const argon2 = request.argon2 ?? OWASP_ARGON2;
  checkArgon2(argon2);
  const baseDn = request.baseDn ?? report.source.baseDn;
  if (!baseDn) throw new VigieError('the report names no base DN (it was made from an LDIF file)', 'give --base DN.');
  await emptyFolder(request.out);

  const actions = accountActions(report);
  const connection = (who: Credentials): Promise<DirectoryConnection> => connectDirectory({
    url: request.url, bindDn: who.dn, password: who.password, operationalAttributes: true,
    ...(request.startTls ? { startTls: true } : {}), ...(request.caFile ? { caFile: request.caFile } : {}),
  } satisfies LdapSourceOptions);

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
  const steps = planSteps(report, actions.filter((a) => !accounts.missing.includes(a.account.dn)),
    (dn) => current.get(normaliseDn(dn))?.bytes.has('sambantpassword') ?? false);

  const out = request.out;
  const written: string[] = [];
  const put = async (name: string, text: string, mode = 0o644): Promise<void> => {
    await writeFile(path.join(out, name), text, { mode });
    written.push(name);
  };
  const header = (what: string, bind: string): string[] => [
    `Vigie — ${what}`,
    `Annuaire : ${request.url} (${baseDn}) ; analyse du ${report.finishedAt}.`,
    `À appliquer avec : vigie apply <dossier>, ou ldapmodify -H <url> -D ${bind} -y <fichier du mot de passe> -f <ce fichier>.`,
    'Vigie n\'écrit dans l\'annuaire que sur votre commande.',
  ];
  const adminDn = request.bind.dn;
  await put(PLAN_FILES.config, ldif(config.apply, header(`étape 1 : configuration de slapd (cn=config), OpenLDAP ${target === 'openldap-2.7' ? '2.7' : '2.5/2.6'}`, request.config.dn)));
  // The new passphrases' hashes (argon2id, and NT for Samba, which is enough to log on with): owner only.
  await put(PLAN_FILES.accounts, ldif([...policy.apply, ...accounts.apply], header('étape 2 : politique de mots de passe et comptes', adminDn)), 0o600);
  // Old hashes and new passphrases: readable by the owner only.
  await put(PLAN_FILES.rollback, ldif([...accounts.rollback, ...policy.rollback], header('retour arrière, étape 2 : comptes et politique, valeurs exactes d\'avant le plan (fichier sensible)', adminDn)), 0o600);
  await put(PLAN_FILES.rollbackConfig, ldif(config.rollback, [...header('retour arrière, étape 1 : configuration de slapd', request.config.dn), ...config.notUndone.map((n) => `Non annulé : ${n}.`)]));
  await put(PLAN_FILES.credentials, credentialsCsv(accounts.issued), 0o600);
  const kept = actions.filter((a) => !accounts.missing.includes(a.account.dn));
  const forced = forcedRenewals(report, kept);
  // Who must renew by force, and why: no password, but a list of weak accounts, so owner only like the rest.
  if (forced.length > 0) await put(PLAN_FILES.forcedRenewal, forcedRenewalCsv(forced), 0o600);
  const byClass = lettersByClass(accounts.issued);
  if (byClass.size > 0) await mkdir(path.join(out, PLAN_FILES.letters), { mode: 0o700 });
  for (const [className, issued] of byClass) {
    await put(path.join(PLAN_FILES.letters, letterFileName(className)), classLetters(className, issued, report.source.location), 0o600);
  }

  const doc = planBlocks({
    location: report.source.location,
    reportDate: report.finishedAt.slice(0, 10),
    before: { score: report.summary.score, grade: report.summary.grade },
    steps,
    actions: kept,
    forced,
    issued: accounts.issued.length,
    missing: accounts.missing,
    notUndone: config.notUndone,
    target,
    argon2: `argon2id m=${argon2.memoryKiB} Kio, t=${argon2.timeCost}, p=${argon2.parallelism}`,
    url: request.url,
  });
  await put('plan.md', toMarkdown(doc));
  await put('plan.html', toHtml(doc));
  return {
    files: written,
    steps,
    reset: accounts.issued.length,
    forced: forced.length,
    mustChange: actions.filter((a) => a.kind === 'must-change').length - accounts.missing.filter((dn) => actions.some((a) => a.account.dn === dn && a.kind === 'must-change')).length,
    missing: accounts.missing.length,
  };
}

function ldif(records: ChangeRecord[], header: string[]): string {
  return writeLdif(records, header);
}

/**
 * One CSV line of the plan's files, each field through the one CSV writer (contract/csv.ts: the formula guard and
 * RFC 4180 quoting); a ';' is quoted too, so a French spreadsheet that splits on it keeps the field whole.
 */
export function csvLine(values: readonly string[]): string {
  return values.map((value) => {
    const field = csvField(value, ',');
    return !field.startsWith('"') && field.includes(';') ? `"${field}"` : field;
  }).join(',');
}

function credentialsCsv(issued: { login: string; classes: string[]; passphrase: string }[]): string {
  return [csvLine(['identifiant', 'classe', 'phrase_de_passe_temporaire']), ...issued.map((i) => csvLine([i.login, i.classes[0] ?? '', i.passphrase]))].join('\n') + '\n';
}

const FORCED_REASON_FR: Record<ForcedRenewal['reason'], string> = {
  'imposed-scheme': 'formule imposée à la création du compte',
  'likely-default': 'mot de passe par défaut partagé',
};

/** forced-renewal.csv: who is renewed by force and why; the formula as words, never a password. */
export function forcedRenewalCsv(forced: ForcedRenewal[]): string {
  return [
    csvLine(['identifiant', 'dn', 'profil', 'classe', 'raison', 'formule']),
    ...forced.map((f) => csvLine([f.login, f.dn, PROFILE_FR[f.profile], f.classes.join(' | '), FORCED_REASON_FR[f.reason], f.formula ?? ''])),
  ].join('\n') + '\n';
}

function checkArgon2(a: Argon2Settings): void {
  for (const [name, v] of Object.entries(a)) {
    if (!Number.isInteger(v) || v < 1) throw new VigieError(`argon2 ${name} must be a positive whole number, not ${v}`);
  }
  if (a.memoryKiB < owaspMinimumMemoryKiB(a.timeCost)) {
    throw new VigieError(`argon2id m=${a.memoryKiB} KiB with t=${a.timeCost} is below OWASP's minimum (${owaspMinimumMemoryKiB(a.timeCost)} KiB)`,
      'raise --argon2-memory or --argon2-time.');
  }
}

/** A plan is never written over another: its rollback may be the only way back. */
async function emptyFolder(dir: string): Promise<void> {
  try {
    const inside = await readdir(dir);
    if (inside.length > 0) throw new VigieError(`${dir} is not empty`, 'give a new folder: an earlier plan there may hold the only rollback.', { code: 'FOLDER_NOT_EMPTY', params: { file: dir } });
  } catch (e) {
    if (e instanceof VigieError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new VigieError(`cannot use ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

async function entryAt(connection: DirectoryConnection, dn: string): Promise<DirectoryEntry | undefined> {
  try {
    return (await connection.lookup(dn, { scope: 'base', attributes: ['*', '+'] }))[0];
  } catch (e) {
    if (e instanceof LdapError && e.kind === 'no-such-base') return undefined;
    throw e;
  }
}
