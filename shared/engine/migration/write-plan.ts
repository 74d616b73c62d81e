// `vigie plan`'s second half: the plan built by plan-migration.ts, said in a language through the plan catalogue
// (contract/plan-messages*.ts; French by default) and written to its folder. The folder is new or empty (0700);
// every file holding a passphrase, a hash or a list of weak accounts is readable by its owner only (0600).
// Nothing is written to the directory here; `vigie apply` does that, on the DSI's command.
import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { csvField } from '../../contract/csv.ts';
import { shapeLabel } from '../../contract/pattern-labels.ts';
import { planMessages, type LdifFileId, type PlanMessages } from '../../contract/plan-messages.ts';
import { VigieError } from '../errors.ts';
import type { ForcedRenewal } from './account-actions.ts';
import type { IssuedPassphrase } from './account-changes.ts';
import type { ChangeRecord } from './change-record.ts';
import { classLetters, letterFileName, lettersByClass } from './letters.ts';
import { writeLdif } from './ldif-write.ts';
import { OWASP_ARGON2 } from './migration-settings.ts';
import { FORCED_RENEWAL_FILE, planBlocks, targetVersions, toHtml, toMarkdown } from './plan-document.ts';
import { checkArgon2, planMigration, planSettings, stopIfCancelled, type MigrationPlan, type PlanTarget } from './plan-migration.ts';
import type { PlanStep } from './plan-steps.ts';
import { readPlanReport, type PlanReport } from './report-input.ts';

export type { PlanTarget } from './plan-migration.ts';

export interface PlanRequest extends PlanTarget {
  /** The JSON report written by `vigie scan --json`. */
  report: string;
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
 * The plan writer `vigie plan` and the app both call: the settings checked and the folder claimed before the
 * directory is read (a refusal leaves nothing behind), then the plan built and written in `request.language`.
 * The report is one already checked by `readPlanReport` or `planReportOf`. A plan that fails or is cancelled
 * (`request.signal`) half-way leaves no file: a config change without its rollback must not wait to be applied.
 */
export async function writePlanFromReport(report: PlanReport, request: PlanTarget): Promise<PlanResult> {
  planSettings(report, request);
  const created = await emptyFolder(request.out);
  const written: string[] = [];
  try {
    const plan = await planMigration(report, request);
    return await writePlanFiles(plan, request.out, planMessages(request.language), request.signal, written);
  } catch (e) {
    await removeWritten(request.out, written, created);
    throw e;
  }
}

/**
 * Writes a plan's files into `out`, an empty folder, in the language of `m`; what was written, by name (also into
 * `written` as it goes, for the caller to remove on failure). Stops before the next file once `signal` is aborted.
 */
export async function writePlanFiles(
  plan: MigrationPlan, out: string, m: PlanMessages, signal?: AbortSignal, written: string[] = [],
): Promise<PlanResult> {
  const { config, policy, accounts, settings } = plan;
  const put = async (name: string, text: string, mode = 0o644): Promise<void> => {
    stopIfCancelled(signal);
    await writeFile(path.join(out, name), text, { mode });
    written.push(name);
  };
  const ldif = (file: LdifFileId, records: ChangeRecord[], bindDn: string, after: string[] = []): string => writeLdif(
    records.map((r) => (r.note ? { ...r, comment: m.ldif.note(r.note) } : r)),
    [`Vigie — ${m.ldif.title(file, targetVersions(settings.target))}`, m.ldif.directory(plan.url, settings.baseDn, plan.report.finishedAt),
      m.ldif.applyWith(bindDn), m.ldif.onlyOnCommand, ...after],
  );
  await put(PLAN_FILES.config, ldif('config', config.apply, plan.configDn));
  // The new passphrases' hashes (argon2id, and NT for Samba, which is enough to log on with): owner only.
  await put(PLAN_FILES.accounts, ldif('accounts', [...policy.apply, ...accounts.apply], plan.adminDn), 0o600);
  // Old hashes and new passphrases: readable by the owner only.
  await put(PLAN_FILES.rollback, ldif('rollback', [...accounts.rollback, ...policy.rollback], plan.adminDn), 0o600);
  await put(PLAN_FILES.rollbackConfig, ldif('rollback-config', config.rollback, plan.configDn, config.notUndone.map((n) => m.notUndone(n))));
  await put(PLAN_FILES.credentials, credentialsCsv(accounts.issued, m), 0o600);
  // Who must renew by force, and why: no password, but a list of weak accounts, so owner only like the rest.
  if (plan.forced.length > 0) await put(PLAN_FILES.forcedRenewal, forcedRenewalCsv(plan.forced, m), 0o600);
  const byClass = lettersByClass(accounts.issued);
  if (byClass.size > 0) await mkdir(path.join(out, PLAN_FILES.letters), { mode: 0o700 });
  for (const [className, issued] of byClass) {
    await put(path.join(PLAN_FILES.letters, letterFileName(className)), classLetters(className, issued, plan.report.location, m), 0o600);
  }

  const doc = planBlocks({
    location: plan.report.location,
    reportDate: plan.report.finishedAt.slice(0, 10),
    before: plan.report.before,
    steps: plan.steps,
    actions: plan.actions,
    forced: plan.forced,
    issued: accounts.issued.length,
    missing: accounts.missing,
    notUndone: config.notUndone,
    target: settings.target,
    argon2: settings.argon2,
    url: plan.url,
  }, m);
  await put('plan.md', toMarkdown(doc));
  await put('plan.html', toHtml(doc, m.language));
  return {
    files: written,
    steps: plan.steps,
    reset: accounts.issued.length,
    forced: plan.forced.length,
    mustChange: plan.mustChange,
    missing: accounts.missing.length,
  };
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

function credentialsCsv(issued: IssuedPassphrase[], m: PlanMessages): string {
  return [csvLine(m.csv.credentials), ...issued.map((i) => csvLine([i.login, i.classes[0] ?? '', i.passphrase]))].join('\n') + '\n';
}

/** forced-renewal.csv: who is renewed by force and why; the formula as words, never a password. */
export function forcedRenewalCsv(forced: ForcedRenewal[], m: PlanMessages): string {
  return [
    csvLine(m.csv.forcedRenewal),
    ...forced.map((f) => csvLine([f.login, f.dn, m.profile[f.profile], f.classes.join(' | '), m.csv.reason[f.reason],
      f.shape !== undefined ? shapeLabel(f.shape, m.language) : ''])),
  ].join('\n') + '\n';
}

/** A plan is never written over another: its rollback may be the only way back. True: the folder was made here. */
async function emptyFolder(dir: string): Promise<boolean> {
  try {
    const inside = await readdir(dir);
    if (inside.length > 0) throw new VigieError(`${dir} is not empty`, 'give a new folder: an earlier plan there may hold the only rollback.', { code: 'FOLDER_NOT_EMPTY', params: { file: dir } });
  } catch (e) {
    if (e instanceof VigieError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new VigieError(`cannot use ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return true;
  }
  return false;
}

/**
 * What a failed or cancelled plan wrote, removed: its files, the letters' folder, and the plan folder itself when
 * it was made for the plan. Only names the plan wrote: anything else put in the folder meanwhile stays.
 */
async function removeWritten(out: string, written: readonly string[], created: boolean): Promise<void> {
  for (const name of written) await rm(path.join(out, name), { force: true }).catch(() => {});
  // Empty once its letters are gone; absent when the plan stopped before it.
  await rmdir(path.join(out, PLAN_FILES.letters)).catch(() => {});
  if (created) await rmdir(out).catch(() => {});
}
