// Issue #13 §4, the principal's one-page A4 summary as a PDF (Chromium's print of the page, the same print rules
// Electron's printToPDF uses): it carries what A–F mean, the school, the date of the scan and a « Confidentiel —
// données de mineurs » mark at its foot, and no path of this computer as its source — neither for the built-in
// demo school nor for an LDIF file scanned once without a name. Read back with pdftotext.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../shared/contract/report.ts';
import { GRADE_FLOORS } from '../shared/contract/codes.ts';
import { DEMO_LDIF } from '../shared/app/demo-school.ts';
import { artifactPath, screenshot } from './support/artifacts.ts';
import { launchChromium } from './support/chromium.ts';
import { canReadPdfText, pdfPages } from './support/pdf-text.ts';
import { startVigieOnSchool, type SchoolVigieUnderTest } from './support/vigie-under-test.ts';
import { VigieApp } from './pages/vigie-app.ts';

const DEMO_NAME = 'École de démonstration (synthétique)';

/** Intl and layout put no-break spaces where a reader sees spaces: compare words. */
const words = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

describe('the one-page A4 summary: legend, school, date, confidentiality, no local path', () => {
  let vigie: SchoolVigieUnderTest;
  let browser: Browser;
  let page: Page;
  let app: VigieApp;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    vigie = await startVigieOnSchool({ seed: 4, accounts: 80, flavour: 'sdet', schemes: ['SSHA', 'MD5', 'CLEARTEXT'] });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`${m.text()} (${m.location().url})`); });
    app = new VigieApp(page, 'fr');
    await page.goto(vigie.host.url);
    await page.getByRole('heading', { level: 1, name: app.words.t.scan.title }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await vigie?.close();
  });

  async function scan(choose: () => Promise<void>): Promise<ScanReport> {
    const before = (await vigie.services.listHistory()).length;
    await app.goTo('scan');
    await choose();
    await app.scan.chooseDepth('quick');
    await app.scan.start();
    await app.summary.waitForReport();
    const history = await vigie.services.listHistory();
    expect(history).toHaveLength(before + 1);
    return vigie.services.getReport(history[0]!.reportId);
  }

  /** The summary printed as Chromium prints it: one page, its text in reading order. */
  async function printed(name: string): Promise<string> {
    const file = await artifactPath(name);
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    const bytes = await readFile(file);
    expect(bytes.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    const pages = await pdfPages(file);
    expect(pages).toHaveLength(1);
    return pages[0]!;
  }

  function expectLegend(text: string): void {
    const t = app.words.t;
    expect(words(text)).toContain(t.legend.title);
    GRADE_FLOORS.forEach(([grade, low], i) => {
      const high = i === 0 ? 100 : GRADE_FLOORS[i - 1]![1] - 1;
      expect(words(text), grade).toContain(`${grade} ${t.legend.range(low, high)} ${t.legend.words[grade]}`);
    });
    expect(words(text)).toContain(words(t.legend.adminRule));
  }

  it('prints the demo school’s summary with the legend, the school, the date and the mark at the foot', async (context) => {
    const report = await scan(() => app.scan.chooseSavedSchool(DEMO_NAME));
    const t = app.words.t;
    // On screen too: the legend beside the grade, the current grade marked.
    await page.getByTestId('grade-legend').waitFor();
    expect(await page.locator(`[data-testid="grade-legend"] li[aria-current="true"]`).getAttribute('data-grade')).toBe(report.summary.grade);
    await screenshot(page, 'summary-legend-fr');
    if (!canReadPdfText()) {
      context.skip('pdftotext missing (Debian poppler-utils): the PDF text cannot be read');
      return;
    }
    const text = await printed('summary-demo-fr.pdf');
    expectLegend(text);
    expect(words(text)).toContain(DEMO_NAME);
    expect(words(text)).toContain(words(t.summary.scannedOn(t.time.dateTime(report.finishedAt))));
    expect(words(text)).toContain(words(t.summary.source(t.history.source('ldif', DEMO_LDIF))));
    // The mark closes the page: the last line pdftotext reads.
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.at(-1)).toContain(t.legend.confidential);
    // No path of this computer: not the demo file's, not the folder Vigie runs from.
    expect(text).not.toContain(DEMO_LDIF);
    expect(text).not.toContain(path.dirname(DEMO_LDIF));
  });

  it('names an LDIF file scanned without a school by its file name only', async (context) => {
    const report = await scan(() => app.scan.useLdifFile(vigie.school.ldif));
    const t = app.words.t;
    const shortName = t.history.source('ldif', vigie.school.ldif);
    expect(shortName).toBe(`fichier ${path.basename(vigie.school.ldif)}`);
    expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toBe(`${t.summary.title} — ${shortName}`);
    if (!canReadPdfText()) {
      context.skip('pdftotext missing (Debian poppler-utils): the PDF text cannot be read');
      return;
    }
    const text = await printed('summary-ldif-fr.pdf');
    expectLegend(text);
    expect(words(text)).toContain(words(t.summary.scannedOn(t.time.dateTime(report.finishedAt))));
    expect(words(text)).toContain(t.legend.confidential);
    expect(text).not.toContain(path.dirname(vigie.school.ldif));
  });

  it('prints the same in English', async (context) => {
    await app.switchLanguage('en');
    await app.goTo('summary');
    await app.summary.waitForReport();
    if (!canReadPdfText()) {
      context.skip('pdftotext missing (Debian poppler-utils): the PDF text cannot be read');
      return;
    }
    const text = await printed('summary-ldif-en.pdf');
    expectLegend(text);
    expect(words(text)).toContain(app.words.t.legend.confidential);
    expect(text).not.toContain(path.dirname(vigie.school.ldif));
    await app.switchLanguage('fr');
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
