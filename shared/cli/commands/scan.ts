// `vigie scan`: read a directory (LDAP or LDIF), audit it, print a summary and write the JSON report.
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEPTHS, FLAVOURS, type Depth, type Flavour } from '../../contract/codes.ts';
import type { ScanReport } from '../../contract/report.ts';
import type { PostureOptions } from '../../engine/posture/directory-posture.ts';
import { runScan, type ScanRequest, type ScanSource } from '../../engine/scan.ts';
import { bindPassword } from '../bind-password.ts';
import type { CliIo, Command } from '../main.ts';
import type { Lang } from '../messages.ts';
import { progressReporter } from '../progress.ts';
import { formatSummary } from '../summary.ts';
import { UsageError } from '../usage-error.ts';
import { VigieError } from '../../engine/errors.ts';

export const scanCommand: Command = {
  name: 'scan',
  summary: 'audit a directory (LDAP or LDIF export) and report weak or badly stored passwords',
  usage: `
Usage: vigie scan (--ldif FILE | --url URL --base DN [--bind-dn DN] [--password-file F]) [options]

Source (one of):
  --ldif FILE            an LDIF export (slapcat, ldapsearch -LLL)
  --url URL              ldap:// or ldaps:// URL of the directory
    --base DN            where the accounts are (search base)
    --bind-dn DN         who to bind as (anonymous when absent)
    --password-file F    the bind password, in a file (else VIGIE_BIND_PASSWORD, else a prompt)
    --starttls           upgrade ldap:// with StartTLS
    --ca-file F          a CA certificate (PEM) to trust for ldaps:// or StartTLS
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
  --json FILE            write the full report (schemaVersion 1) to FILE
  --lang L               fr | en for the summary (default fr)
  --workers N            worker threads (default: one per core)
  --quiet                no progress on stderr
  --breach-index DIR     the breached-password index (vigie breached import); default: in the app-data folder

Vigie never writes to the directory and never tries a password by binding; a recovered password is
never shown: the report names its pattern ("nom + date de naissance").
`,
  options: {
    ldif: { type: 'string' },
    url: { type: 'string' },
    base: { type: 'string' },
    'bind-dn': { type: 'string' },
    'password-file': { type: 'string' },
    starttls: { type: 'boolean' },
    'ca-file': { type: 'string' },
    'probe-dn': { type: 'string' },
    'probe-password-file': { type: 'string' },
    'config-bind-dn': { type: 'string' },
    'config-password-file': { type: 'string' },
    flavour: { type: 'string' },
    'birth-attr': { type: 'string' },
    'birth-format': { type: 'string' },
    school: { type: 'string', multiple: true },
    depth: { type: 'string' },
    json: { type: 'string' },
    lang: { type: 'string' },
    workers: { type: 'string' },
    quiet: { type: 'boolean' },
    'breach-index': { type: 'string' },
  },
  async run(v, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const source = await scanSource(v, io);
    const request: ScanRequest = { source, depth: oneOf(v.depth, DEPTHS, 'depth', 'standard') as Depth };
    if (v.flavour !== undefined) request.flavour = oneOf(v.flavour, FLAVOURS, 'flavour', 'inetorgperson') as Flavour;
    if (v['birth-attr'] !== undefined || v['birth-format'] !== undefined) {
      request.birthDate = {
        ...(v['birth-attr'] !== undefined ? { attribute: String(v['birth-attr']) } : {}),
        ...(v['birth-format'] !== undefined ? { format: String(v['birth-format']) } : {}),
      };
    }
    if (v.school) request.school = (v.school as string[]).map((s) => s.trim()).filter(Boolean);
    if (v.workers !== undefined) request.workers = positiveInt(v.workers, 'workers');
    if (v['breach-index'] !== undefined) request.breachIndexDir = String(v['breach-index']);
    if (source.kind === 'ldap') request.posture = await postureOptions(v, io);
    return scanAndReport(request, {
      json: v.json as string | undefined,
      lang: oneOf(v.lang, ['fr', 'en'], 'lang', 'fr') as Lang,
      quiet: v.quiet === true,
    }, io);
  },
};

export interface ReportOutput {
  json?: string | undefined;
  lang: Lang;
  quiet: boolean;
}

