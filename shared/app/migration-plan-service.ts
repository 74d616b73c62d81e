// The DSI's migration plan from the app (issue #13 §6). The same plan writer as `vigie plan`
// (writePlanFromReport): the report comes from the app's history instead of a file, the directory from the
// saved school profile, as a scan takes it (its bind account, and the password saved with it or typed once).
// The plan needs the live directory: it reads cn=config (an account that reads it is asked each time, never
// saved) and the accounts' current values, which the rollback must restore. Nothing is written to the directory:
// applying the plan stays `vigie apply`, in a terminal, on the DSI's command.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MigrationPlan, MigrationPlanFile, MigrationPlanRequest, SchoolProfile } from '../contract/api.ts';
import { VigieError } from '../engine/errors.ts';
import { planReportOf } from '../engine/migration/report-input.ts';
import { writePlanFromReport, type PlanResult, type PlanTarget } from '../engine/migration/write-plan.ts';
import type { HistoryStore } from './history-store.ts';
import { JobRunner, resultOf } from './job-runner.ts';
import type { ProfileStore } from './profile-store.ts';

/** The plan writer; tests keep the real one. */
export type PlanWriter = (report: ReturnType<typeof planReportOf>, request: PlanTarget) => Promise<PlanResult>;

export class MigrationPlanService {
  /**
   * One plan at a time, on the app's job runner: two plans written at once would both read the directory and could
   * name the same folder. The API's call waits for the plan; host shutdown (close) cancels it.
   */
  private readonly jobs = new JobRunner<{ folder: string }, never, MigrationPlan>({
    noun: 'plan',
    busy: { message: 'a migration plan is being written', code: 'PLAN_RUNNING' },
    cancelGraceMs: 2000,
  });

  constructor(
    private readonly history: HistoryStore,
    private readonly profiles: ProfileStore,
    private readonly write: PlanWriter = writePlanFromReport,
  ) {}

  /** Writes the plan and resolves with what was written; its refusals and failures throw, by code. */
  async build(request: MigrationPlanRequest): Promise<MigrationPlan> {
    const id = this.jobs.start({ folder: request.folder }, ({ signal }) => this.plan(request, signal));
    return resultOf(await this.jobs.outcome(id), 'Migration plan cancelled.');
  }

  /** Stops a plan being written (host shutdown): it ends at its next step and leaves no file (write-plan.ts). */
  close(): Promise<void> {
    return this.jobs.close();
  }

  private async plan(request: MigrationPlanRequest, signal: AbortSignal): Promise<MigrationPlan> {
    // A path relative to wherever the host was started would put the rollback where nobody looks for it.
    if (!path.isAbsolute(request.folder)) throw new VigieError(`${request.folder}: not a full path`, 'give the plan folder from the root, e.g. /home/dsi/plan-2026-12', { code: 'NOT_FULL_PATH', params: { file: request.folder } });
    const folder = path.resolve(request.folder);
    const report = planReportOf(await this.history.get(request.reportId), `report ${request.reportId}`);
    const profile = await this.profileFor(request);
    const connection = profile.connection;
    if (connection.kind !== 'ldap') {
      throw new VigieError(`${profile.name} is an LDIF file: the plan reads the live directory`, 'choose a saved school that connects to the directory (ldap:// or ldaps://)', { code: 'PLAN_NEEDS_DIRECTORY' });
    }
    // A report of one directory planned against another would reset the wrong accounts, or none.
    if (report.source.kind === 'ldap' && !sameUrl(report.source.location, connection.url)) {
      throw new VigieError(`the report was made on ${report.source.location}, not on ${connection.url}`, 'choose the school the report was scanned from', { code: 'PLAN_OTHER_DIRECTORY', params: { server: connection.url } });
    }
    if (!connection.bindDn) throw new VigieError(`${profile.name} binds anonymously: the plan needs an account that reads userPassword`, 'give the school a bind DN (usually the rootdn) and save it', { code: 'PLAN_NEEDS_BIND_ACCOUNT' });
    const typed = request.password !== undefined && request.password !== '' ? request.password : undefined;
    const password = typed ?? this.profiles.password(profile.id);
    if (password === null) throw new VigieError(`the bind password of ${connection.bindDn} is needed`, 'type it in the plan form', { code: 'PASSWORD_NEEDED', params: { who: connection.bindDn } });

    const target = request.target ?? 'openldap-2.5';
    const baseDn = report.source.baseDn ?? connection.baseDn;
    const result = await this.write(report, {
      out: folder,
      url: connection.url,
      baseDn,
      bind: { dn: connection.bindDn, password },
      config: { dn: request.configBindDn, password: request.configPassword },
      ...(connection.startTls ? { startTls: true } : {}),
      ...(connection.caFile ? { caFile: connection.caFile } : {}),
      target,
      ...(request.language ? { language: request.language } : {}),
      signal,
    });
    return {
      folder,
      files: await filesIn(folder),
      steps: result.steps.map((s) => ({ id: s.id, files: s.files, accounts: s.accounts, score: s.score, grade: s.grade })),
      before: { score: report.summary.score, grade: report.summary.grade },
      reset: result.reset,
      forced: result.forced,
      mustChange: result.mustChange,
      missing: result.missing,
      directory: {
        url: connection.url, baseDn, bindDn: connection.bindDn, configBindDn: request.configBindDn,
        ...(connection.startTls ? { startTls: true } : {}),
        ...(connection.caFile ? { caFile: connection.caFile } : {}),
      },
      target,
    };
  }

  /** The school asked for, else the one the report was scanned from. */
  private async profileFor(request: MigrationPlanRequest): Promise<SchoolProfile> {
    if (request.profileId !== undefined) return this.profiles.get(request.profileId);
    const entry = await this.history.entry(request.reportId);
    if (entry.profileId === undefined) {
      throw new VigieError('the report was not scanned from a saved school', 'choose the saved school whose directory the plan reads', { code: 'PLAN_NEEDS_SCHOOL' });
    }
    return this.profiles.get(entry.profileId);
  }
}

function sameUrl(a: string, b: string): boolean {
  const norm = (u: string): string => u.trim().toLowerCase().replace(/\/+$/, '');
  return norm(a) === norm(b);
}

/** Every file of the plan folder with its mode read back from the disk, letters included, sorted by name. */
async function filesIn(folder: string): Promise<MigrationPlanFile[]> {
  const files: MigrationPlanFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.push({ name: path.relative(folder, full).split(path.sep).join('/'), mode: (await stat(full)).mode & 0o777 });
    }
  };
  await walk(folder);
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
