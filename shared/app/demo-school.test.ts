// The built-in demo school: offered first, scannable at once, never changed or deleted.
import { describe, expect, it } from 'vitest';
import { DEMO_LDIF, DEMO_PROFILE_ID, demoProfiles } from './demo-school.ts';
import { NoSecretStore } from './secret-store.ts';
import { useTempDataDirs } from './test-data-dir.ts';
import { createVigieServices } from './vigie-services.ts';

describe('the built-in demo school', () => {
  const tempDir = useTempDataDirs();

  it('is offered first, before the schools the user saved', async () => {
    const api = createVigieServices({ dataDir: await tempDir(), secrets: new NoSecretStore(), hostKind: 'loopback' });
    await api.saveProfile({ name: 'Lycée Test', connection: { kind: 'ldif', file: '/tmp/x.ldif' } });
    const list = await api.listProfiles();
    expect(list.map((p) => p.id)[0]).toBe(DEMO_PROFILE_ID);
    expect(list[0]).toMatchObject({ builtIn: true, connection: { kind: 'ldif', file: DEMO_LDIF } });
    expect(list).toHaveLength(2);
    await api.close();
  });

  it('cannot be changed or deleted', async () => {
    const api = createVigieServices({ dataDir: await tempDir(), secrets: new NoSecretStore(), hostKind: 'loopback' });
    await expect(api.deleteProfile(DEMO_PROFILE_ID)).rejects.toThrow(/built in/);
    await expect(api.saveProfile({ id: DEMO_PROFILE_ID, name: 'x', connection: { kind: 'ldif', file: '/etc/passwd' } })).rejects.toThrow(/built in/);
    expect((await api.listProfiles())[0]!.connection).toEqual({ kind: 'ldif', file: DEMO_LDIF });
    await api.close();
  });

  it('scans from its profile with no other step', async () => {
    const api = createVigieServices({ dataDir: await tempDir(), secrets: new NoSecretStore(), hostKind: 'loopback' });
    const { scanId } = await api.startScan({ profileId: DEMO_PROFILE_ID, depth: 'quick' });
    const outcome = await api.scanOutcome(scanId);
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const report = await api.getReport(outcome.reportId);
    expect(report.summary.accounts).toBeGreaterThan(250);
    await api.close();
  });

  it('is absent when the file is not shipped, or when a host asks for none', async () => {
    expect(demoProfiles('/nonexistent/ecole-demo.ldif')).toEqual([]);
    const api = createVigieServices({ dataDir: await tempDir(), secrets: new NoSecretStore(), hostKind: 'loopback', demoFile: null });
    expect(await api.listProfiles()).toEqual([]);
    await api.close();
  });
});
