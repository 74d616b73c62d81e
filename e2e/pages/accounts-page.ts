// The Accounts page: filters, search, sort, and the rows on screen.
import type { Page } from 'playwright-core';
import type { AccountFindingCode, Profile, Severity } from '../../shared/contract/codes.ts';
import type { Words } from './vigie-app.ts';

export interface VisibleRow {
  login: string;
  profile: string;
  risk: string;
  findings: string;
}

export class AccountsPage {
  constructor(private readonly page: Page, private readonly words: Words) {}

  private get t() {
    return this.words.t;
  }

  /** "N comptes affichés sur M" → N. */
  async shownCount(): Promise<number> {
    const text = await this.page.getByTestId('accounts-count').innerText();
    return Number((/^[\d\s\u202f\u00a0,]+/.exec(text)?.[0] ?? '').replace(/\D/g, ''));
  }

  private async settle(): Promise<void> {
    // Filtering is deferred one frame; the count is the page's own word that it has caught up.
    await this.page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  }

  async filterByProfile(profile: Profile | null): Promise<void> {
    await this.page.getByLabel(this.t.accounts.profileFilter, { exact: true }).selectOption(profile ?? '');
    await this.settle();
  }

  async filterByCode(code: AccountFindingCode | null): Promise<void> {
    await this.page.getByLabel(this.t.accounts.codeFilter, { exact: true }).selectOption(code ?? '');
    await this.settle();
  }

  async filterBySeverity(severity: Severity | null): Promise<void> {
    await this.page.getByLabel(this.t.accounts.severityFilter, { exact: true }).selectOption(severity ?? '');
    await this.settle();
  }

  /** Ticks or unticks « only the accounts to renew by force » (shown when the report has some). */
  async onlyForcedRenewal(on: boolean): Promise<void> {
    await this.page.getByLabel(this.t.accounts.onlyForcedRenewal, { exact: true }).setChecked(on);
    await this.settle();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel(this.t.accounts.search, { exact: true }).fill(text);
    await this.settle();
  }

  async clearSearchWithEscape(): Promise<void> {
    await this.page.getByLabel(this.t.accounts.search, { exact: true }).press('Escape');
    await this.settle();
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: this.t.accounts.clearFilters }).click();
    await this.settle();
  }

  async sortBy(column: keyof typeof this.t.accounts.columns): Promise<void> {
    await this.page.getByRole('button', { name: this.t.accounts.columns[column], exact: true }).click();
    await this.settle();
  }

  /** The rows the page has drawn (virtualised: only those near the screen). */
  async visibleRows(): Promise<VisibleRow[]> {
    return this.page.locator('.accounts-table tbody tr[data-login]').evaluateAll((rows) => rows.map((row) => {
      const cell = (name: string): string => (row.querySelector(`td.col-${name}`)?.textContent ?? '').trim();
      return { login: cell('login'), profile: cell('profile'), risk: cell('risk'), findings: cell('findings') };
    }));
  }

  async renderedRowCount(): Promise<number> {
    return this.page.locator('.accounts-table tbody tr[data-login]').count();
  }
}
