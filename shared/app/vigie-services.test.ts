import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanProgressEvent } from '../contract/api.ts';
import { patternLabel } from '../contract/pattern-labels.ts';
import { CSV_COLUMNS } from './report-csv.ts';
import { NoSecretStore } from './secret-store.ts';
import { DEMO_LDIF, useTempDataDirs } from './test-data-dir.ts';
import { createVigieServices } from './vigie-services.ts';

const tempDir = useTempDataDirs();

async function services() {
  const dataDir = await tempDir();
  return { dataDir, api: createVigieServices({ dataDir, secrets: new NoSecretStore(), hostKind: 'loopback' }) };
}

/** Every stored password value of the LDIF (hashes and any cleartext): none may reach a report or an export. */
async function storedPasswordValues(): Promise<string[]> {
  const ldif = await readFile(DEMO_LDIF, 'utf8');
  return [...ldif.matchAll(/^(?:userPassword|sambaNTPassword|sambaLMPassword)::? (.+)$/gim)].map((m) => m[1]!.trim()).filter((v) => v.length >= 6);
}

describe('VigieServices, on the synthetic demo school', () => {
  it('scans, reports progress, saves the report to the history without any password or hash', async () => {
    const { dataDir, api } = await services();
    const events: ScanProgressEvent[] = [];
    const unsubscribe = api.onProgress((e) => events.push(e));
    const { scanId } = await api.startScan({ connection: { kind: 'ldif', file: DEMO_LDIF }, depth: 'quick' });
    const outcome = await api.scanOutcome(scanId);
    unsubscribe();
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(events.length).toBeGreaterThan(1);
    expect(events.every((e) => e.scanId === scanId)).toBe(true);
    expect(new Set(events.map((e) => e.phase))).toContain('accounts');
    expect(await api.scanOutcome(scanId)).toEqual(outcome);

    const [entry] = await api.listHistory();
    expect(entry).toMatchObject({ reportId: outcome.reportId, label: DEMO_LDIF, source: DEMO_LDIF, partial: false });
    const report = await api.getReport(outcome.reportId);
    expect(report.summary.accounts).toBeGreaterThan(100);
    expect(entry!.accounts).toBe(report.summary.accounts);

    const stored = await readFile(path.join(dataDir, 'history', `${outcome.reportId}.json`), 'utf8');
    const secrets = await storedPasswordValues();
    expect(secrets.length).toBeGreaterThan(100);
    for (const value of secrets) expect(stored).not.toContain(value);
    expect(stored).not.toMatch(/\{(?:MD5|SSHA|SHA|CRYPT|SMD5)\}/i);

    // JSON export is the report as is; CSV has one row per account.
    const json = await api.exportReport({ reportId: outcome.reportId, format: 'json' });
    expect(JSON.parse(json.data)).toEqual(report);
    const csv = await api.exportReport({ reportId: outcome.reportId, format: 'csv' });
    expect(csv).toMatchObject({ mimeType: 'text/csv', encoding: 'utf8' });
    const lines = csv.data.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(report.accounts.length + 1);
    const weak = report.accounts.find((a) => a.findings.some((f) => f.patternId !== undefined))!;
    const weakLine = lines.find((l) => l.startsWith(weak.dn.includes(',') ? `"${weak.dn}"` : weak.dn))!;
    expect(weakLine).toContain(patternLabel(weak.findings.find((f) => f.patternId)!.patternId!, 'fr'));
    expect(weakLine).toContain(weak.risk!);
    for (const value of secrets) expect(csv.data).not.toContain(value);

    // Pseudonymised: no DN or login left, the same pseudonyms on every export from this install.
    const p1 = await api.exportReport({ reportId: outcome.reportId, format: 'csv', pseudonymise: true });
    const p2 = await createVigieServices({ dataDir, secrets: new NoSecretStore(), hostKind: 'loopback' })
      .exportReport({ reportId: outcome.reportId, format: 'csv', pseudonymise: true });
    expect(p2.data).toBe(p1.data);
    for (const a of report.accounts) expect(p1.data).not.toContain(a.dn);
    const rows = p1.data.replace(/^\ufeff/, '').trimEnd().split('\r\n').slice(1).map((l) => l.split(','));
    const logins = new Set(report.accounts.map((a) => a.login));
    expect(rows.filter((r) => logins.has(r[1]!))).toEqual([]);
    expect(new Set(rows.map((r) => r[0])).size).toBe(report.accounts.length);
    expect(rows[0]![0]).toMatch(/^compte-[0-9a-f]{16}$/);
    expect(rows[0]![1]).toMatch(/^id-[0-9a-f]{16}$/);
    // Another install (another key) gives other pseudonyms.
    const other = await tempDir();
    const { HistoryStore } = await import('./history-store.ts');
    const copy = await new HistoryStore(other).save(report);
    const p3 = await createVigieServices({ dataDir: other, secrets: new NoSecretStore(), hostKind: 'loopback' })
      .exportReport({ reportId: copy.reportId, format: 'csv', pseudonymise: true });
    expect(p3.data).not.toBe(p1.data);

    // The page's localized CSV (issue #13 §5) takes the same pseudonyms from the host: each account's, in order.
    const list = JSON.parse((await api.exportReport({ reportId: outcome.reportId, format: 'pseudonyms' })).data) as { dn: string; login: string; pseudoDn: string; pseudoLogin: string }[];
    expect(list.map((p) => [p.dn, p.login])).toEqual(report.accounts.map((a) => [a.dn, a.login]));
    expect(list.map((p) => [p.pseudoDn, p.pseudoLogin])).toEqual(rows.map((r) => [r[0], r[1]]));

    await expect(api.exportReport({ reportId: outcome.reportId, format: 'pdf' })).rejects.toThrow(/Print/);
  });

  it('cancel stops a deep scan within a second and saves nothing', async () => {
    const { api } = await services();
    let sawAuditProgress!: () => void;
    const auditing = new Promise<void>((resolve) => (sawAuditProgress = resolve));
    // Cancelled once the workers check candidates: the global pass, or the per-account one when nothing is unsalted.
    // (Waiting for the per-account pass took over 30 s on a busy two-core machine without the native addon.)
    api.onProgress((e) => { if (e.phase === 'global' || e.phase === 'accounts') sawAuditProgress(); });
    const { scanId } = await api.startScan({ connection: { kind: 'ldif', file: DEMO_LDIF }, depth: 'deep' });
    await auditing;
    const started = performance.now();
    await api.cancelScan(scanId);
    const outcome = await api.scanOutcome(scanId);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(outcome).toEqual({ scanId, status: 'cancelled' });
    expect(await api.listHistory()).toEqual([]);
  });

  it('a missing file ends as a failed scan with one line; a second concurrent scan is refused', async () => {
    const { api } = await services();
    const { scanId } = await api.startScan({ connection: { kind: 'ldif', file: '/nonexistent/ecole.ldif' } });
    const outcome = await api.scanOutcome(scanId);
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.error).toMatchObject({ code: 'LDIF_NOT_FOUND', message: expect.not.stringContaining('\n') as unknown as string });

    const first = await api.startScan({ connection: { kind: 'ldif', file: DEMO_LDIF }, depth: 'quick' });
    await expect(api.startScan({ connection: { kind: 'ldif', file: DEMO_LDIF } })).rejects.toThrow(/already running/);
    await api.cancelScan(first.scanId);
  });

  it('hostInfo tells the UI whether passwords can be saved; a scan needing a bind password says so', async () => {
    const { api } = await services();
    expect(await api.hostInfo()).toEqual({ version: '0.1.0', host: 'loopback', canSavePasswords: false });
    await expect(api.startScan({ connection: { kind: 'ldap', url: 'ldap://127.0.0.1:1', baseDn: 'dc=x', bindDn: 'cn=a,dc=x' } }))
      .rejects.toThrow(/bind password of cn=a,dc=x is needed/);
    // An LDIF source's « test » checks the file (issue #13 §7): no transport, its entries counted.
    const demo = await api.testConnection({ connection: { kind: 'ldif', file: DEMO_LDIF } });
    expect(demo).toMatchObject({ ok: true, file: { entries: expect.any(Number), withPassword: expect.any(Number) } });
    expect(demo.transport).toBeUndefined();
    const missing = await api.testConnection({ connection: { kind: 'ldif', file: '/nonexistent.ldif' } });
    expect(missing.ok).toBe(false);
    expect(missing.error).toMatchObject({ code: 'LDIF_NOT_FOUND', message: expect.stringMatching(/does not exist/) as unknown as string });
    // The code and its names say it: no second copy of the line beside them.
    expect(missing).not.toHaveProperty('message');
  });
});
