import { describe, expect, it } from 'vitest';
import type { AccountReport, ScanReport } from '../contract/report.ts';
import { CSV_COLUMNS, reportCsv } from './report-csv.ts';

function account(login: string, findings: AccountReport['findings']): AccountReport {
  return {
    dn: `uid=${login},dc=test`, login, profile: 'student', classes: [], hashScheme: 'SSHA',
    storedSchemes: [{ scheme: 'SSHA', attribute: 'userPassword' }], findings, risk: findings[0]?.severity ?? null,
  };
}

describe('reportCsv', () => {
  it('says which accounts the plan renews by force, and why (issue #12)', () => {
    const report = {
      accounts: [
        account('imposed', [{ code: 'PERSONAL_INFO_PASSWORD', severity: 'high', pattern: 'nom + date de naissance (AAAA)', imposedScheme: true }]),
        account('default', [{ code: 'SHARED_PASSWORD', severity: 'high', groupId: 1, groupSize: 40, likelyDefault: true }]),
        account('pair', [{ code: 'SHARED_PASSWORD', severity: 'high', groupId: 2, groupSize: 2 }]),
      ],
    } as ScanReport;
    const [head, ...rows] = reportCsv(report).trimEnd().split('\r\n');
    expect(head).toBe(CSV_COLUMNS.join(','));
    expect(rows.map((r) => r.split(',').at(-1))).toEqual(['imposed-scheme', 'likely-default', '']);
  });
});
