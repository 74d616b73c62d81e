// Issue #13's last « Done when »: no console error and no 404 on any page, at 800, 1280 and 1920 px wide, in French
// and in English. A live slapd school scanned twice from the app (so the summary has a history to pick from and a
// trend), then every page — scan, summary, accounts (with an account's detail open), exports (the plan card, the
// breached-password card), the history picker — shown at each width in each language. Each must fit the window's
// width (no sideways scrolling), and no button's label may wrap (the summary's print button did at 1280 px).
// A screenshot of each in e2e-artifacts/sweep-<language>-<page>-<width>.png.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/artifacts.ts';
import { openVigie } from './support/open-vigie.ts';
import { startVigieOnSchool, type SchoolVigieUnderTest } from './support/vigie-under-test.ts';
import type { VigieApp } from './pages/vigie-app.ts';

const SCHOOL = { seed: 20261207, accounts: 120, flavour: 'sdet', schemes: ['SSHA', 'MD5', 'CLEARTEXT'] } as const;
const SCHOOL_NAME = 'Lycée du balayage (e2e)';
const WIDTHS = [800, 1280, 1920] as const;
const SCAN_WAIT = 420_000;
const nextFrame = 'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))';

/** Buttons on screen whose label runs over more than one line: their text, for the failure message. */
function wrappedButtons(page: Page): Promise<string[]> {
  return page.locator('main button:visible, header button:visible').evaluateAll((buttons) => buttons.flatMap((button) => {
    const range = button.ownerDocument.createRange();
    range.selectNodeContents(button);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return tops.size > 1 ? [(button.textContent ?? '').trim()] : [];
  }));
}

