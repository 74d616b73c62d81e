// Electron's PDF export loads the page with `?print=<reportId>&lang=<fr|en>` (electron/summary-pdf.ts): the page
// then shows that report's summary alone and sets `data-print-ready="true"` on <html> once it is drawn.
import type { Language } from '../../shared/contract/index.ts';

export interface PrintRequest {
  reportId: string;
  language: Language;
}

export function printRequestOf(href: string): PrintRequest | null {
  const params = new URL(href).searchParams;
  const reportId = params.get('print');
  if (reportId === null || !/^[A-Za-z0-9_-]{1,64}$/.test(reportId)) return null;
  return { reportId, language: params.get('lang') === 'en' ? 'en' : 'fr' };
}

export function markPrintReady(): void {
  document.documentElement.dataset.printReady = 'true';
}
