// The Summary page: grade, score, counts, urgent actions, trend, print.
import type { Page } from 'playwright-core';
import type { Profile } from '../../shared/contract/codes.ts';
import type { Words } from './vigie-app.ts';

export class SummaryPage {
  constructor(private readonly page: Page, private readonly words: Words) {}

  async waitForReport(timeout = 120_000): Promise<void> {
    await this.page.getByTestId('grade').waitFor({ timeout });
  }

  async grade(): Promise<string> {
    return (await this.page.locator('[data-testid="grade"] .grade-letter').innerText()).trim();
  }

  async score(): Promise<number> {
    return Number(await this.page.getByTestId('score').innerText());
  }

  async verdictSentence(): Promise<string> {
    return this.page.locator('.verdict-sentence').innerText();
  }

  /** Accounts and accounts to fix for one kind of account, as the table shows them. */
  async profileRow(profile: Profile): Promise<{ accounts: number; withFindings: number } | null> {
    const row = this.page.locator(`tr[data-profile="${profile}"]`);
    if ((await row.count()) === 0) return null;
    const cells = await row.locator('td').allInnerTexts();
    const number = (text: string | undefined): number => Number((text ?? '').replace(/\D/g, ''));
    return { accounts: number(cells[0]), withFindings: number(cells[1]) };
  }

  /** The sentences about passwords others know (imposed formula, shared default); empty when the page shows none. */
  async knownPasswords(): Promise<string[]> {
    const section = this.page.getByRole('region', { name: this.words.t.summary.known });
    return (await section.count()) === 0 ? [] : section.getByRole('listitem').allInnerTexts();
  }

  async urgentActions(): Promise<string[]> {
    return this.page.getByRole('region', { name: this.words.t.summary.urgent }).getByRole('listitem').allInnerTexts();
  }

  /** The "breached passwords not checked" notice, or null when the report had a breach index. */
  async breachNotice(): Promise<string | null> {
    const notice = this.page.getByTestId('breach-not-checked');
    return (await notice.count()) === 0 ? null : notice.innerText();
  }

  async openBreachImport(): Promise<void> {
    await this.page.getByRole('button', { name: this.words.t.summary.breachImport }).click();
  }

  async trendSentence(): Promise<string> {
    return this.page.locator('.trend-sentence').innerText();
  }

  /** The sentence naming the scan just before when it does not compare (another depth or source), or null. */
  async trendSkipped(): Promise<string | null> {
    const line = this.page.getByTestId('trend-skipped');
    return (await line.count()) === 0 ? null : line.innerText();
  }

  /** The dates under the trend's bars, day and time, in order. */
  async trendBarLabels(): Promise<string[]> {
    return this.page.locator('[data-testid="trend-chart"] .trend-label').allTextContents();
  }

  /** The history, as the report picker lists it (most recent first). */
  async historyEntries(): Promise<string[]> {
    return this.page.locator('#report-picker option').allTextContents();
  }

  async printButtonVisible(): Promise<boolean> {
    return this.page.getByRole('button', { name: this.words.t.summary.print }).isVisible();
  }
}
