// The built-in demo school: offered first, scannable at once, never changed or deleted.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusRecords, writeHibpFile } from '../engine/breached/hibp-corpus.ts';
import { importBreachCorpus } from '../engine/breached/import-corpus.ts';
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

describe("the app's breached-password index", () => {
  const tempDir = useTempDataDirs();

  it('is read from the data folder the app was given', async () => {
    const dataDir = await tempDir();
    const corpus = path.join(dataDir, 'pwned-sha1.txt');
    await writeHibpFile(corpus, corpusRecords('sha1', [['azerty', 12345]], 50));
    await importBreachCorpus(corpus, { indexDir: path.join(dataDir, 'breached') });
    const api = createVigieServices({ dataDir, secrets: new NoSecretStore(), hostKind: 'loopback' });
    const { scanId } = await api.startScan({ profileId: DEMO_PROFILE_ID, depth: 'quick' });
    const outcome = await api.scanOutcome(scanId);
    if (outcome.status !== 'done') throw new Error(`scan ended ${outcome.status}`);
    const report = await api.getReport(outcome.reportId);
    expect(report.source.breachIndex?.present).toBe(true);
    await api.close();
  });
});
