// `vigie scan`: read a directory (LDAP or LDIF), audit it, print a summary and write the JSON report.
import { rename, rm } from 'node:fs/promises';
import { DEPTHS, FLAVOURS } from '../../contract/codes.ts';
import type { ScanReport } from '../../contract/report.ts';
import type { PostureOptions } from '../../engine/posture/directory-posture.ts';
import { tempNameFor, trackTemp } from '../../app/atomic-file.ts';
import { defaultDataDir } from '../../app/data-dir.ts';
import { buildScanRequest, DEFAULT_DEPTH } from '../../app/scan-request.ts';
import { runScan, type ScanRequest } from '../../engine/scan.ts';
import type { CliIo, Command } from '../main.ts';
import type { Lang } from '../messages.ts';
import { progressReporter } from '../progress.ts';
import { formatComparison, formatSummary, inputProblemLines } from '../summary.ts';
import { readReportFile } from '../report-file.ts';
import { writeReportJson } from '../../engine/report/report-json.ts';
import { choice, CONFIG_BIND_OPTIONS, LDAP_SOURCE_HELP, credentialsFromFile, parseReaderHints, parseSource, READER_OPTIONS, SOURCE_OPTIONS } from '../source-options.ts';
import { UsageError } from '../usage-error.ts';
import { CancelledError, VigieError } from '../../engine/errors.ts';

export const scanCommand: Command = {
  name: 'scan',
  summary: 'audit a directory (LDAP or LDIF export) and report weak or badly stored passwords',
  usage: `
Usage: vigie scan (--ldif FILE | --url URL --base DN [--bind-dn DN] [--password-file F]) [options]

Source (one of):
  --ldif FILE            an LDIF export (slapcat, ldapsearch -LLL)
${LDAP_SOURCE_HELP}
    --probe-dn DN        an ordinary account: can users read other accounts' hashes? (posture check)
    --probe-password-file F   its password, in a file
    --config-bind-dn DN  an account that may read cn=config (password storage, ppolicy settings)
    --config-password-file F  its password, in a file

Options:
  --flavour F            sdet | scribe | se3 | samba3 | inetorgperson (detected when absent)
  --birth-attr ATTR      inetorgperson: attribute holding the birth date
  --birth-format FMT     its format, e.g. YYYYMMDD, DD/MM/YYYY, YYYY-MM-DD
  --school TEXT          a word about the school the directory does not hold (name, town…); repeatable
  --depth D              quick | standard | deep (default standard)
  --json FILE            write the full report (schemaVersion 2) to FILE
  --compare FILE         an earlier report of the same directory: print what changed (before / after a plan)
  --lang L               fr | en for the summary (default fr)
  --workers N            worker threads (default: one per core)
  --quiet                no progress on stderr
  --breach-index DIR     the breached-password index (vigie breached import); default: in the app-data folder

Vigie never writes to the directory and never tries a password by binding; a recovered password is
never shown: the report names its pattern ("nom + date de naissance").
`,
  options: {
    ...SOURCE_OPTIONS,
    ...READER_OPTIONS,
    'probe-dn': { type: 'string' },
    'probe-password-file': { type: 'string' },
    ...CONFIG_BIND_OPTIONS,
    flavour: { type: 'string' },
    depth: { type: 'string' },
    json: { type: 'string' },
    compare: { type: 'string' },
    lang: { type: 'string' },
    workers: { type: 'string' },
    quiet: { type: 'boolean' },
    'breach-index': { type: 'string' },
  },
  async run(v, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const request = await scanRequestFromOptions(v, io);
    return scanAndReport(request, {
      json: v.json as string | undefined,
      lang: choice(v.lang, ['fr', 'en'] as const, 'lang', 'fr'),
      quiet: v.quiet === true,
      ...(v.compare !== undefined ? { compare: String(v.compare) } : {}),
    }, io);
  },
};

/**
 * `vigie scan`'s options as a scan request, through the builder the app uses too (shared/app/scan-request.ts):
 * the same posture checks and defaults whichever way a scan is started.
 */
export async function scanRequestFromOptions(v: Record<string, unknown>, io: CliIo): Promise<ScanRequest> {
  // Plain option errors before any password prompt.
  const depth = choice(v.depth, DEPTHS, 'depth', DEFAULT_DEPTH);
  const flavour = choice(v.flavour, FLAVOURS, 'flavour');
  const workers = v.workers !== undefined ? positiveInt(v.workers, 'workers') : undefined;
  const source = await parseSource(v, io, { ldapOnly: POSTURE_OPTIONS });
  return buildScanRequest({
    source,
    depth,
    flavour,
    ...parseReaderHints(v),
    ...(source.kind === 'ldap' ? await postureOptions(v, io) : {}),
    dataDir: defaultDataDir(io.env),
    ...(v['breach-index'] !== undefined ? { breachIndexDir: String(v['breach-index']) } : {}),
    workers,
  });
}

