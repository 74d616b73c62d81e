// The page objects of Vigie's UI, shared by the browser run (loopback host) and the Electron run. They find
// things the way a person does, by role and visible name, in the UI's current language.
import type { Page } from 'playwright-core';
import type { Language } from '../../shared/contract/api.ts';
import { en } from '../../renderer/src/i18n/messages-en.ts';
import { fr, type Messages } from '../../renderer/src/i18n/messages-fr.ts';
import { AccountsPage } from './accounts-page.ts';
import { BreachIndexCard } from './breach-index-card.ts';
import { ExportsPage } from './exports-page.ts';
import { ScanPage } from './scan-page.ts';
import { SummaryPage } from './summary-page.ts';

const DICTIONARIES: Record<Language, Messages> = { fr, en };

/** The UI's words in the language the page shows now; the page objects read it at each step. */
export class Words {
  constructor(public language: Language = 'fr') {}
  get t(): Messages {
    return DICTIONARIES[this.language];
  }
}

export class VigieApp {
  readonly words: Words;
  readonly scan: ScanPage;
  readonly summary: SummaryPage;
  readonly accounts: AccountsPage;
  readonly exports: ExportsPage;
  readonly breach: BreachIndexCard;

  constructor(readonly page: Page, language: Language = 'fr') {
    this.words = new Words(language);
    this.scan = new ScanPage(page, this.words);
    this.summary = new SummaryPage(page, this.words);
    this.accounts = new AccountsPage(page, this.words);
    this.exports = new ExportsPage(page, this.words);
    this.breach = new BreachIndexCard(page, this.words);
  }

  private get nav() {
    return this.page.getByRole('navigation', { name: this.words.t.app.mainNav });
  }

  async goTo(section: 'scan' | 'summary' | 'accounts' | 'exports'): Promise<void> {
    await this.nav.getByRole('button', { name: this.words.t.nav[section], exact: true }).click();
    await this.page.getByRole('heading', { level: 1 }).first().waitFor();
  }

  async currentSection(): Promise<string | null> {
    return this.nav.locator('[aria-current="page"]').textContent();
  }

  /** How far the page scrolls sideways (0: it fits the window's width). */
  async sidewaysOverflow(): Promise<number> {
    return this.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;
  }

  async switchLanguage(language: Language): Promise<void> {
    await this.page.getByLabel(this.words.t.app.language, { exact: true }).selectOption(language);
    this.words.language = language;
    await this.nav.getByRole('button', { name: this.words.t.nav.scan, exact: true }).waitFor();
  }
}
