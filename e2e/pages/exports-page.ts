// The Exports page: JSON and CSV downloads (a Blob link), and the printable summary.
import type { Download, Page } from 'playwright-core';
import type { Words } from './vigie-app.ts';

export class ExportsPage {
  constructor(private readonly page: Page, private readonly words: Words) {}

  private get t() {
    return this.words.t;
  }

  private card(title: string) {
    return this.page.getByRole('region', { name: title });
  }

  async setPseudonymise(on: boolean): Promise<void> {
    await this.page.getByLabel(this.t.exports.pseudonymise).setChecked(on);
  }

  /** Clicks Download on a card and returns the file the browser saved. */
  async download(format: 'json' | 'csv'): Promise<Download> {
    const title = format === 'json' ? this.t.exports.json : this.t.exports.csv;
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.card(title).getByRole('button', { name: this.t.exports.download }).click(),
    ]);
    return download;
  }
}
