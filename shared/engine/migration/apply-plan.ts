// `vigie apply`: replays a plan folder's LDIF on the directory, config first then accounts (or the rollback:
// config then accounts). Every file is read and checked before anything is sent; the first refusal stops
// everything and the error says exactly which changes were applied and which were not.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { connectDirectory } from '../directory/ldap/read-ldap.ts';
import { LdapError } from '../directory/ldap/ldap-error.ts';
import { VigieError } from '../errors.ts';
import type { Credentials } from '../posture/directory-posture.ts';
import type { ChangeRecord } from './change-record.ts';
import { openWriter, refusal, type WriterTarget } from './directory-writer.ts';
import { parseLdif } from './ldif-parse.ts';
import { PLAN_FILES } from './write-plan.ts';

export interface ApplyRequest extends WriterTarget {
  dir: string;
  /** The directory's administrator: 02-accounts.ldif and rollback.ldif. */
  bind?: Credentials;
  /** cn=config's administrator: 01-config.ldif and rollback-config.ldif. */
  config?: Credentials;
  dryRun?: boolean;
  rollback?: boolean;
  /** One line per file done, in English like the rest of the CLI's progress. */
  onProgress?: (line: string) => void;
}

export interface AppliedFile {
  file: string;
  records: number;
  applied: number;
}

export class ApplyError extends VigieError {
  override readonly name = 'ApplyError';
}

interface PlanFile {
  file: string;
  who: 'bind' | 'config';
  records: ChangeRecord[];
}

export async function applyPlan(request: ApplyRequest): Promise<AppliedFile[]> {
  const order: [string, 'bind' | 'config'][] = request.rollback
    // Config first: with ppolicy still hashing cleartext writes, a restored cleartext value would be re-hashed.
    ? [[PLAN_FILES.rollbackConfig, 'config'], [PLAN_FILES.rollback, 'bind']]
    : [[PLAN_FILES.config, 'config'], [PLAN_FILES.accounts, 'bind']];
  const files: PlanFile[] = [];
  for (const [file, who] of order) {
    const full = path.join(request.dir, file);
    let text: string;
    try {
      text = await readFile(full, 'utf8');
    } catch (e) {
      throw new VigieError(`cannot read ${full} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'give the folder written by vigie plan.');
    }
    const records = parseLdif(text, file);
    if (records.length > 0 && !request[who]) {
      throw new VigieError(`${file} needs ${who === 'config' ? '--config-bind-dn and --config-password-file' : '--bind-dn and --password-file'}`);
    }
    files.push({ file, who, records });
  }
  return request.dryRun ? dryRun(request, files) : applyFiles(request, files);
}

async function applyFiles(request: ApplyRequest, files: PlanFile[]): Promise<AppliedFile[]> {
  const done: AppliedFile[] = [];
  for (const [index, f] of files.entries()) {
    if (f.records.length === 0) {
      done.push({ file: f.file, records: 0, applied: 0 });
      continue;
    }
    const writer = await openWriter(request, request[f.who]!).catch((e: unknown) => {
      throw stopped(e instanceof VigieError ? e.oneLine() : refusal(e), done, files, index, 0);
    });
    try {
      for (const [i, record] of f.records.entries()) {
        try {
          await writer.write(record);
        } catch (e) {
          throw stopped(`${f.file}, change ${i + 1} of ${f.records.length} (${record.change} ${record.dn}) was refused: ${refusal(e)}`, done, files, index, i);
        }
      }
    } finally {
      await writer.close();
    }
    done.push({ file: f.file, records: f.records.length, applied: f.records.length });
    request.onProgress?.(`${f.file}: ${f.records.length} of ${f.records.length} changes applied`);
  }
  return done;
}

/** What was applied and what was not, in one line. */
function stopped(cause: string, done: AppliedFile[], files: PlanFile[], index: number, appliedInFile: number): ApplyError {
  const applied = [...done.filter((d) => d.applied > 0).map((d) => `${d.file} (all ${d.applied})`)];
  const current = files[index]!;
  if (appliedInFile > 0) applied.push(`${current.file} changes 1–${appliedInFile}`);
  const notApplied = [`${current.file} changes ${appliedInFile + 1}–${current.records.length}`,
    ...files.slice(index + 1).filter((f) => f.records.length > 0).map((f) => `${f.file} (all ${f.records.length})`)];
  return new ApplyError(`${cause}. Applied: ${applied.length > 0 ? applied.join(', ') : 'nothing'}. Not applied: ${notApplied.join(', ')}`,
    'fix the cause, then apply the rest by hand with ldapmodify from the first change not applied, or undo with vigie apply --rollback.');
}

/** Binds with each account and checks every target, without sending a single change. */
async function dryRun(request: ApplyRequest, files: PlanFile[]): Promise<AppliedFile[]> {
  const result: AppliedFile[] = [];
  for (const f of files) {
    if (f.records.length === 0) {
      result.push({ file: f.file, records: 0, applied: 0 });
      continue;
    }
    const who = request[f.who]!;
    const connection = await connectDirectory({
      url: request.url, bindDn: who.dn, password: who.password,
      ...(request.startTls ? { startTls: true } : {}), ...(request.caFile ? { caFile: request.caFile } : {}),
    });
    const problems: string[] = [];
    try {
      for (const record of f.records) {
        const exists = await connection.lookup(record.dn, { scope: 'base', attributes: ['1.1'] }).then((e) => e.length > 0, (e: unknown) => {
          if (e instanceof LdapError && e.kind === 'no-such-base') return false;
          throw e;
        });
        // An add whose entry exists, or a change to an entry that does not (and that no earlier add creates), would fail.
        if (record.change === 'add' && exists) problems.push(`${record.dn} already exists`);
        if (record.change !== 'add' && !exists && !f.records.some((r) => r.change === 'add' && r.dn.toLowerCase() === record.dn.toLowerCase())) {
          problems.push(`${record.dn} does not exist`);
        }
      }
    } finally {
      await connection.close();
    }
    if (problems.length > 0) {
      throw new ApplyError(`dry run: ${f.file} would fail: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}. Nothing was written`);
    }
    result.push({ file: f.file, records: f.records.length, applied: 0 });
    request.onProgress?.(`${f.file}: ${f.records.length} changes would be applied (dry run, nothing written)`);
  }
  return result;
}
