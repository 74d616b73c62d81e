// The Accounts page: filters, search, sort, and the rows on screen.
import type { Download, Page } from 'playwright-core';
import type { AccountFindingCode, Profile, Severity } from '../../shared/contract/codes.ts';
import type { Words } from './vigie-app.ts';

export interface VisibleRow {
  login: string;
  profile: string;
  risk: string;
  findings: string;
}

/** What the detail panel says, read as a person sees it. */
export interface AccountDetailView {
  title: string;
  /** « critique Mot de passe stocké en clair », one per finding. */
  findings: string[];
  actions: string[];
  /** [scheme, attribute, parameters] per stored value. */
  schemes: string[][];
  /** Everything the panel shows. */
  text: string;
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

  private row(login: string) {
    return this.page.locator(`.accounts-table tbody tr[data-login="${login}"]`);
  }

  private get detail() {
    return this.page.getByTestId('account-detail');
  }

  /** Clicks the account's row (it must be drawn: search for it first). */
  async openDetail(login: string): Promise<AccountDetailView> {
    await this.row(login).click();
    return this.readDetail();
  }

  /** Focuses the account's row and presses Enter, as a keyboard user does. */
  async openDetailWithKeyboard(login: string): Promise<AccountDetailView> {
    await this.row(login).focus();
    await this.page.keyboard.press('Enter');
    return this.readDetail();
  }

  async readDetail(): Promise<AccountDetailView> {
    await this.detail.waitFor();
    return this.detail.evaluate((panel) => {
      const text = (el: { textContent: string | null }): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      return {
        title: text(panel.querySelector('h2')!),
        findings: [...panel.querySelectorAll('.detail-findings li')].map(text),
        actions: [...panel.querySelectorAll('[data-testid="account-actions"] li')].map(text),
        schemes: [...panel.querySelectorAll('[data-testid="account-schemes"] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(text)),
        text: text(panel),
      };
    });
  }

  async isDetailOpen(): Promise<boolean> {
    return this.detail.isVisible();
  }

  /** Escape closes the panel; returns the login of the row that has the focus then. */
  async closeDetailWithEscape(): Promise<string | null> {
    await this.page.keyboard.press('Escape');
    await this.detail.waitFor({ state: 'detached' });
    await this.settle();
    return this.page.evaluate('document.activeElement?.getAttribute("data-login") ?? null') as Promise<string | null>;
  }

  /** Clicks « export the list shown » and returns the file the browser saved. */
  async exportCsv(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: this.t.accounts.exportCsv, exact: true }).click(),
    ]);
    return download;
  }

  /** The list's box against the window: how much of the window's height it leaves unused below it. */
  async listFit(): Promise<{ top: number; bottom: number; windowHeight: number }> {
    return this.page.locator('.table-scroll').evaluate((el) => {
      const box = el.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, windowHeight: (globalThis as unknown as { innerHeight: number }).innerHeight };
    });
  }

  /** How much narrower the drawn columns are than the list's box (0: the columns fill it, no empty strip). */
  async unusedListWidth(): Promise<number> {
    return this.page.locator('.table-scroll').evaluate((el) => {
      const head = el.querySelector('thead tr');
      const cells = [...(head?.children ?? [])].map((th) => th.getBoundingClientRect()).filter((box) => box.width > 0);
      const right = Math.max(...cells.map((box) => box.right));
      return Math.round(el.getBoundingClientRect().left + el.clientWidth - right);
    });
  }

  /** Rows taller than their tallest cell's text needs (a stale measure, a hidden column's text wrapping): px. */
  async slackRows(): Promise<number> {
    return this.page.locator('.accounts-table tbody tr[data-login]').evaluateAll((rows) => rows.filter((row) => {
      const cells = [...row.querySelectorAll('td')].filter((td) => td.getBoundingClientRect().width > 0);
      const tallest = Math.max(...cells.map((td) => {
        const range = td.ownerDocument.createRange();
        range.selectNodeContents(td);
        return range.getBoundingClientRect().height;
      }));
      // 4 px padding above and below, a border, and a little rounding.
      return row.getBoundingClientRect().height > tallest + 14;
    }).length);
  }

  /** Problems cells whose text the row cuts (wider or taller than the cell shows). */
  async cutProblemCells(): Promise<number> {
    return this.page.locator('.accounts-table tbody tr[data-login] td.col-findings').evaluateAll((cells) =>
      cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1).length);
  }
}
