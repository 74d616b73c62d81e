// Printable letters handing out temporary passphrases, one page per account, one file per class, in the plan's
// language (its catalogue's words). They hold passphrases: written with mode 0600, to be printed, handed out and deleted.
import type { PlanMessages } from '../../contract/plan-messages.ts';
import type { IssuedPassphrase } from './account-changes.ts';
import { escapeHtml } from './plan-document.ts';

export const NO_CLASS = 'sans-classe';

/** File name of a class's letters: letters, digits, - and _ only. */
export function letterFileName(className: string): string {
  const safe = className.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  return `${safe || NO_CLASS}.html`;
}

/** The class each account's letter goes with: its first class, or none. */
export function lettersByClass(issued: IssuedPassphrase[]): Map<string, IssuedPassphrase[]> {
  const byClass = new Map<string, IssuedPassphrase[]>();
  for (const one of issued) {
    const c = one.classes[0] ?? NO_CLASS;
    byClass.set(c, [...(byClass.get(c) ?? []), one]);
  }
  return new Map([...byClass].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function classLetters(className: string, accounts: IssuedPassphrase[], school: string, m: PlanMessages): string {
  const t = m.letters;
  const pages = accounts.map((a) => `<section class="letter">
<h1>${escapeHtml(t.heading)}</h1>
<p class="who">${escapeHtml(t.login)}<strong>${escapeHtml(a.login)}</strong>${className === NO_CLASS ? '' : escapeHtml(t.inClass(className))}</p>
<p>${escapeHtml(t.replaced)}</p>
<p class="secret">${escapeHtml(a.passphrase)}</p>
<p>${escapeHtml(t.typeIt)}</p>
<p>${escapeHtml(t.keepSecret)}</p>
<p class="from">${escapeHtml(school)}</p>
</section>`);
  return `<!doctype html>
<html lang="${m.language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(t.title(className === NO_CLASS ? null : className))}</title>
<style>
body { font: 13pt/1.5 system-ui, sans-serif; margin: 0; }
.letter { padding: 2.5cm 2cm; break-after: page; page-break-after: always; }
.secret { font: 18pt/1.4 ui-monospace, monospace; border: 2px solid #000; padding: 0.6rem 1rem; display: inline-block; }
.from { margin-top: 2rem; color: #444; }
</style>
</head>
<body>
${pages.join('\n')}
</body>
</html>
`;
}
