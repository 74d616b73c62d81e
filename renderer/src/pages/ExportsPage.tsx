// Exports (IT management): the full report as JSON, the accounts as CSV (optionally pseudonymised), and the
// printable summary as PDF. Each comes from the host as an ExportFile and is saved through a Blob link.
// Below them, the DSI's migration plan (the same as `vigie plan`, written to a folder on the host), then the
// breached-password index and its import (IT management too).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AccountPseudonym, ApiError, ExportFile, HostInfo, ScanReport } from '../../../shared/contract/index.ts';
import { useApi } from '../api/api-context.tsx';
import { apiErrorOf } from '../api/host-error.ts';
import { BreachIndexCard } from '../components/BreachIndexCard.tsx';
import { ErrorWithAdvice } from '../components/ErrorWithAdvice.tsx';
import { MigrationPlanCard } from '../components/MigrationPlanCard.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { imposedLabels } from '../model/account-text.ts';
import { accountsCsv, exportFileName, pseudonymised } from '../model/accounts-csv.ts';
import { exportBlob, safeFileName } from '../model/export-file.ts';

type Format = 'json' | 'csv' | 'pdf';
type Status = { format: Format; state: 'preparing' } | { format: Format; state: 'ready'; fileName: string } | { format: Format; state: 'failed'; error: ApiError };

interface Props {
  report: ScanReport | null;
  reportId: string | null;
  hostInfo: HostInfo | null;
  /** The school's saved name (its history entry's label), for the file names. */
  schoolName: string | null;
  onPrintSummary(): void;
}

export function ExportsPage({ report, reportId, hostInfo, schoolName, onPrintSummary }: Props) {
  const api = useApi();
  const { t, language } = useI18n();
  const [pseudonymise, setPseudonymise] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const urls = useRef<string[]>([]);
  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);

  if (report === null || reportId === null) {
    return (
      <section aria-labelledby="page-title" className="page">
        <PageTitle>{t.exports.title}</PageTitle>
        <p className="lead">{t.summary.empty}</p>
        <BreachIndexCard />
      </section>
    );
  }

  const download = async (format: Format) => {
    setStatus({ format, state: 'preparing' });
    try {
      // The accounts' CSV is written here, in the reader's language (';' and a BOM in French, no report code):
      // the host only lends its pseudonyms, its key staying with it. JSON and PDF come from the host as they are.
      let file: ExportFile;
      if (format === 'csv') {
        let accounts = report.accounts;
        if (pseudonymise) {
          const list = await api.exportReport({ reportId, format: 'pseudonyms' });
          accounts = pseudonymised(accounts, JSON.parse(list.data) as AccountPseudonym[]);
        }
        file = { fileName: '', mimeType: 'text/csv;charset=utf-8', encoding: 'utf8', data: accountsCsv(accounts, t, language, imposedLabels(report)) };
      } else {
        file = await api.exportReport({ reportId, format, language });
      }
      const url = URL.createObjectURL(exportBlob(file));
      urls.current.push(url);
      const link = document.createElement('a');
      link.href = url;
      // The school and the scan's day in every name.
      link.download = safeFileName(exportFileName(format, report, schoolName, t, language, { pseudonymised: pseudonymise }));
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      setStatus({ format, state: 'ready', fileName: link.download });
    } catch (error) {
      setStatus({ format, state: 'failed', error: apiErrorOf(error) });
    }
  };

  // A browser makes the PDF itself: its print dialog's "Save as PDF". Electron's host renders one to download.
  const browserPrints = hostInfo?.host !== 'electron';
  const card = (format: Format, title: string, hint: string, extra?: ReactNode, downloadable = true) => (
    <section className="card export-card" aria-labelledby={`export-${format}`}>
      <h2 id={`export-${format}`}>{title}</h2>
      <p className="hint">{hint}</p>
      {extra}
      {downloadable && <button type="button" className="button-primary" disabled={status?.state === 'preparing'} onClick={() => void download(format)} aria-describedby={`export-${format}`}>
        {status?.format === format && status.state === 'preparing' ? t.exports.preparing : t.exports.download}
      </button>}
      {status?.format === format && status.state === 'ready' && <p className="alert alert-ok" role="status">{t.exports.ready(status.fileName)}</p>}
      {status?.format === format && status.state === 'failed' && <ErrorWithAdvice title={t.exports.failed} error={status.error} />}
    </section>
  );

  return (
    <section aria-labelledby="page-title" className="page exports-page">
      <PageTitle>{t.exports.title}</PageTitle>
      <p className="lead">{t.exports.intro}</p>
      <div className="export-grid">
        {card('json', t.exports.json, t.exports.jsonHint)}
        {card('csv', t.exports.csv, t.exports.csvHint, (
          <label className="checkbox-inline">
            <input type="checkbox" checked={pseudonymise} onChange={(e) => setPseudonymise(e.target.checked)} /> {t.exports.pseudonymise}
          </label>
        ))}
        {card('pdf', t.exports.pdf, browserPrints ? `${t.exports.pdfHint} ${t.exports.pdfBrowserHint}` : t.exports.pdfHint, (
          <button type="button" className={browserPrints ? 'button-primary' : 'button-secondary'} onClick={onPrintSummary}>{t.summary.print}</button>
        ), !browserPrints)}
      </div>
      <MigrationPlanCard report={report} reportId={reportId} />
      <BreachIndexCard />
    </section>
  );
}
