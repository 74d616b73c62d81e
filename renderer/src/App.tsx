// The shell: header, navigation, language, and the page shown. State that outlives a page (the running scan,
// the report on show, the history) lives here.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HistoryEntry, HostInfo, Language, SchoolProfile, ScanReport, Settings } from '../../shared/contract/index.ts';
import { useApi } from './api/api-context.tsx';
import { HostError, plainMessage } from './api/host-error.ts';
import { BREACH_CARD_ID } from './components/BreachIndexCard.tsx';
import { DICTIONARIES, I18nContext, type I18n } from './i18n/i18n.tsx';
import { AccountsPage } from './pages/AccountsPage.tsx';
import { ExportsPage } from './pages/ExportsPage.tsx';
import { ScanPage } from './pages/ScanPage.tsx';
import { SummaryPage } from './pages/SummaryPage.tsx';
import { markPrintReady, type PrintRequest } from './print-mode.ts';
import { useScan } from './scan/use-scan.ts';

export const PAGES = ['scan', 'summary', 'accounts', 'exports'] as const;
export type Page = (typeof PAGES)[number];

const DEFAULT_SETTINGS: Settings = { language: 'fr', defaultDepth: 'standard' };

export function App({ print = null }: { print?: PrintRequest | null }) {
  const api = useApi();
  const [page, setPage] = useState<Page>(print === null ? 'scan' : 'summary');
  const [settings, setSettings] = useState<Settings>(print === null ? DEFAULT_SETTINGS : { ...DEFAULT_SETTINGS, language: print.language });
  const [hostInfo, setHostInfo] = useState<HostInfo | null>(null);
  const [profiles, setProfiles] = useState<SchoolProfile[]>([]);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [reportId, setReportId] = useState<string | null>(print?.reportId ?? null);
  const [report, setReport] = useState<ScanReport | null>(null);
  const [fatal, setFatal] = useState<HostError | null>(null);

  const i18n: I18n = useMemo(() => ({ language: settings.language, t: DICTIONARIES[settings.language] }), [settings.language]);
  const { t } = i18n;

  useEffect(() => {
    document.documentElement.lang = settings.language;
    document.title = `${t.app.name} — ${t.nav[page]}`;
  }, [settings.language, page, t]);

  const guard = useCallback((error: unknown) => {
    if (error instanceof HostError && (error.kind === 'unreachable' || error.kind === 'unauthorised')) setFatal(error);
    else console.error(plainMessage(error));
  }, []);

  const reloadProfiles = useCallback(async () => {
    setProfiles(await api.listProfiles());
  }, [api]);
  const reloadHistory = useCallback(async () => {
    const list = await api.listHistory();
    setHistory(list);
    return list;
  }, [api]);

  useEffect(() => {
    void (async () => {
      try {
        const [info, saved, list] = await Promise.all([api.hostInfo(), api.getSettings(), reloadHistory()]);
        setHostInfo(info);
        // In print mode the language is the one the export asked for, not the saved one.
        if (print === null) setSettings(saved);
        await reloadProfiles();
        const latest = [...list].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))[0];
        if (latest !== undefined) setReportId((current) => current ?? latest.reportId);
      } catch (error) {
        guard(error);
      }
    })();
  }, [api, guard, reloadHistory, reloadProfiles, print]);

  useEffect(() => {
    // Electron waits for this mark before printing; the effect runs once the summary is in the DOM.
    if (print !== null && report !== null && history !== null) markPrintReady();
  }, [print, report, history]);

  useEffect(() => {
    if (reportId === null) return;
    let live = true;
    api.getReport(reportId).then((r) => live && setReport(r), guard);
    return () => {
      live = false;
    };
  }, [api, reportId, guard]);

  const onScanDone = useCallback((id: string) => {
    setReport(null);
    setReportId(id);
    setPage('summary');
    reloadHistory().catch(guard);
  }, [reloadHistory, guard]);
  // The print-only page (Electron's PDF) shows one report: it never follows a running scan.
  const scan = useScan(api, onScanDone, print === null);

  const printSummary = () => {
    goTo('summary');
    // Let the summary render before the print dialog takes its picture of the page.
    window.setTimeout(() => window.print(), 300);
  };

  const changeLanguage = async (language: Language) => {
    const next = { ...settings, language };
    setSettings(next);
    try {
      setSettings(await api.saveSettings(next));
    } catch (error) {
      guard(error);
    }
  };

  const goTo = (next: Page) => {
    setPage(next);
    // Move focus to the new page's heading so keyboard and screen-reader users land on it.
    requestAnimationFrame(() => document.getElementById('page-title')?.focus());
  };

  if (print !== null) {
    return (
      <I18nContext.Provider value={i18n}>
        <main id="main" className="print-only">
          <SummaryPage report={report} reportId={reportId} history={history ?? []} onPickReport={setReportId} />
        </main>
      </I18nContext.Provider>
    );
  }

  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip-link" href="#main">{t.app.skipToContent}</a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t.app.name}</span>
          <span className="brand-tagline">{t.app.tagline}</span>
        </div>
        <nav aria-label={t.app.mainNav}>
          <ul className="nav-list">
            {PAGES.map((p) => (
              <li key={p}>
                <button type="button" className="nav-button" aria-current={page === p ? 'page' : undefined} onClick={() => goTo(p)}>
                  {t.nav[p]}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="language">
          <label htmlFor="language-select">{t.app.language}</label>
          <select id="language-select" value={settings.language} onChange={(e) => void changeLanguage(e.target.value as Language)}>
            {(['fr', 'en'] as const).map((l) => <option key={l} value={l} lang={l}>{t.app.languageNames[l]}</option>)}
          </select>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {fatal !== null && (
          <div className="alert alert-error" role="alert">{fatal.kind === 'unauthorised' ? t.app.unauthorised : t.app.hostUnreachable}</div>
        )}
        {page !== 'scan' && (scan.state.status === 'running' || scan.state.status === 'starting') && (
          // Issue #13 §8: while a scan runs, the other pages still show the last report: they say so.
          <div className="alert alert-info scan-banner no-print" role="status" data-testid="scan-running-banner">
            <p><strong>{t.scanBanner.running}</strong> {t.scanBanner.previous}</p>
            <button type="button" className="button-secondary" onClick={() => goTo('scan')}>{t.scanBanner.follow}</button>
          </div>
        )}
        {page === 'scan' && (
          <ScanPage
            profiles={profiles}
            hostInfo={hostInfo}
            defaultDepth={settings.defaultDepth}
            scan={scan}
            reloadProfiles={() => reloadProfiles().catch(guard)}
          />
        )}
        {page === 'summary' && (
          <SummaryPage
            report={report} reportId={reportId} history={history ?? []} onPickReport={setReportId}
            onImportBreaches={() => {
              setPage('exports');
              requestAnimationFrame(() => document.getElementById(BREACH_CARD_ID)?.focus());
            }}
          />
        )}
        {page === 'accounts' && <AccountsPage report={report} schoolName={history?.find((h) => h.reportId === reportId)?.label ?? null} />}
        {page === 'exports' && <ExportsPage report={report} reportId={reportId} hostInfo={hostInfo} schoolName={history?.find((h) => h.reportId === reportId)?.label ?? null} onPrintSummary={printSummary} />}
      </main>
      <footer className="app-footer">
        {hostInfo !== null && <span>{t.app.name} — {t.app.version(hostInfo.version)}</span>}
      </footer>
    </I18nContext.Provider>
  );
}
