// plan.md and plan.html: one text, two renderings, for a DSI who has never seen Vigie, in the language of the
// catalogue given (contract/plan-messages*.ts; French by default). What each file does, in what order, how to undo
// it. No password and no hash appears here.
import type { Grade, Profile } from '../../contract/codes.ts';
import type { ForcedCounts, NotUndone, PlanMessages } from '../../contract/plan-messages.ts';
import type { AccountAction, ForcedRenewal } from './account-actions.ts';
import type { PlanStep } from './plan-steps.ts';

const BY_WEIGHT: readonly Profile[] = ['admin', 'teacher', 'staff', 'student', 'parent', 'unknown'];

export const FORCED_RENEWAL_FILE = 'forced-renewal.csv';

type Block =
  | { h2: string }
  | { p: string }
  | { ol: string[] }
  | { ul: string[] }
  | { code: string }
  | { table: { head: string[]; rows: string[][] } };

export interface PlanDocumentInput {
  location: string;
  reportDate: string;
  before: { score: number; grade: Grade };
  steps: PlanStep[];
  actions: AccountAction[];
  /** The accounts renewed by force (issue #12), in the plan's order; empty when none. */
  forced: ForcedRenewal[];
  issued: number;
  missing: string[];
  notUndone: NotUndone[];
  target: string;
  argon2: { memoryKiB: number; timeCost: number; parallelism: number };
  url: string;
}

/** « 2.5/2.6 » or « 2.7 »: the OpenLDAP versions a plan's target covers. */
export function targetVersions(target: string): string {
  return target === 'openldap-2.7' ? '2.7' : '2.5/2.6';
}

export function planBlocks(d: PlanDocumentInput, m: PlanMessages): { title: string; blocks: Block[] } {
  const t = m.document;
  const last = d.steps[d.steps.length - 1];
  const blocks: Block[] = [
    { p: t.intro({ location: d.location, reportDate: d.reportDate, before: d.before, after: last ? { score: last.score, grade: last.grade } : null }) },
    { p: t.onlyOnCommand },
    ...forcedBlocks(d.forced, m),
    { h2: t.filesTitle },
    { table: { head: [...t.filesHead], rows: [
      ['plan.md, plan.html', t.files.plan, m.none],
      ['01-config.ldif', t.files.config(targetVersions(d.target), t.argon2(d.argon2.memoryKiB, d.argon2.timeCost, d.argon2.parallelism)), t.who.configAdmin],
      ['02-accounts.ldif', t.files.accounts, t.who.rootdn],
      ...(d.forced.length > 0 ? [[FORCED_RENEWAL_FILE, t.files.forcedRenewal(d.forced.length), m.none]] : []),
      ['credentials.csv', t.files.credentials(d.issued), m.none],
      ['lettres/*.html', t.files.letters, m.none],
      ['rollback.ldif', t.files.rollback, t.who.directoryAdmin],
      ['rollback-config.ldif', t.files.rollbackConfig, t.who.configAdmin],
    ] } },
    { h2: t.orderTitle },
    { ol: t.order(d.url) },
    { h2: t.stepsTitle },
    { table: { head: [...t.stepsHead], rows: d.steps.map((s) => [
      m.steps[s.id].title, m.steps[s.id].why, s.accounts > 0 ? String(s.accounts) : m.none, s.files.join(', '), t.grade(s.grade, s.score),
    ]) } },
    { h2: t.usersTitle },
    { ul: [...t.users] },
    { h2: t.rollbackTitle },
    { p: t.rollback },
    { ul: [t.rollbackOnlyApplied, ...d.notUndone.map((n) => m.notUndone(n))] },
  ];
  if (d.missing.length > 0) {
    blocks.push({ h2: t.missingTitle }, { p: t.missing(d.missing) });
  }
  blocks.push(
    { h2: t.accountsTitle },
    { table: { head: [...t.accountsHead], rows: d.actions.map((a) => [
      a.account.login, m.profile[a.account.profile], a.account.classes.join(', ') || m.none,
      t.action({ forced: a.forced, kind: a.kind, dropLm: a.dropLm }),
    ]) } },
  );
  return { title: t.title(d.location), blocks };
}

