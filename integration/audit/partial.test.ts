// A directory that stops answering mid-scan: what was read is audited, the report says it is partial,
// and the reason is one line. Nothing read is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScan } from '../../shared/engine/scan.ts';
import type { SlapdServer } from '../harness/slapd.ts';
import { schoolInSlapd, schoolOnDisk, type SchoolOnDisk } from './school-fixture.ts';

describe('a directory that stops answering mid-scan', () => {
  let s: SchoolOnDisk;
  let slapd: SlapdServer;

  beforeAll(async () => {
    s = await schoolOnDisk({ flavour: 'sdet', accounts: 2500, schemes: ['SSHA'], weakShare: 0.2 });
    slapd = await schoolInSlapd(s);
  });
  afterAll(async () => {
    await slapd?.stop();
    await s?.cleanup();
  });

  it('gives a partial report of what was read, with a one-line reason', async () => {
    let killed = false;
    const report = await runScan(
      { source: { kind: 'ldap', url: slapd.url, baseDn: s.school.baseDn, bindDn: slapd.rootDn, password: slapd.rootPw }, depth: 'quick' },
      {
        onProgress: (p) => {
          if (p.phase === 'read' && p.done >= 1000 && !killed) {
            killed = true;
            void slapd.kill();
          }
        },
      },
    );
    expect(killed).toBe(true);
    expect(report.partial).toBe(true);
    expect(report.partialReason).toMatch(/stopped answering after \d+ entries/);
    expect(report.partialReason).not.toContain('\n');
    // And by code, with the entries read, for the catalogues to say in French or English (issue #14 §2).
    expect(report.partialError?.code).toBe('LDAP_CONNECTION_LOST');
    expect(Number(report.partialError?.params.entries)).toBeGreaterThanOrEqual(900);
    expect(report.accounts.length).toBeGreaterThanOrEqual(900);
    expect(report.accounts.length).toBeLessThan(s.school.truth.length);
  });
});
