// The app's migration plan (issue #13 §6), what it refuses before it reads the directory: each refusal is one line
// the page can say in the user's language. The plan itself, on a real slapd and against `vigie plan`, is
// integration/migration/plan-from-app.test.ts.
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseApiArguments } from './api-call.ts';
import { HistoryStore } from './history-store.ts';
import { MigrationPlanService, type PlanWriter } from './migration-plan-service.ts';
import { ProfileStore } from './profile-store.ts';
import { NoSecretStore } from './secret-store.ts';
import { DEMO_LDIF, useTempDataDirs } from './test-data-dir.ts';
import { createVigieServices } from './vigie-services.ts';

const tempDir = useTempDataDirs();

async function demoReport() {
  const dataDir = await tempDir();
  const api = createVigieServices({ dataDir, secrets: new NoSecretStore(), hostKind: 'loopback', demoFile: DEMO_LDIF });
  const { scanId } = await api.startScan({ profileId: 'demo', depth: 'quick' });
  const outcome = await api.scanOutcome(scanId);
  if (outcome.status !== 'done') throw new Error(`demo scan ended ${outcome.status}`);
  return { dataDir, api, reportId: outcome.reportId };
}

const config = { configBindDn: 'cn=config', configPassword: 'config-secret' };

describe('the migration plan from the app: what it refuses, in one line, before reading the directory', () => {
  it('needs the live directory: a report of the demo LDIF, planned against its own (LDIF) school, is refused', async () => {
    const { api, reportId, dataDir } = await demoReport();
    const folder = path.join(dataDir, 'plan');
    await expect(api.buildMigrationPlan({ reportId, folder, ...config }))
      .rejects.toThrow(/^École de démonstration \(synthétique\) is an LDIF file: the plan reads the live directory/);
    // Nothing was written.
    expect((await readdir(dataDir)).includes('plan')).toBe(false);
    await api.close();
  });

  it('takes a folder as a full path only', async () => {
    const { api, reportId } = await demoReport();
    await expect(api.buildMigrationPlan({ reportId, folder: 'plan-2026', ...config })).rejects.toThrow(/^plan-2026: not a full path/);
    await api.close();
  });

  it('asks for the bind password when the school has none saved, and for a bind account at all', async () => {
    const { api, reportId, dataDir } = await demoReport();
    const school = await api.saveProfile({ name: 'Lycée', connection: { kind: 'ldap', url: 'ldap://127.0.0.1:1', baseDn: 'dc=lycee,dc=test', bindDn: 'cn=admin,dc=lycee,dc=test' } });
    await expect(api.buildMigrationPlan({ reportId, profileId: school.id, folder: path.join(dataDir, 'p'), ...config }))
      .rejects.toThrow(/^the bind password of cn=admin,dc=lycee,dc=test is needed/);
    const anonymous = await api.saveProfile({ name: 'Anonyme', connection: { kind: 'ldap', url: 'ldap://127.0.0.1:1', baseDn: 'dc=lycee,dc=test' } });
    await expect(api.buildMigrationPlan({ reportId, profileId: anonymous.id, password: 'x', folder: path.join(dataDir, 'p'), ...config }))
      .rejects.toThrow(/^Anonyme binds anonymously: the plan needs an account that reads userPassword/);
    await api.close();
  });

  it('refuses to plan a report of one directory against another', async () => {
    const { api, reportId, dataDir } = await demoReport();
    const school = await api.saveProfile({ name: 'Lycée', connection: { kind: 'ldap', url: 'ldap://127.0.0.1:1', baseDn: 'dc=lycee,dc=test', bindDn: 'cn=admin,dc=lycee,dc=test' } });
    const history = new HistoryStore(dataDir);
    const report = await history.get(reportId);
    const other = await history.save({ ...report, source: { ...report.source, kind: 'ldap', location: 'ldap://annuaire.autre.test', baseDn: 'dc=autre,dc=test' } }, { profileId: school.id });
    await expect(api.buildMigrationPlan({ reportId: other.reportId, password: 'x', folder: path.join(dataDir, 'p'), ...config }))
      .rejects.toThrow(/^the report was made on ldap:\/\/annuaire\.autre\.test, not on ldap:\/\/127\.0\.0\.1:1/);
    await api.close();
  });

  it('reads the directory only once everything else is right: an unreachable one is the usual line', async () => {
    const { api, reportId, dataDir } = await demoReport();
    const school = await api.saveProfile({ name: 'Lycée', connection: { kind: 'ldap', url: 'ldap://127.0.0.1:1', baseDn: 'dc=lycee,dc=test', bindDn: 'cn=admin,dc=lycee,dc=test' } });
    await expect(api.buildMigrationPlan({ reportId, profileId: school.id, password: 'x', folder: path.join(dataDir, 'p'), ...config }))
      .rejects.toThrow(/^Cannot reach the directory at 127\.0\.0\.1:1/);
    await api.close();
  });

  it('says each refusal by its code, for the page to choose its sentence', async () => {
    const { api, reportId, dataDir } = await demoReport();
    await expect(api.buildMigrationPlan({ reportId, folder: 'plan-2026', ...config })).rejects.toMatchObject({ code: 'NOT_FULL_PATH', params: { file: 'plan-2026' } });
    await expect(api.buildMigrationPlan({ reportId, folder: path.join(dataDir, 'p'), ...config })).rejects.toMatchObject({ code: 'PLAN_NEEDS_DIRECTORY' });
    const anonymous = await api.saveProfile({ name: 'Anonyme', connection: { kind: 'ldap', url: 'ldap://127.0.0.1:1', baseDn: 'dc=lycee,dc=test' } });
    await expect(api.buildMigrationPlan({ reportId, profileId: anonymous.id, password: 'x', folder: path.join(dataDir, 'p'), ...config }))
      .rejects.toMatchObject({ code: 'PLAN_NEEDS_BIND_ACCOUNT' });
    const school = await api.saveProfile({ name: 'Lycée', connection: { kind: 'ldap', url: 'ldap://127.0.0.1:1', baseDn: 'dc=lycee,dc=test', bindDn: 'cn=admin,dc=lycee,dc=test' } });
    await expect(api.buildMigrationPlan({ reportId, profileId: school.id, folder: path.join(dataDir, 'p'), ...config }))
      .rejects.toMatchObject({ code: 'PASSWORD_NEEDED', params: { who: 'cn=admin,dc=lycee,dc=test' } });
    await expect(api.buildMigrationPlan({ reportId, profileId: school.id, password: 'x', folder: path.join(dataDir, 'p'), ...config }))
      .rejects.toMatchObject({ code: 'LDAP_UNREACHABLE', params: { server: '127.0.0.1:1' } });
    await api.close();
  });

  it('writes one plan at a time, on the app’s job runner', async () => {
    const { api, reportId, dataDir } = await demoReport();
    const school = await api.saveProfile({ name: 'Lycée', connection: { kind: 'ldap', url: 'ldap://127.0.0.1:1', baseDn: 'dc=lycee,dc=test', bindDn: 'cn=admin,dc=lycee,dc=test' } });
    let release!: () => void;
    const writing = new Promise<void>((resolve) => (release = resolve));
    const writer: PlanWriter = async (_report, target) => {
      await writing;
      await mkdir(target.out, { recursive: true });
      return { files: [], steps: [], reset: 0, forced: 0, mustChange: 0, missing: 0 };
    };
    const plans = new MigrationPlanService(new HistoryStore(dataDir), new ProfileStore(dataDir, new NoSecretStore(), []), writer);
    const request = { reportId, profileId: school.id, password: 'x', ...config };
    const first = plans.build({ ...request, folder: path.join(dataDir, 'p1') });
    await expect(plans.build({ ...request, folder: path.join(dataDir, 'p2') })).rejects.toMatchObject({ code: 'PLAN_RUNNING' });
    release();
    expect(await first).toMatchObject({ folder: path.join(dataDir, 'p1'), files: [], reset: 0 });
    // Once it is written, the next one may start.
    await expect(plans.build({ ...request, folder: path.join(dataDir, 'p2') })).resolves.toMatchObject({ folder: path.join(dataDir, 'p2') });
    await plans.close();
    await api.close();
  });

  it('cancels the plan being written when the host shuts down: its writer sees the job\'s signal aborted', async () => {
    const { api, reportId, dataDir } = await demoReport();
    const school = await api.saveProfile({ name: 'Lycée', connection: { kind: 'ldap', url: 'ldap://127.0.0.1:1', baseDn: 'dc=lycee,dc=test', bindDn: 'cn=admin,dc=lycee,dc=test' } });
    let seen: AbortSignal | undefined;
    const writer: PlanWriter = async (_report, target) => {
      seen = target.signal;
      // As write-plan.ts does between its steps: stop once cancelled.
      await new Promise<void>((resolve) => target.signal!.addEventListener('abort', () => resolve()));
      throw Object.assign(new Error('Migration plan cancelled.'), { code: 'CANCELLED' });
    };
    const plans = new MigrationPlanService(new HistoryStore(dataDir), new ProfileStore(dataDir, new NoSecretStore(), []), writer);
    const building = plans.build({ reportId, profileId: school.id, password: 'x', ...config, folder: path.join(dataDir, 'p1') });
    await expect.poll(() => seen).toBeDefined();
    expect(seen!.aborted).toBe(false);
    await plans.close();
    expect(seen!.aborted).toBe(true);
    await expect(building).rejects.toMatchObject({ code: 'CANCELLED' });
    await api.close();
  });

  it('checks its arguments at the host’s door like every call: the cn=config account and its password are required', () => {
    const ok = { reportId: 'r1', folder: '/tmp/plan', configBindDn: 'cn=config', configPassword: 'pw' };
    expect(parseApiArguments('buildMigrationPlan', [ok])).toEqual([ok]);
    expect(() => parseApiArguments('buildMigrationPlan', [{ ...ok, configPassword: '' }])).toThrow(/bad arguments for buildMigrationPlan at 0\.configPassword/);
    expect(() => parseApiArguments('buildMigrationPlan', [{ ...ok, reportId: '../x' }])).toThrow(/at 0\.reportId/);
    expect(() => parseApiArguments('buildMigrationPlan', [{ ...ok, target: 'openldap-3' }])).toThrow(/at 0\.target/);
  });
});