/** Runs a scan with progress on stderr, then prints the summary and writes the report. Shared by `demo`. */
export async function scanAndReport(request: ScanRequest, out: ReportOutput, io: CliIo): Promise<number> {
  const progress = out.quiet ? null : progressReporter(io.stderr, out.lang);
  let report: ScanReport;
  try {
    report = await runScan(request, { signal: io.signal, ...(progress ? { onProgress: (p) => progress.update(p) } : {}) });
  } finally {
    progress?.done();
  }
  if (out.json) await writeReport(out.json, report);
  io.stdout.write(formatSummary(report, out.lang));
  if (report.source.breachIndex?.present === false) {
    io.stdout.write(out.lang === 'fr'
      ? '\nMots de passe divulgués : non vérifiés (aucun index ; vigie breached import pour en créer un).\n'
      : '\nBreached passwords: not checked (no index; vigie breached import makes one).\n');
  }
  if (out.json) io.stdout.write(`\n${out.lang === 'fr' ? 'Rapport complet' : 'Full report'} : ${out.json}\n`);
  return 0;
}

async function scanSource(v: Record<string, unknown>, io: CliIo): Promise<ScanSource> {
  const ldif = v.ldif as string | undefined;
  const url = v.url as string | undefined;
  if (ldif && url) throw new UsageError('give either --ldif or --url, not both');
  if (ldif) {
    for (const opt of ['base', 'bind-dn', 'password-file', 'starttls', 'ca-file', 'probe-dn', 'probe-password-file', 'config-bind-dn', 'config-password-file']) {
      if (v[opt] !== undefined) throw new UsageError(`--${opt} goes with --url, not --ldif`);
    }
    return { kind: 'ldif', file: ldif };
  }
  if (!url) throw new UsageError('give a source: --ldif FILE or --url URL');
  if (!/^ldaps?:\/\//i.test(url)) throw new UsageError(`--url must start with ldap:// or ldaps:// (got '${url}')`);
  const base = v.base as string | undefined;
  if (!base) throw new UsageError('--url needs --base DN (where the accounts are)');
  const bindDn = v['bind-dn'] as string | undefined;
  const source: ScanSource = { kind: 'ldap', url, baseDn: base };
  if (bindDn) {
    source.bindDn = bindDn;
    source.password = await bindPassword({
      ...(v['password-file'] !== undefined ? { file: String(v['password-file']) } : {}),
      env: io.env, stdin: io.stdin, stderr: io.stderr,
    });
  } else if (v['password-file'] !== undefined) {
    throw new UsageError('--password-file needs --bind-dn');
  }
  if (v.starttls === true) {
    if (/^ldaps:/i.test(url)) throw new UsageError('--starttls is for ldap:// URLs; ldaps:// is already encrypted');
    source.startTls = true;
  }
  if (v['ca-file'] !== undefined) source.caFile = String(v['ca-file']);
  return source;
}

/** The posture checks' extra accounts (issue #4 §1); their passwords come from files only. */
export async function postureOptions(v: Record<string, unknown>, io: CliIo): Promise<PostureOptions> {
  const posture: PostureOptions = {};
  for (const [dnOption, fileOption, key] of [['probe-dn', 'probe-password-file', 'probe'], ['config-bind-dn', 'config-password-file', 'config']] as const) {
    const dn = v[dnOption] as string | undefined;
    const file = v[fileOption] as string | undefined;
    if (dn === undefined && file === undefined) continue;
    if (dn === undefined) throw new UsageError(`--${fileOption} needs --${dnOption}`);
    if (file === undefined) throw new UsageError(`--${dnOption} needs --${fileOption} (a password is never taken from the command line)`);
    posture[key] = { dn, password: await bindPassword({ file, env: {}, stdin: io.stdin, stderr: io.stderr }) };
  }
  return posture;
}

/** Written next to its final name, then renamed: a reader never sees half a report. */
export async function writeReport(file: string, report: ScanReport): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, JSON.stringify(report, null, 2) + '\n', { mode: 0o600 });
    await rename(tmp, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new VigieError(`cannot write the report to ${file} (${code ?? 'error'})`);
  }
}

function oneOf(value: unknown, allowed: readonly string[], name: string, fallback: string): string {
  if (value === undefined) return fallback;
  const s = String(value).toLowerCase();
  if (!allowed.includes(s)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${String(value)}')`);
  return s;
}

function positiveInt(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--${name} must be a whole number from 1 to 256`);
  return n;
}
