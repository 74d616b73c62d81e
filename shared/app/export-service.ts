// Exports of a saved report: JSON (the report as is), CSV (one row per account, optionally pseudonymised),
// PDF (the summary page, rendered by a host that has a browser engine: Electron's main process), and the accounts'
// pseudonyms, for the page's CSV in the reader's language (renderer/src/model/accounts-csv.ts).
import type { AccountPseudonym, ExportFile, ExportRequest, Language } from '../contract/api.ts';
import type { ScanReport } from '../contract/report.ts';
import { VigieError } from '../engine/errors.ts';
import type { HistoryStore } from './history-store.ts';
import { Pseudonymiser } from './pseudonymiser.ts';
import { reportCsv } from './report-csv.ts';

/** Renders a report's summary page to PDF bytes. Only Electron has one; the loopback page prints itself. */
export type PdfRenderer = (reportId: string, language: Language) => Promise<Uint8Array>;

export class PdfUnavailableError extends VigieError {
  override readonly name = 'PdfUnavailableError';
  constructor() {
    super("PDF export is done by the browser here: use the page's Print button and choose « Save as PDF »", undefined, { code: 'PDF_IN_BROWSER' });
  }
}

export class ExportService {
  private pseudonymiser: Promise<Pseudonymiser> | null = null;

  constructor(
    private readonly history: HistoryStore,
    private readonly dataDir: string,
    private readonly renderPdf?: PdfRenderer,
  ) {}

  async export(request: ExportRequest): Promise<ExportFile> {
    const report = await this.history.get(request.reportId);
    const base = fileBase(request.reportId, report);
    switch (request.format) {
      case 'json':
        return { fileName: `${base}.json`, mimeType: 'application/json', encoding: 'utf8', data: JSON.stringify(report, null, 2) + '\n' };
      case 'csv': {
        const pseudonymiser = request.pseudonymise ? await this.pseudonymiserForInstall() : undefined;
        return {
          fileName: `${base}${request.pseudonymise ? '-pseudonymise' : ''}.csv`,
          mimeType: 'text/csv',
          encoding: 'utf8',
          // A BOM so spreadsheet programs read the accents as UTF-8.
          data: '\ufeff' + reportCsv(report, pseudonymiser),
        };
      }
      case 'pseudonyms': {
        const pseudonymiser = await this.pseudonymiserForInstall();
        const list: AccountPseudonym[] = report.accounts.map((a) => ({
          dn: a.dn, login: a.login, pseudoDn: pseudonymiser.pseudonym('dn', a.dn), pseudoLogin: pseudonymiser.pseudonym('login', a.login),
        }));
        return { fileName: `${base}-pseudonymes.json`, mimeType: 'application/json', encoding: 'utf8', data: JSON.stringify(list) };
      }
      case 'pdf': {
        if (!this.renderPdf) throw new PdfUnavailableError();
        const bytes = await this.renderPdf(request.reportId, request.language ?? 'fr');
        return { fileName: `${base}.pdf`, mimeType: 'application/pdf', encoding: 'base64', data: Buffer.from(bytes).toString('base64') };
      }
    }
  }

  private pseudonymiserForInstall(): Promise<Pseudonymiser> {
    // One key load per run; a failed load is retried next time.
    this.pseudonymiser ??= Pseudonymiser.forDataDir(this.dataDir).catch((e: unknown) => {
      this.pseudonymiser = null;
      throw e;
    });
    return this.pseudonymiser;
  }
}

function fileBase(reportId: string, report: ScanReport): string {
  const day = report.finishedAt.slice(0, 10);
  return `vigie-${/^\d{4}-\d{2}-\d{2}$/.test(day) ? day : reportId}`;
}
