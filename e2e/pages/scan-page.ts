// The Scan page: a new connection or a saved school, test, save, depth, start, progress, cancel.
import type { Page } from 'playwright-core';
import type { Depth } from '../../shared/contract/codes.ts';
import type { Words } from './vigie-app.ts';

export interface LdapDetails {
  url: string;
  baseDn: string;
  bindDn?: string;
  password?: string;
}

export class ScanPage {
  constructor(private readonly page: Page, private readonly words: Words) {}

  private get t() {
    return this.words.t;
  }

  async useNewLdapConnection(details: LdapDetails): Promise<void> {
    await this.page.getByRole('radio', { name: this.t.scan.newConnection }).check();
    await this.page.getByRole('radio', { name: this.t.scan.kindLdap }).check();
    await this.page.getByLabel(this.t.scan.url, { exact: true }).fill(details.url);
    await this.page.getByLabel(this.t.scan.baseDn, { exact: true }).fill(details.baseDn);
    await this.page.getByLabel(this.t.scan.bindDn, { exact: true }).fill(details.bindDn ?? '');
    if (details.password !== undefined) await this.page.getByLabel(this.t.scan.password, { exact: true }).fill(details.password);
  }

  /**
   * Saves a live directory as a school and scans it from the saved profile, as a school's IT person does: the
   * browser host keeps no password, so it is typed again for the scan. Returns once the scan has started.
   */
  async scanAsSavedSchool(name: string, details: Required<LdapDetails>, depth: Depth): Promise<void> {
    await this.useNewLdapConnection(details);
    await this.saveAsSchool(name);
    await this.chooseSavedSchool(name);
    await this.page.getByLabel(this.t.scan.password, { exact: true }).fill(details.password);
    await this.chooseDepth(depth);
    await this.start();
  }

  async useLdifFile(file: string): Promise<void> {
    await this.page.getByRole('radio', { name: this.t.scan.newConnection }).check();
    await this.page.getByRole('radio', { name: this.t.scan.kindLdif }).check();
    await this.page.getByLabel(this.t.scan.ldifFile, { exact: true }).fill(file);
  }

  async passwordFieldType(): Promise<string | null> {
    return this.page.getByLabel(this.t.scan.password, { exact: true }).getAttribute('type');
  }

  /** Tests the connection and returns the sentence the page shows. */
  async testConnection(): Promise<string> {
    await this.page.getByRole('button', { name: this.t.scan.testConnection }).click();
    const notice = this.page.locator('.scan-form .alert').first();
    await notice.waitFor();
    await notice.scrollIntoViewIfNeeded();
    return (await notice.innerText()).trim();
  }

  /** An LDIF source: « Vérifier le fichier » (issue #13 §7), and the sentence the page shows. */
  async checkFile(): Promise<string> {
    await this.page.getByRole('button', { name: this.t.scan.testFile }).click();
    const notice = this.page.getByTestId('file-check');
    await notice.waitFor();
    await notice.scrollIntoViewIfNeeded();
    return (await notice.innerText()).trim();
  }

  /** The notices under the form (test results, errors); empty when none is shown. */
  async formNotices(): Promise<string[]> {
    return this.page.locator('.scan-form .alert').allInnerTexts();
  }

  /** The line a reloaded page shows above a scan it did not start: which scan it follows. */
  async resumedLine(): Promise<string> {
    const line = this.page.getByTestId('scan-resumed');
    await line.waitFor();
    return line.innerText();
  }

  async saveAsSchool(name: string): Promise<void> {
    await this.page.getByLabel(this.t.scan.profileName, { exact: true }).fill(name);
    await this.page.getByRole('button', { name: this.t.scan.saveProfile }).click();
    await this.page.getByRole('status').filter({ hasText: this.t.scan.profileSaved(name) }).waitFor();
  }

  async chooseSavedSchool(name: string): Promise<void> {
    await this.page.getByRole('radio', { name: this.t.scan.savedSchool }).check();
    await this.page.getByRole('combobox', { name: this.t.scan.savedSchool }).selectOption({ label: name });
  }

  async chooseDepth(depth: Depth): Promise<void> {
    await this.page.getByRole('radio', { name: this.t.depths.names[depth] }).check();
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: this.t.scan.start }).click();
  }

  /** Waits until the live progress shows a phase under way or done. */
  async waitForProgress(): Promise<string[]> {
    const panel = this.page.getByRole('region', { name: this.t.progress.title });
    await panel.waitFor();
    await panel.locator('.phase-running, .phase-done').first().waitFor({ timeout: 60_000 });
    return panel.locator('.phase-name').allInnerTexts();
  }

  async cancel(): Promise<void> {
    await this.page.getByRole('button', { name: this.t.progress.cancel }).click();
  }

  async waitForCancelled(): Promise<string> {
    const notice = this.page.getByRole('status').filter({ hasText: this.t.progress.cancelled });
    await notice.waitFor({ timeout: 60_000 });
    return notice.innerText();
  }

  async failure(): Promise<string> {
    const alert = this.page.getByRole('alert').first();
    await alert.waitFor();
    return alert.innerText();
  }
}
