// The options that name a directory source (--ldif, or --url with its bind) and tell the reader about it
// (--birth-attr, --birth-format, --school): one parser for every command that reads a directory.
import type { ParseArgsConfig } from 'node:util';
import type { BirthDateOptions } from '../engine/directory/model.ts';
import type { ScanSource } from '../engine/scan.ts';
import { bindPassword } from './bind-password.ts';
import type { CliIo } from './main.ts';
import { UsageError } from './usage-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** How to reach and bind to a live directory. */
export const LDAP_OPTIONS = {
  url: { type: 'string' },
  'bind-dn': { type: 'string' },
  'password-file': { type: 'string' },
  starttls: { type: 'boolean' },
  'ca-file': { type: 'string' },
} as const satisfies Options;

/** A directory to read: an LDIF export, or a live directory and where its accounts are. */
export const SOURCE_OPTIONS = {
  ldif: { type: 'string' },
  base: { type: 'string' },
  ...LDAP_OPTIONS,
} as const satisfies Options;

/** An account that may read (or, for apply, write) cn=config. */
export const CONFIG_BIND_OPTIONS = {
  'config-bind-dn': { type: 'string' },
  'config-password-file': { type: 'string' },
} as const satisfies Options;

export const READER_OPTIONS = {
  'birth-attr': { type: 'string' },
  'birth-format': { type: 'string' },
  school: { type: 'string', multiple: true },
} as const satisfies Options;

/** The help lines of a live-directory source, as `SOURCE_OPTIONS` parses them (no trailing newline). */
export const LDAP_SOURCE_HELP = `  --url URL              ldap:// or ldaps:// URL of the directory
    --base DN            where the accounts are (search base)
    --bind-dn DN         who to bind as (anonymous when absent)
    --password-file F    the bind password, in a file (else VIGIE_BIND_PASSWORD, else a prompt)
    --starttls           upgrade ldap:// with StartTLS
    --ca-file F          a CA certificate (PEM) to trust for ldaps:// or StartTLS`;

const LDAP_ONLY = ['base', 'bind-dn', 'password-file', 'starttls', 'ca-file'];

/**
 * The source the options name. `ldapOnly` lists a command's further options that make sense only with --url;
 * `missing` is the message when neither --ldif nor --url is given.
 */
export async function parseSource(
  v: Record<string, unknown>,
  io: CliIo,
  { ldapOnly = [], missing = 'give a source: --ldif FILE or --url URL' }: { ldapOnly?: string[]; missing?: string } = {},
): Promise<ScanSource> {
  const ldif = v.ldif as string | undefined;
  const url = v.url as string | undefined;
  if (ldif && url) throw new UsageError('give either --ldif or --url, not both');
  if (ldif) {
    for (const opt of [...LDAP_ONLY, ...ldapOnly]) {
      if (v[opt] !== undefined) throw new UsageError(`--${opt} goes with --url, not --ldif`);
    }
    return { kind: 'ldif', file: ldif };
  }
  if (!url) throw new UsageError(missing);
  checkLdapUrl(url);
  const base = v.base as string | undefined;
  if (!base) throw new UsageError('--url needs --base DN (where the accounts are)');
  const source: ScanSource = { kind: 'ldap', url, baseDn: base };
  const bindDn = v['bind-dn'] as string | undefined;
  if (bindDn) {
    source.bindDn = bindDn;
    source.password = await bindPassword({
      ...(v['password-file'] !== undefined ? { file: String(v['password-file']) } : {}),
      env: io.env, stdin: io.stdin, stderr: io.stderr, signal: io.signal,
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

/**
 * An ldap:// or ldaps:// URL with no credentials in it. A password on the command line is readable by every user
 * of the machine (and lands in shell histories): a usage error, and the URL is not repeated in the message.
 */
export function checkLdapUrl(url: string): void {
  if (!/^ldaps?:\/\//i.test(url)) throw new UsageError(`--url must start with ldap:// or ldaps:// (got '${url}')`);
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const authority = url.replace(/^ldaps?:\/\//i, '').split(/[/?#]/)[0] ?? '';
  if (parsed?.username || parsed?.password || authority.includes('@')) {
    throw new UsageError('--url must not hold a user or a password (ldap://user:password@host): give --bind-dn DN and --password-file F');
  }
}

/** What the reader must be told: where the birth date is, and the school's words the directory lacks. */
export function parseReaderHints(v: Record<string, unknown>): { birthDate?: BirthDateOptions; school?: string[] } {
  const hints: { birthDate?: BirthDateOptions; school?: string[] } = {};
  if (v['birth-attr'] !== undefined || v['birth-format'] !== undefined) {
    hints.birthDate = {
      ...(v['birth-attr'] !== undefined ? { attribute: String(v['birth-attr']) } : {}),
      ...(v['birth-format'] !== undefined ? { format: String(v['birth-format']) } : {}),
    };
  }
  if (v.school) hints.school = (v.school as string[]).map((s) => s.trim()).filter(Boolean);
  return hints;
}

/** One of a fixed set of values, case-insensitive; `fallback` when the option is absent. */
export function choice<T extends string>(value: unknown, allowed: readonly T[], name: string, fallback: T): T;
export function choice<T extends string>(value: unknown, allowed: readonly T[], name: string): T | undefined;
export function choice<T extends string>(value: unknown, allowed: readonly T[], name: string, fallback?: T): T | undefined {
  if (value === undefined) return fallback;
  const s = String(value).toLowerCase();
  if (!(allowed as readonly string[]).includes(s)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${String(value)}')`);
  return s as T;
}

/**
 * A second account given as a DN option and a password-file option (a probe account, a cn=config reader): its
 * password comes from the file only, never the command line or the environment. Absent when neither is given.
 */
export async function credentialsFromFile(
  v: Record<string, unknown>, io: CliIo, dnOption: string, fileOption: string,
): Promise<{ dn: string; password: string } | undefined> {
  const dn = v[dnOption] as string | undefined;
  const file = v[fileOption] as string | undefined;
  if (!dn && !file) return undefined;
  if (!dn) throw new UsageError(`--${fileOption} needs --${dnOption}`);
  if (!file) throw new UsageError(`--${dnOption} needs --${fileOption} (a password is never taken from the command line)`);
  return { dn, password: await bindPassword({ file, env: {}, stdin: io.stdin, stderr: io.stderr, signal: io.signal }) };
}
