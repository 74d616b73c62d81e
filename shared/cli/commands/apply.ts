// `vigie apply`: the only command that writes to a directory, and only what a plan folder holds, on the DSI's
// explicit command. --dry-run binds and checks every target without writing; --rollback undoes the plan.
import { applyPlan } from '../../engine/migration/apply-plan.ts';
import type { Command } from '../main.ts';
import { CONFIG_BIND_OPTIONS, LDAP_OPTIONS } from '../source-options.ts';
import { UsageError } from '../usage-error.ts';
import { configCredentials, directoryCredentials, ldapUrl } from './plan.ts';

export const applyCommand: Command = {
  name: 'apply',
  summary: 'apply a plan written by vigie plan (or its rollback) — the only command that writes to the directory',
  usage: `
Usage: vigie apply DIR --url URL --bind-dn DN --password-file F
                   [--config-bind-dn DN --config-password-file F] [--dry-run] [--rollback]

Applies DIR/01-config.ldif (as --config-bind-dn) then DIR/02-accounts.ldif (as --bind-dn); with --rollback,
DIR/rollback-config.ldif then DIR/rollback.ldif. Stops at the first refused change and says exactly which
changes were applied and which were not.

  --url URL                ldap:// or ldaps:// URL of the directory
  --bind-dn DN             the directory's administrator (usually the rootdn)
  --password-file F        its password, in a file (else VIGIE_BIND_PASSWORD, else a prompt)
  --config-bind-dn DN      cn=config's administrator (e.g. cn=config)
  --config-password-file F its password, in a file
  --starttls, --ca-file F  as for vigie scan
  --dry-run                bind and check every change's target; write nothing
  --rollback               apply the rollback instead: every changed value back as it was

This is the only Vigie command that writes to a directory, and it runs only when you type it.
The same files work with ldapmodify (see DIR/plan.md).
`,
  options: {
    ...LDAP_OPTIONS,
    ...CONFIG_BIND_OPTIONS,
    'dry-run': { type: 'boolean' },
    rollback: { type: 'boolean' },
  },
  async run(v, positionals, io) {
    if (positionals.length === 0) throw new UsageError('give the plan folder: vigie apply DIR');
    if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
    const url = ldapUrl(v.url);
    const bind = await directoryCredentials(v, io);
    const config = await configCredentials(v, io, false);
    const dryRun = v['dry-run'] === true;
    const files = await applyPlan({
      dir: positionals[0]!, url, bind, ...(config ? { config } : {}),
      ...(v.starttls === true ? { startTls: true } : {}),
      ...(v['ca-file'] !== undefined ? { caFile: String(v['ca-file']) } : {}),
      dryRun, rollback: v.rollback === true,
      onProgress: (line) => io.stdout.write(`${line}\n`),
    });
    const total = files.reduce((n, f) => n + f.records, 0);
    io.stdout.write(dryRun
      ? `Dry run: ${total} changes checked, nothing written.\n`
      : `Done: ${total} changes applied${v.rollback === true ? ' (rollback)' : ''}.\n`);
    return 0;
  },
};
