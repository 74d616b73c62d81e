// The Exports page's migration plan card (issue #13 §6), found by role and visible name in the UI's language.
import type { Page } from 'playwright-core';
import type { Words } from './vigie-app.ts';

export interface PlanForm {
  /** The saved school's name as the select shows it (name — URL); default: the one the card chose. */
  school?: string;
  bindPassword?: string;
  configDn?: string;
  configPassword: string;
  folder: string;
}

export class MigrationPlanCard {
  constructor(private readonly page: Page, private readonly words: Words) {}

  private get t() {
    return this.words.t;
  }

  get card() {
    return this.page.getByRole('region', { name: this.t.plan.title });
  }

  /** Fills the form (the bind password field's label names the school's bind DN) and presses « Préparer le plan ». */
  async build(form: PlanForm, bindDn: string): Promise<void> {
    const card = this.card;
    if (form.school !== undefined) await card.getByLabel(this.t.plan.school).selectOption({ label: form.school });
    if (form.bindPassword !== undefined) await card.getByLabel(this.t.plan.bindPassword(bindDn), { exact: true }).fill(form.bindPassword);
    if (form.configDn !== undefined) await card.getByLabel(this.t.plan.configDn).fill(form.configDn);
    await card.getByLabel(this.t.plan.configPassword, { exact: true }).fill(form.configPassword);
    await card.getByLabel(this.t.plan.folder).fill(form.folder);
    await card.getByRole('button', { name: this.t.plan.build }).click();
  }

  /** The success line once the plan is written. */
  async waitForWritten(folder: string): Promise<string> {
    const line = this.card.getByText(this.t.plan.written(folder));
    await line.waitFor({ timeout: 60_000 });
    return (await line.textContent()) ?? '';
  }

  async failure(): Promise<string> {
    const alert = this.card.getByRole('alert');
    await alert.waitFor();
    return (await alert.locator('.alert-message').textContent()) ?? '';
  }

  /** The steps as shown: their titles, in order. */
  async stepTitles(): Promise<string[]> {
    return this.card.locator('.plan-steps > li > strong').allTextContents();
  }

  /** The file table's rows: name (as shown in its code cell) and access. */
  async fileRows(): Promise<{ name: string; access: string }[]> {
    const rows = this.card.locator('.plan-files tbody tr');
    const out: { name: string; access: string }[] = [];
    for (let i = 0; i < await rows.count(); i++) {
      const cells = rows.nth(i).locator('td');
      out.push({ name: (await cells.nth(0).locator('code').textContent()) ?? '', access: (await cells.nth(2).textContent()) ?? '' });
    }
    return out;
  }

  async command(kind: 'dry-run' | 'apply' | 'rollback'): Promise<string> {
    return (await this.card.locator(`pre[data-command="${kind}"]`).textContent()) ?? '';
  }
}
