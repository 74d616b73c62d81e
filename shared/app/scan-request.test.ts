// The one scan request builder (issue #13 §1), and the app's scans going through it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../contract/report.ts';
import type { ScanRequest } from '../engine/scan.ts';
import { buildScanRequest, sourceOfConnection } from './scan-request.ts';
import { NoSecretStore } from './secret-store.ts';
import { DEMO_LDIF, useTempDataDirs } from './test-data-dir.ts';
import { createVigieServices } from './vigie-services.ts';

const tempDir = useTempDataDirs();
const LIVE = { kind: 'ldap', url: 'ldap://127.0.0.1:3389/', baseDn: 'dc=vigie,dc=test' } as const;

describe('buildScanRequest', () => {
  it('checks the posture of every live directory, with the same defaults', () => {
    expect(buildScanRequest({ source: LIVE, dataDir: '/data' })).toEqual({
      source: LIVE,
      depth: 'standard',
      posture: {},
      breachIndexDir: path.join('/data', 'breached'),
    });
  });

  it('adds the probe and cn=config accounts to the posture checks when given', () => {
    const probe = { dn: 'uid=eleve,dc=vigie,dc=test', password: 'p1' };
    const config = { dn: 'cn=config', password: 'p2' };
    expect(buildScanRequest({ source: LIVE, dataDir: '/data', probe, config }).posture).toEqual({ probe, config });
  });

  it('an LDIF export has no posture checks, and refuses their accounts', () => {
    const ldif = { kind: 'ldif', file: '/tmp/ecole.ldif' } as const;
    expect(buildScanRequest({ source: ldif, dataDir: '/data' })).toEqual({
      source: ldif, depth: 'standard', breachIndexDir: path.join('/data', 'breached'),
    });
    const refuse = (): unknown => buildScanRequest({ source: ldif, dataDir: '/data', probe: { dn: 'uid=a', password: 'x' } });
    expect(refuse).toThrow(/live directory/);
    // A refusal of what was asked, by code: the page says « a value is not accepted », not « could not finish ».
    expect(refuse).toThrow(expect.objectContaining({ code: 'BAD_OPTION' }) as unknown as Error);
  });

  it('keeps what the caller says: depth, flavour, birth date, school words (trimmed, blanks dropped), index, workers', () => {
    const workerUrl = new URL('file:///app/worker.js');
    expect(buildScanRequest({
      source: LIVE, dataDir: '/data', depth: 'deep', flavour: 'inetorgperson', birthDate: { attribute: 'dateNaissance', format: 'YYYYMMDD' },
      school: [' Collège Jean Moulin ', '', '  '], breachIndexDir: '/elsewhere', workers: 2, workerUrl,
    })).toEqual({
      source: LIVE, depth: 'deep', flavour: 'inetorgperson', birthDate: { attribute: 'dateNaissance', format: 'YYYYMMDD' },
      school: ['Collège Jean Moulin'], posture: {}, breachIndexDir: '/elsewhere', workers: 2, workerUrl,
    });
    expect(buildScanRequest({ source: LIVE, dataDir: '/data', school: [' ', ''] })).not.toHaveProperty('school');
  });
});

describe('sourceOfConnection', () => {
  it('maps the app connection, and asks for a bind password it lacks', () => {
    expect(sourceOfConnection({ kind: 'ldif', file: DEMO_LDIF }, undefined)).toEqual({ kind: 'ldif', file: DEMO_LDIF });
    expect(sourceOfConnection({ ...LIVE, bindDn: 'cn=admin', startTls: true, caFile: '/ca.pem' }, 'pw'))
      .toEqual({ ...LIVE, bindDn: 'cn=admin', password: 'pw', startTls: true, caFile: '/ca.pem' });
    expect(() => sourceOfConnection({ ...LIVE, bindDn: 'cn=admin' }, undefined)).toThrow(/bind password of cn=admin is needed/);
  });
});

describe("the app's scans", () => {
  /** The services with a runner that records the request and fails the scan (nothing is read). */
  async function recording(): Promise<{ dataDir: string; requests: ScanRequest[]; api: ReturnType<typeof createVigieServices> }> {
    const dataDir = await tempDir();
    const requests: ScanRequest[] = [];
    const api = createVigieServices({
      dataDir, secrets: new NoSecretStore(), hostKind: 'loopback',
      runScan: async (request): Promise<ScanReport> => {
        requests.push(request);
        throw new Error('not run in this test');
      },
    });
    return { dataDir, requests, api };
  }

  it('a live scan from the app asks for the posture checks, with the data folder\'s breach index', async () => {
    const { dataDir, requests, api } = await recording();
    const { scanId } = await api.startScan({ connection: LIVE });
    await api.scanOutcome(scanId);
    expect(requests).toEqual([{ source: LIVE, depth: 'standard', posture: {}, breachIndexDir: path.join(dataDir, 'breached') }]);
  });

  it("a saved school's flavour and words go into its scan; the scan's own win", async () => {
    const { requests, api } = await recording();
    const profile = await api.saveProfile({ name: 'Collège Test', connection: LIVE, flavour: 'sdet', school: ['Moulin'] });
    await api.scanOutcome((await api.startScan({ profileId: profile.id, depth: 'quick' })).scanId);
    await api.scanOutcome((await api.startScan({ profileId: profile.id, flavour: 'scribe', school: ['Jaurès '] })).scanId);
    expect(requests.map((r) => [r.depth, r.flavour, r.school, r.posture])).toEqual([
      ['quick', 'sdet', ['Moulin'], {}],
      ['standard', 'scribe', ['Jaurès'], {}],
    ]);
  });
});