export interface ReportOutput {
  json?: string | undefined;
  lang: Lang;
  quiet: boolean;
  /** An earlier report to compare with (read before the scan, so a bad file fails at once). */
  compare?: string;
}

/** Runs a scan with progress on stderr, then prints the summary and writes the report. Shared by `demo`. */
export async function scanAndReport(request: ScanRequest, out: ReportOutput, io: CliIo): Promise<number> {
  const before = out.compare !== undefined ? await readReportFile(out.compare, io.signal) : null;
  const progress = out.quiet ? null : progressReporter(io.stderr, out.lang);
  let report: ScanReport;
  try {
    report = await runScan(request, { signal: io.signal, ...(progress ? { onProgress: (p) => progress.update(p) } : {}) });
  } finally {
    progress?.done();
  }
  // Issue #15 §2: a source without a single account is not a directory with nothing wrong in it.
  if (report.summary.accounts === 0 && !report.partial) {
    const where = report.source.kind === 'ldif' ? report.source.location : `${report.source.location} (base ${report.source.baseDn ?? ''})`;
    throw new VigieError(`no account in ${where}: nothing to audit`, report.source.kind === 'ldif'
      ? 'give an export of the people entries, written by slapcat or ldapsearch -LLL'
      : 'check the base DN, and bind with an account allowed to read the people entries and userPassword');
  }
  // Issue #15 §4: what was wrong in the input, one line each (a line or a DN, never a value), then the rest counted.
  for (const line of inputProblemLines(report, out.lang)) io.stderr.write(`vigie: ${line}\n`);
  if (report.summary.graded === false) {
    io.stderr.write(out.lang === 'fr'
      ? 'vigie: non évaluable : aucune empreinte de mot de passe lisible, rien n’a été vérifié\n'
      : 'vigie: not graded: no readable password hash, nothing was checked\n');
  }
  if (out.json) await writeReport(out.json, report, io.signal);
  io.stdout.write(formatSummary(report, out.lang));
  if (before) io.stdout.write(`\n${formatComparison(before, report, out.lang)}`);
  if (report.source.breachIndex?.present === false) {
    io.stdout.write(out.lang === 'fr'
      ? '\nMots de passe divulgués : non vérifiés (aucun index ; vigie breached import pour en créer un).\n'
      : '\nBreached passwords: not checked (no index; vigie breached import makes one).\n');
  }
  if (out.json) io.stdout.write(`\n${out.lang === 'fr' ? 'Rapport complet' : 'Full report'} : ${out.json}\n`);
  if (report.partial) {
    // What was read is audited and reported; the exit code still says the scan is incomplete.
    io.stderr.write(`vigie: partial report: ${report.partialReason ?? 'the scan stopped early'}\n`);
    return 1;
  }
  return 0;
}

const POSTURE_OPTIONS = ['probe-dn', 'probe-password-file', 'config-bind-dn', 'config-password-file'];

/** The posture checks' extra accounts (issue #4 §1); their passwords come from files only. */
export async function postureOptions(v: Record<string, unknown>, io: CliIo): Promise<PostureOptions> {
  const posture: PostureOptions = {};
  const probe = await credentialsFromFile(v, io, 'probe-dn', 'probe-password-file');
  if (probe) posture.probe = probe;
  const config = await credentialsFromFile(v, io, 'config-bind-dn', 'config-password-file');
  if (config) posture.config = config;
  return posture;
}

/**
 * Written next to its final name, then renamed: a reader never sees half a report. Streamed a few hundred accounts
 * at a time: a 100,000-account report is 80 MB of text, never built whole. Ctrl-C on the way (`signal`) stops the
 * writing and leaves `file` as it was, with no temp file.
 */
export async function writeReport(file: string, report: ScanReport, signal?: AbortSignal): Promise<void> {
  const tmp = tempNameFor(file);
  const done = trackTemp(tmp, file);
  try {
    await writeReportJson(tmp, report, 0o600, signal);
    if (signal?.aborted) throw new CancelledError();
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    if (e instanceof CancelledError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new VigieError(`cannot write the report to ${file} (${code ?? 'error'})`);
  } finally {
    done();
  }
}

function positiveInt(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--${name} must be a whole number from 1 to 256`);
  return n;
}
