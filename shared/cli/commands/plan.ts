// `vigie plan`: from a scan report and the directory's current values (read-only), write a migration plan
// folder the DSI reviews and applies with `vigie apply`. Nothing is written to the directory here.
import { readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { tempNameFor, trackTemp } from '../../app/atomic-file.ts';
import { CancelledError, VigieError } from '../../engine/errors.ts';
import type { PlanReport } from '../../engine/migration/report-input.ts';
import { reportOfText } from '../../engine/report/read-report.ts';
import { writePlanFromReport, type PlanResult, type PlanTarget } from '../../engine/migration/write-plan.ts';
import { OPENLDAP_TARGETS, OWASP_ARGON2, owaspMinimumMemoryKiB, type OpenLdapTarget } from '../../engine/migration/migration-settings.ts';
import type { Credentials } from '../../engine/posture/directory-posture.ts';
import { bindPassword } from '../bind-password.ts';
import type { CliIo, Command } from '../main.ts';
import type { Lang } from '../messages.ts';
import { checkLdapUrl, choice, CONFIG_BIND_OPTIONS, credentialsFromFile, LDAP_OPTIONS } from '../source-options.ts';
import { UsageError } from '../usage-error.ts';
import { readUserText } from '../user-file.ts';

export const planCommand: Command = {
  name: 'plan',
  summary: 'write a migration plan to argon2 (LDIF, rollback, letters) from a scan report; writes nothing to the directory',
  usage: `
Usage: vigie plan --report REPORT.json --out DIR --url URL --bind-dn DN --password-file F
                  --config-bind-dn DN --config-password-file F [options]

Writes DIR/plan.md and plan.html (what to do, in what order, how to undo it), 01-config.ldif,
02-accounts.ldif, credentials.csv and lettres/*.html (temporary passphrases, mode 0600), rollback.ldif
(the old values, mode 0600) and rollback-config.ldif. Accounts that kept a password formula imposed at
creation, or share a default handed out, are renewed by force first and listed in forced-renewal.csv
(mode 0600, no password). The directory is only read, to know the values the rollback must restore.

  --report FILE            the JSON report written by vigie scan --json
  --out DIR                a new or empty folder for the plan
  --url URL                ldap:// or ldaps:// URL of the directory
  --base DN                where the accounts are (default: the report's base)
  --bind-dn DN             an account that reads userPassword and the samba hashes (usually the rootdn)
  --password-file F        its password, in a file (else VIGIE_BIND_PASSWORD, else a prompt)
  --config-bind-dn DN      an account that reads cn=config (e.g. cn=config)
  --config-password-file F its password, in a file
  --starttls, --ca-file F  as for vigie scan
  --target T               openldap-2.5 (also 2.6; default) | openldap-2.7
  --argon2-memory KIB      argon2id memory in KiB (default ${OWASP_ARGON2.memoryKiB}; OWASP's minimums are enforced)
  --argon2-time N          argon2id passes (default ${OWASP_ARGON2.timeCost})
  --argon2-parallelism N   argon2id lanes (default ${OWASP_ARGON2.parallelism})
  --lang L                 fr | en: the language of the plan's files and of this summary (default fr)

Vigie writes to a directory only through vigie apply, on your explicit command.
`,
  options: {
    report: { type: 'string' },
    out: { type: 'string' },
    base: { type: 'string' },
    ...LDAP_OPTIONS,
    ...CONFIG_BIND_OPTIONS,
    target: { type: 'string' },
    'argon2-memory': { type: 'string' },
    'argon2-time': { type: 'string' },
    'argon2-parallelism': { type: 'string' },
    lang: { type: 'string' },
  },
  async run(v, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const report = v.report as string | undefined;
    const out = v.out as string | undefined;
    if (!report) throw new UsageError('give the scan report: --report FILE');
    if (!out) throw new UsageError('give a folder for the plan: --out DIR');
    const url = ldapUrl(v.url);
    const lang = choice(v.lang, ['fr', 'en'] as const, 'lang', 'fr');
    const target = (v.target ?? 'openldap-2.5') as string;
    if (!OPENLDAP_TARGETS.includes(target as OpenLdapTarget)) throw new UsageError(`--target must be one of ${OPENLDAP_TARGETS.join(', ')} (got '${target}')`);
    const bind = await directoryCredentials(v, io);
    const config = await configCredentials(v, io, true);
    const argon2 = {
      memoryKiB: whole(v['argon2-memory'], 'argon2-memory', OWASP_ARGON2.memoryKiB),
      timeCost: whole(v['argon2-time'], 'argon2-time', OWASP_ARGON2.timeCost),
      parallelism: whole(v['argon2-parallelism'], 'argon2-parallelism', OWASP_ARGON2.parallelism),
    };
    // Settings the plan writer would refuse are said before the report is read.
    if (argon2.memoryKiB < owaspMinimumMemoryKiB(argon2.timeCost)) {
      throw new VigieError(`argon2id m=${argon2.memoryKiB} KiB with t=${argon2.timeCost} is below OWASP's minimum (${owaspMinimumMemoryKiB(argon2.timeCost)} KiB)`,
        'raise --argon2-memory or --argon2-time.');
    }
    const planReport = await readPlanReportFile(report, io.signal);
    const result = await writePlanFolder(planReport, {
      out, url, bind, config: config!,
      ...(v.base !== undefined ? { baseDn: String(v.base) } : {}),
      ...(v.starttls === true ? { startTls: true } : {}),
      ...(v['ca-file'] !== undefined ? { caFile: String(v['ca-file']) } : {}),
      target: target as OpenLdapTarget,
      argon2,
      language: lang,
    }, io.signal);
    io.stdout.write(WRITTEN[lang](out, result));
    return 0;
  },
};

/** What `vigie plan` says once the plan is written, in the plan's language. */
const WRITTEN: Record<Lang, (out: string, r: PlanResult) => string> = {
  fr: (out, r) => {
    const last = r.steps[r.steps.length - 1];
    return `Plan écrit dans ${out} : ${r.reset} compte(s) à réinitialiser` +
      `${r.forced > 0 ? ` (dont ${r.forced} en renouvellement forcé : formule imposée ou mot de passe par défaut, voir forced-renewal.csv)` : ''}` +
      `, ${r.mustChange} compte(s) à faire changer de mot de passe` +
      `${r.missing > 0 ? `, ${r.missing} compte(s) du rapport absents de l'annuaire` : ''}.\n` +
      `${last ? `Note attendue une fois tout appliqué : ${last.grade} (${last.score}/100).\n` : ''}` +
      `Lisez ${out}/plan.md, puis : vigie apply ${out} --dry-run (rien n'est écrit sans votre commande).\n`;
  },
  en: (out, r) => {
    const last = r.steps[r.steps.length - 1];
    return `Plan written to ${out}: ${r.reset} account(s) to reset` +
      `${r.forced > 0 ? ` (of which ${r.forced} renewed by force: an imposed formula or a default password, see forced-renewal.csv)` : ''}` +
      `, ${r.mustChange} account(s) to have their password changed` +
      `${r.missing > 0 ? `, ${r.missing} account(s) of the report no longer in the directory` : ''}.\n` +
      `${last ? `Expected grade once everything is applied: ${last.grade} (${last.score}/100).\n` : ''}` +
      `Read ${out}/plan.md, then: vigie apply ${out} --dry-run (nothing is written without your command).\n`;
  },
};

/** The report `vigie plan` starts from, read so that Ctrl-C gets through (a FIFO nobody writes to, say). */
async function readPlanReportFile(file: string, signal: AbortSignal): Promise<PlanReport> {
  let text: string;
  try {
    text = await readUserText(file, signal);
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    throw new VigieError(`cannot read the report ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return reportOfText(text, file);
}

/**
 * The plan is written whole or not at all: into a hidden folder beside `out`, renamed to `out` once every file is
 * there. Ctrl-C (or an error) on the way leaves `out` as it was and no temp folder behind.
 */
async function writePlanFolder(report: PlanReport, target: PlanTarget, signal: AbortSignal): Promise<PlanResult> {
  const out = target.out;
  let existing: string[] | undefined;
  try {
    existing = await readdir(out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new VigieError(`cannot use ${out} (${code ?? 'error'})`);
  }
  if (existing && existing.length > 0) throw new VigieError(`${out} is not empty`, 'give a new folder: an earlier plan there may hold the only rollback.');
  const tmp = tempNameFor(path.resolve(out));
  const done = trackTemp(tmp, out);
  try {
    const result = await writePlanFromReport(report, { ...target, out: tmp });
    if (signal.aborted) throw new CancelledError();
    try {
      // An empty folder the user made for the plan is replaced by the plan's (rename does it at once where it can).
      if (existing) await rename(tmp, out).catch(async () => {
        await rmdir(out);
        await rename(tmp, out);
      });
      else await rename(tmp, out);
    } catch (e) {
      throw new VigieError(`cannot write the plan to ${out} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    return result;
  } finally {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    done();
  }
}

export function ldapUrl(value: unknown): string {
  const url = value as string | undefined;
  if (!url) throw new UsageError('give the directory: --url URL');
  checkLdapUrl(url);
  return url;
}

export async function directoryCredentials(v: Record<string, unknown>, io: CliIo): Promise<Credentials> {
  const dn = v['bind-dn'] as string | undefined;
  if (!dn) throw new UsageError('give the directory administrator: --bind-dn DN (and --password-file F)');
  const password = await bindPassword({
    ...(v['password-file'] !== undefined ? { file: String(v['password-file']) } : {}),
    env: io.env, stdin: io.stdin, stderr: io.stderr, signal: io.signal,
  });
  return { dn, password };
}

export async function configCredentials(v: Record<string, unknown>, io: CliIo, required: boolean): Promise<Credentials | undefined> {
  const config = await credentialsFromFile(v, io, 'config-bind-dn', 'config-password-file');
  if (!config && required) throw new UsageError('give an account that reads cn=config: --config-bind-dn DN --config-password-file F');
  return config;
}

function whole(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive whole number (got '${String(value)}')`);
  return n;
}
