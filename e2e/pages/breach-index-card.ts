// The breached-password card on the Exports page: the index's status, the path field, Import, the progress bar.
import type { Page } from 'playwright-core';
import type { Words } from './vigie-app.ts';

export class BreachIndexCard {
  constructor(private readonly page: Page, private readonly words: Words) {}

  private get t() {
    return this.words.t;
  }

  private get card() {
    return this.page.getByRole('region', { name: this.t.breach.title });
  }

  async status(): Promise<string> {
    return this.card.getByTestId('breach-index-status').innerText();
  }

  /** Types the path and clicks Import; does not wait for the import to end. */
  async importFrom(path: string): Promise<void> {
    await this.card.getByLabel(this.t.breach.pathLabel).fill(path);
    await this.card.getByRole('button', { name: this.t.breach.import, exact: true }).click();
  }

  /** Waits for the card's message (success, cancel or error) holding `text`, and returns all of it. */
  async waitForMessage(text: string, timeout = 60_000): Promise<string> {
    const message = this.card.locator('.alert').filter({ hasText: text });
    await message.waitFor({ timeout });
    return message.innerText();
  }

  async waitForStatus(pattern: RegExp, timeout = 30_000): Promise<string> {
    const status = this.card.getByTestId('breach-index-status');
    await status.filter({ hasText: pattern }).waitFor({ timeout });
    return status.innerText();
  }
}