describe('every page at 800, 1280 and 1920 px, in French and in English: no error, no 404, no sideways scrolling', () => {
  let vigie: SchoolVigieUnderTest;
  let browser: Browser;
  let page: Page;
  let app: VigieApp;
  let problems: string[] = [];

  beforeAll(async () => {
    vigie = await startVigieOnSchool({ ...SCHOOL, schemes: [...SCHOOL.schemes] }, 'open');
    ({ browser, page, app, problems } = await openVigie(vigie.host.url));
  });

  afterAll(async () => {
    await browser?.close();
    await vigie?.close();
  });

  it('scans the saved school twice, so the summary has a history and a trend', async () => {
    const { slapd, school } = vigie;
    await app.scan.scanAsSavedSchool(SCHOOL_NAME, { url: slapd.url, baseDn: school.school.baseDn, bindDn: slapd.rootDn, password: slapd.rootPw }, 'quick');
    // Seconds on an idle machine; minutes when others load its two cores.
    await app.summary.waitForReport(SCAN_WAIT);
    await app.goTo('scan');
    await app.scan.chooseSavedSchool(SCHOOL_NAME);
    await page.getByLabel(app.words.t.scan.password, { exact: true }).fill(slapd.rootPw);
    await app.scan.chooseDepth('quick');
    await app.scan.start();
    await expect.poll(async () => (await vigie.services.listHistory()).length, { timeout: SCAN_WAIT }).toBe(2);
    await app.summary.waitForReport();
    expect(await app.summary.historyEntries()).toHaveLength(2);
  }, 2 * SCAN_WAIT + 60_000);

  for (const language of ['fr', 'en'] as const) {
    for (const width of WIDTHS) {
      it(`${language} at ${width} px: every page fits, no button wraps`, async () => {
        if (app.words.language !== language) await app.switchLanguage(language);
        await page.setViewportSize({ width, height: 900 });
        const t = app.words.t;
        const visit = async (name: string): Promise<void> => {
          await page.evaluate(nextFrame);
          expect(await app.sidewaysOverflow(), `${name}, ${language}, ${width} px`).toBeLessThanOrEqual(0);
          expect(await wrappedButtons(page), `${name}, ${language}, ${width} px`).toEqual([]);
          await screenshot(page, `sweep-${language}-${name}-${width}`);
        };
        for (const section of ['scan', 'summary', 'accounts', 'exports'] as const) {
          await app.goTo(section);
          if (section === 'summary') await app.summary.waitForReport();
          if (section === 'exports') await page.getByRole('region', { name: t.plan.title }).waitFor();
          await visit(section);
        }
        // The history: the summary's report picker, the earlier scan chosen.
        await app.goTo('summary');
        const history = await vigie.services.listHistory();
        await page.locator('#report-picker').selectOption(history[1]!.reportId);
        await app.summary.waitForReport();
        await visit('history');
        await page.locator('#report-picker').selectOption(history[0]!.reportId);
        // An account's detail, beside or over the list.
        await app.goTo('accounts');
        const [first] = await app.accounts.visibleRows();
        await app.accounts.openDetail(first!.login);
        await visit('account-detail');
        await app.accounts.closeDetailWithEscape();
      });
    }
  }

  it('titles the summary with a school name typed and not saved', async () => {
    const { slapd, school } = vigie;
    if (app.words.language !== 'fr') await app.switchLanguage('fr');
    await page.setViewportSize({ width: 1280, height: 900 });
    const t = app.words.t;
    const typed = 'Lycée tapé sans enregistrer';
    await app.goTo('scan');
    await app.scan.useNewLdapConnection({ url: slapd.url, baseDn: school.school.baseDn, bindDn: slapd.rootDn, password: slapd.rootPw });
    await page.getByLabel(t.scan.profileName, { exact: true }).fill(typed);
    await app.scan.chooseDepth('quick');
    await app.scan.start();
    await expect.poll(async () => (await vigie.services.listHistory()).length, { timeout: SCAN_WAIT }).toBe(3);
    await app.summary.waitForReport();
    expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toBe(`${t.summary.title} — ${typed}`);
    const [entry] = await vigie.services.listHistory();
    expect(entry!.label).toBe(typed);
    expect(entry!.profileId).toBeUndefined();
    // Not saved: the saved schools are the demo and the one saved above.
    expect((await vigie.services.listProfiles()).map((p) => p.name)).not.toContain(typed);
    expect(await page.getByTestId('confidential').textContent()).toContain(typed);
    await screenshot(page, 'sweep-typed-name-summary');
  }, SCAN_WAIT + 60_000);

  it('takes an LDIF by the file picker and by a drop: a 0600 copy in the data folder, its path in the field, scanned', async () => {
    const t = app.words.t;
    const uploads = path.join(path.dirname(vigie.workDir), 'data', 'uploads');
    await app.goTo('scan');
    await page.getByRole('radio', { name: t.scan.newConnection }).check();
    await page.getByRole('radio', { name: t.scan.kindLdif }).check();
    const field = page.getByLabel(t.scan.ldifFile, { exact: true });

    // The picker: « Choisir un fichier… » is the file input's label.
    await page.getByLabel(t.scan.ldifPick.choose).setInputFiles(vigie.school.ldif);
    await page.getByTestId('ldif-uploaded').waitFor();
    const picked = await field.inputValue();
    expect(path.dirname(picked)).toBe(uploads);
    expect(picked.endsWith(`-${path.basename(vigie.school.ldif)}`)).toBe(true);
    expect((await readFile(picked)).equals(await readFile(vigie.school.ldif))).toBe(true);
    expect((await stat(picked)).mode & 0o777).toBe(0o600);
    expect((await stat(uploads)).mode & 0o777).toBe(0o700);
    expect(await page.getByTestId('ldif-uploaded').innerText()).toBe(t.scan.ldifPick.done(path.basename(vigie.school.ldif)));
    // « Vérifier le fichier » reads the copy through.
    const blocks = (await readFile(vigie.school.ldif, 'utf8')).split(/\n\s*\n/).filter((b) => /^dn:/m.test(b)).length;
    const check = await vigie.services.testConnection({ connection: { kind: 'ldif', file: picked } });
    expect(check.file?.entries).toBe(blocks);
    expect(await app.scan.checkFile()).toBe(t.scan.testFileOk(check.file!.entries, check.file!.withPassword));
    await page.setViewportSize({ width: 800, height: 900 });
    await page.getByTestId('ldif-drop').scrollIntoViewIfNeeded();
    expect(await app.sidewaysOverflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'sweep-ldif-picked-800');
    await page.setViewportSize({ width: 1280, height: 900 });

    // A drop on the zone, as a file dragged from the desktop.
    const text = await readFile(vigie.school.ldif, 'utf8');
    const dataTransfer = await page.evaluateHandle((ldif) => {
      // The page's DataTransfer and File (this file is typed for Node, not the DOM).
      const page = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string, options: { type: string }) => unknown;
      };
      const dt = new page.DataTransfer();
      dt.items.add(new page.File([ldif], 'depose.ldif', { type: 'text/plain' }));
      return dt;
    }, text);
    await page.getByTestId('ldif-drop').dispatchEvent('drop', { dataTransfer });
    await page.getByTestId('ldif-uploaded').filter({ hasText: 'depose.ldif' }).waitFor();
    const dropped = await field.inputValue();
    expect(path.basename(dropped)).toMatch(/-depose\.ldif$/);
    expect(await readFile(dropped, 'utf8')).toBe(text);
    expect((await stat(dropped)).mode & 0o777).toBe(0o600);

    const before = (await vigie.services.listHistory()).length;
    await app.scan.chooseDepth('quick');
    await app.scan.start();
    await expect.poll(async () => (await vigie.services.listHistory()).length, { timeout: SCAN_WAIT }).toBe(before + 1);
    await app.summary.waitForReport();
    const [entry] = await vigie.services.listHistory();
    expect(entry!.source).toBe(dropped);
    expect((await vigie.services.getReport(entry!.reportId)).accounts).toHaveLength(SCHOOL.accounts);
    // The summary names the file by its name only, never the data folder's path.
    expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toBe(`${t.summary.title} — ${t.history.source('ldif', dropped)}`);
    expect(await page.locator('main').innerText()).not.toContain(uploads);
  }, SCAN_WAIT + 60_000);

  it('raised no page error, no console error, and no request failed (no 404)', () => {
    expect(problems).toEqual([]);
  });
});