/** What the forced renewals count: accounts per profile and imposed formula (most first), accounts on a shared default. */
export function forcedCounts(forced: ForcedRenewal[]): ForcedCounts | null {
  if (forced.length === 0) return null;
  const imposed = new Map<string, { profile: Profile; shape: string | undefined; accounts: number }>();
  for (const f of forced) {
    if (f.reason !== 'imposed-scheme') continue;
    const key = `${f.profile}\u0000${f.shape ?? ''}`;
    const entry = imposed.get(key) ?? { profile: f.profile, shape: f.shape, accounts: 0 };
    entry.accounts += 1;
    imposed.set(key, entry);
  }
  const shared = forced.filter((f) => f.reason === 'likely-default');
  return {
    imposed: [...imposed.values()].sort((a, b) => b.accounts - a.accounts),
    shared: shared.length > 0 ? { accounts: shared.length, profiles: BY_WEIGHT.filter((p) => shared.some((f) => f.profile === p)) } : null,
  };
}

/**
 * « Renouvellement forcé : 212 élèves gardent la formule imposée (…) ; 74 comptes du personnel partagent un mot de
 * passe donné par défaut. » Counts and formulas only, never a password.
 */
export function forcedRenewalSentence(forced: ForcedRenewal[], m: PlanMessages): string | null {
  const counts = forcedCounts(forced);
  return counts === null ? null : m.forcedSentence(counts);
}

function forcedBlocks(forced: ForcedRenewal[], m: PlanMessages): Block[] {
  const sentence = forcedRenewalSentence(forced, m);
  if (sentence === null) return [];
  return [
    { h2: m.document.forcedTitle },
    { p: m.document.forcedWhy(sentence) },
    { p: m.document.forcedHow(forced.length, FORCED_RENEWAL_FILE) },
  ];
}

export function toMarkdown(doc: { title: string; blocks: Block[] }): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = [`# ${doc.title}`, ''];
  for (const b of doc.blocks) {
    if ('h2' in b) out.push(`## ${b.h2}`, '');
    else if ('p' in b) out.push(b.p, '');
    else if ('ol' in b) out.push(...b.ol.map((x, i) => `${i + 1}. ${x}`), '');
    else if ('ul' in b) out.push(...b.ul.map((x) => `- ${x}`), '');
    else if ('code' in b) out.push('```', b.code, '```', '');
    else {
      out.push(`| ${b.table.head.map(cell).join(' | ')} |`, `|${b.table.head.map(() => '---').join('|')}|`);
      for (const r of b.table.rows) out.push(`| ${r.map(cell).join(' | ')} |`);
      out.push('');
    }
  }
  return out.join('\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function toHtml(doc: { title: string; blocks: Block[] }, language: string): string {
  const parts: string[] = [];
  for (const b of doc.blocks) {
    if ('h2' in b) parts.push(`<h2>${escapeHtml(b.h2)}</h2>`);
    else if ('p' in b) parts.push(`<p>${escapeHtml(b.p)}</p>`);
    else if ('ol' in b) parts.push(`<ol>${b.ol.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ol>`);
    else if ('ul' in b) parts.push(`<ul>${b.ul.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`);
    else if ('code' in b) parts.push(`<pre>${escapeHtml(b.code)}</pre>`);
    else {
      parts.push(`<table><thead><tr>${b.table.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${
        b.table.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`);
    }
  }
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(doc.title)}</title>
<style>
body { font: 11pt/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; color: #111; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #eee; }
h2 { margin-top: 1.6rem; break-after: avoid; }
tr { break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
${parts.join('\n')}
</body>
</html>
`;
}
