// Issue #13 §2: the trend compares only the same source at the same depth, says so when it skips one, and dates
// every bar. Rendered to markup (no browser).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/contract/index.ts';
import { I18nContext } from '../i18n/i18n.tsx';
import { en } from '../i18n/messages-en.ts';
import { fr } from '../i18n/messages-fr.ts';
import { historyEntryText } from '../model/history-entry.ts';
import { trendFor } from '../model/trend.ts';
import { TrendView } from './TrendView.tsx';

const scan = (reportId: string, finishedAt: string, score: number, more: Partial<HistoryEntry> = {}): HistoryEntry => ({
  reportId, finishedAt, score, grade: score >= 50 ? 'C' : 'D', accounts: 3000, partial: false, label: 'Collège Test 3000',
  profileId: 'college', source: 'ldap://annuaire.test', sourceKind: 'ldap', depth: 'standard', ...more,
});

function render(history: HistoryEntry[], reportId: string, language: 'fr' | 'en' = 'fr'): string {
  return renderToStaticMarkup(
    <I18nContext.Provider value={{ language, t: language === 'fr' ? fr : en }}>
      <TrendView trend={trendFor(history, reportId)} />
    </I18nContext.Provider>,
  );
}

describe('TrendView', () => {
  // The case: a quick scan after a standard one of the same unchanged directory.
  const history = [scan('std', '2026-12-05T09:10:00Z', 40), scan('quick', '2026-12-05T14:32:00Z', 46, { depth: 'quick' })];

  it('does not call a quick scan after a standard one progress, and says the standard one is not compared', () => {
    const html = render(history, 'quick');
    expect(html).not.toContain('En progrès');
    expect(html).toContain(fr.trend.noComparable);
    expect(html).toContain(`L’analyse du ${fr.history.when('2026-12-05T09:10:00Z')} n’est pas comparée : autre profondeur (standard).`);
  });

  it('dates every bar with its day and time, and draws the other depth’s bar apart', () => {
    const html = render(history, 'quick');
    for (const at of ['2026-12-05T09:10:00Z', '2026-12-05T14:32:00Z']) {
      expect(html).toContain(`>${fr.trend.barDay(at)}</text>`);
      expect(html).toContain(`>${fr.trend.barTime(at)}</text>`);
    }
    expect(html).toMatch(/data-comparable="false"><title>[^<]*autre profondeur ou source/);
    expect(html).toContain('trend-bar-other');
  });

  it('compares with the last scan of the same depth, naming its date and depth', () => {
    const html = render([...history, scan('std2', '2026-12-06T08:00:00Z', 52)], 'std2', 'en');
    expect(html).toContain(`Improving: +12 points since the scan of ${en.history.when('2026-12-05T09:10:00Z')} (same source, standard depth).`);
    expect(html).toContain(`The scan of ${en.history.when('2026-12-05T14:32:00Z')} is not compared: another depth (quick).`);
  });
});

describe('historyEntryText', () => {
  it('tells two scans of the same day apart: time, depth, source, grade', () => {
    const [a, b] = [scan('a', '2026-12-05T09:10:00Z', 40), scan('b', '2026-12-05T14:32:00Z', 46, { depth: 'quick' })];
    expect(historyEntryText(a, fr)).toBe(`Collège Test 3000 — ${fr.history.when(a.finishedAt)} — standard — ldap://annuaire.test (note D)`);
    expect(historyEntryText(b, fr)).not.toBe(historyEntryText(a, fr));
    expect(fr.history.when(a.finishedAt)).toMatch(/\d{2}:\d{2}/);
  });

  it('names an export by its file, once, and says when a scan was not graded', () => {
    const ldif = scan('c', '2026-12-05T09:10:00Z', 0, { label: '/srv/exports/annuaire.ldif', source: '/srv/exports/annuaire.ldif', sourceKind: 'ldif', profileId: undefined, graded: false });
    expect(historyEntryText(ldif, en)).toBe(`file annuaire.ldif — ${en.history.when(ldif.finishedAt)} — standard (not graded)`);
  });
});
