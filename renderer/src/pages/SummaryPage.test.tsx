// The summary page of a scan that could check nothing (issue #15 §2): « non évaluable », never a letter, no score,
// and the trend does not compare it. Rendered to markup (no browser): what a principal reads.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry, ScanReport } from '../../../shared/contract/index.ts';
import { I18nContext } from '../i18n/i18n.tsx';
import { en } from '../i18n/messages-en.ts';
import { fr } from '../i18n/messages-fr.ts';
import { account } from '../model/report-fixture.test-support.ts';
import { SummaryPage } from './SummaryPage.tsx';

function report(graded: boolean, kind: 'ldap' | 'ldif' = 'ldap'): ScanReport {
  const accounts = Array.from({ length: 4 }, (_, i) => ({ ...account(`eleve${i}`, 'student'), ...(graded && i === 0 ? {} : { storedSchemes: [], hashScheme: 'NONE' as const }) }));
  return {
    schemaVersion: 1, tool: { name: 'vigie', version: 'test' },
    source: {
      kind, location: kind === 'ldap' ? 'ldap://annuaire.test/' : 'export.ldif', flavour: 'inetorgperson', flavourDetected: true, depth: 'quick', schoolWords: 0,
      breachIndex: { present: true }, inputProblems: { total: 2, byKind: { DUPLICATE_DN: 2 }, listed: [] },
    },
    startedAt: '2026-12-05T08:00:00.000Z', finishedAt: '2026-12-05T08:01:00.000Z', partial: false,
    directoryFindings: graded ? [] : [{ code: 'NO_READABLE_PASSWORD', severity: 'high', detail: 'Aucun des 4 comptes lus n’a d’empreinte de mot de passe lisible.' }],
    summary: {
      accounts: 4, withFindings: 0, byCode: {}, bySeverity: { critical: 0, high: 0, medium: 0, low: 0 }, byScheme: {}, sharedGroups: [],
      checkable: graded ? 1 : 0, graded, score: graded ? 100 : 0, grade: graded ? 'A' : 'F',
      byProfile: { student: { accounts: 4, withFindings: 0, byCode: {}, checkable: graded ? 1 : 0, graded, score: graded ? 100 : 0, grade: graded ? 'A' : 'F' } },
    },
    accounts,
  };
}

const entry = (reportId: string, finishedAt: string, score: number, grade: HistoryEntry['grade']): HistoryEntry => ({
  reportId, finishedAt, score, grade, accounts: 4, partial: false, label: 'Collège', source: 'ldap://annuaire.test/', profileId: 'college',
});

function render(r: ScanReport, history: HistoryEntry[], language: 'fr' | 'en' = 'fr'): string {
  return renderToStaticMarkup(
    <I18nContext.Provider value={{ language, t: language === 'fr' ? fr : en }}>
      <SummaryPage report={r} reportId="now" history={history} onPickReport={() => undefined} />
    </I18nContext.Provider>,
  );
}

describe('SummaryPage, not graded', () => {
  const history = [entry('before', '2026-11-01T08:00:00Z', 62, 'D'), entry('now', '2026-12-05T08:01:00Z', 0, 'F')];

  it('shows « non évaluable » and what to do, no letter, no score', () => {
    const html = render(report(false), history);
    expect(html).toContain('data-graded="false"');
    expect(html).toContain('aria-label="Note : non évaluable"');
    expect(html).toContain('Non évaluable : aucune empreinte lisible (liez-vous avec un compte autorisé à lire userPassword).');
    expect(html).not.toContain('data-testid="score"');
    expect(html).not.toMatch(/grade-letter[^>]*>[A-F]</);
    expect(html).not.toContain(fr.grades.F);
    // The profile table and the report picker say it too.
    expect(html).toMatch(/<span class="grade-chip grade-none"[^>]*>non évaluable<\/span>/);
    expect(html).toContain('(non évaluable)</option>');
    // The trend does not compare a scan that checked nothing with the last one.
    expect(html).toContain(fr.summary.trendNotGraded);
    expect(html).not.toMatch(/En recul|En progrès/);
    // The first urgent action is to scan with an account that can read the hashes.
    expect(html).toContain(fr.directoryCodes.NO_READABLE_PASSWORD);
    expect(html).toContain('2 problèmes dans la source');
  });

  it('in English, for an export', () => {
    const html = render(report(false, 'ldif'), history, 'en');
    expect(html).toContain('Not graded: no readable password hash in this export');
    expect(html).toContain('(not graded)</option>');
  });

  it('a graded scan shows its letter, its score and how many accounts were checkable', () => {
    const html = render(report(true), [history[0]!, entry('now', '2026-12-05T08:01:00Z', 100, 'A')]);
    expect(html).toMatch(/grade-letter[^>]*>A</);
    expect(html).toContain('data-testid="score">100<');
    expect(html).toContain('<span data-testid="checkable">seulement 1 sur 4 avec une empreinte vérifiable</span>');
    expect(html).toContain('En progrès : +38 points');
  });
});

describe('SummaryPage, a partial scan', () => {
  const history = [entry('now', '2026-12-05T08:01:00Z', 100, 'A')];
  const partial = (more: Partial<ScanReport>): ScanReport => ({
    ...report(true), partial: true, partialReason: 'The directory stopped answering after 1000 entries. — check that the server is still running, then scan again.', ...more,
  });

  it('says why in the reader\'s language, from the failure\'s code and figures, never the English line', () => {
    const r = partial({ partialError: { code: 'LDAP_CONNECTION_LOST', params: { server: 'annuaire:389', entries: '1000' } } });
    const fr = render(r, history);
    expect(fr).toContain('Analyse incomplète : les chiffres sont un minimum. Cause : l’annuaire a cessé de répondre après 1 000 entrées');
    expect(fr).not.toContain('stopped answering');
    expect(render(r, history, 'en')).toContain('Why: the directory stopped answering after 1,000 entries');
  });

  it('a report that says it by its line only (version 1) says that it is partial, not the English line', () => {
    const html = render(partial({}), history);
    expect(html).toContain('Analyse incomplète : les chiffres sont un minimum.</p>');
    expect(html).not.toContain('stopped answering');
  });
});
