// An account's findings, schemes and advice in the reader's language: what the Accounts page's rows, its detail
// panel and its CSV say. Pure functions over the report: never a password, never a hash (the report has none).
import { SEVERITIES } from '../../../shared/contract/codes.ts';
import type { AccountFinding, AccountReport, HashSchemeName, Language, ScanReport } from '../../../shared/contract/index.ts';
import { isKnownPattern, patternLabel, shapeLabel } from '../../../shared/contract/pattern-labels.ts';
import type { Messages } from '../i18n/messages-fr.ts';
import { hasLikelyDefault, isImposed } from './known-passwords.ts';

/** The imposed schemes' labels by shape, from the report's IMPOSED_PASSWORD_SCHEME findings (said by the catalogues). */
export type ShapeLabels = ReadonlyMap<string, { fr: string; en: string }>;

export function imposedLabels(report: Pick<ScanReport, 'directoryFindings'> | null): ShapeLabels {
  const labels = new Map<string, { fr: string; en: string }>();
  for (const f of report?.directoryFindings ?? []) {
    if (f.code === 'IMPOSED_PASSWORD_SCHEME' && f.shape !== undefined) labels.set(f.shape, { fr: shapeLabel(f.shape, 'fr'), en: shapeLabel(f.shape, 'en') });
  }
  return labels;
}

/** A storage scheme as an administrator names it ("SSHA", "bcrypt", "en clair"), by the report's catalogue: a name, never a value. */
export function schemeName(scheme: HashSchemeName | 'NONE', t: Messages): string {
  // A newer report's scheme this Vigie does not know: its id.
  return t.schemeWords.names[scheme] ?? scheme;
}

/** A stored scheme's parameters that matter (cost, rounds, memory…): numbers only, a salt by its length. */
export function schemeParams(params: Record<string, number | string> | undefined, t: Messages): string {
  return Object.entries(params ?? {})
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .map(([key, value]) => (key === 'salt' ? t.schemeWords.saltBytes(value) : `${key} ${value.toLocaleString(t.locale)}`))
    .join(', ');
}

/**
 * How the password was built, in `language` only, said by the message catalogue from the pattern's id: the English
 * UI and file never show a version-1 report's French label. null when the finding names no pattern, or one this
 * Vigie does not know (a newer report's) in English.
 */
export function localPattern(finding: AccountFinding, language: Language): string | null {
  const id = finding.patternId;
  if (id !== undefined && isKnownPattern(id)) return patternLabel(id, language);
  if (language === 'en') return null;
  return finding.pattern ?? (id !== undefined ? patternLabel(id, 'fr') : null);
}

/** One finding in plain words: its label, then how the password was built, how many share it, the scheme. */
export function findingText(finding: AccountFinding, t: Messages, language: Language, shapeLabels: ShapeLabels): string {
  const parts = [t.codes[finding.code]];
  const pattern = localPattern(finding, language);
  // The imposed formula is named as the school's own (its shape label: case and punctuation included).
  if (finding.imposedScheme === true) {
    const label = (finding.shape === undefined ? undefined : shapeLabels.get(finding.shape)?.[language]) ?? pattern;
    parts.push(t.accounts.imposedScheme(label));
  } else if (pattern !== null) parts.push(pattern);
  if (finding.code === 'SHARED_PASSWORD' && finding.groupSize !== undefined) parts.push(t.accounts.sharedWith(finding.groupSize));
  if (finding.code === 'SHARED_PASSWORD' && finding.likelyDefault === true) parts.push(t.accounts.likelyDefault);
  if (finding.scheme !== undefined && finding.code !== 'CLEARTEXT_PASSWORD') parts.push(schemeName(finding.scheme, t));
  return parts.length === 1 ? parts[0]! : `${parts[0]} (${parts.slice(1).join(', ')})`;
}

/** Every finding of the account, in one line. */
export function findingsText(account: AccountReport, t: Messages, language: Language, shapeLabels: ShapeLabels): string {
  const texts = account.findings.map((f) => findingText(f, t, language, shapeLabels));
  if (account.unchecked === true) texts.push(t.accounts.unchecked);
  return texts.length === 0 ? t.accounts.noFinding : texts.join(' · ');
}

/** Why the account must be renewed by force before anything else, when it must (issue #12). */
export function forcedRenewal(account: AccountReport): 'imposed' | 'sharedDefault' | null {
  return isImposed(account) ? 'imposed' : hasLikelyDefault(account) ? 'sharedDefault' : null;
}

/**
 * What to do about the account, most urgent first and each sentence once: a forced renewal when anyone can know
 * the password, then one action per kind of finding, most severe kind first.
 */
export function accountActions(account: AccountReport, t: Messages): string[] {
  const actions: string[] = [];
  const forced = forcedRenewal(account);
  if (forced !== null) actions.push(t.accountDetail.forced[forced]);
  const findings = [...account.findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  for (const finding of findings) actions.push(t.accountDetail.actions[finding.code]);
  if (account.unchecked === true) actions.push(t.accountDetail.uncheckedAction);
  return [...new Set(actions)];
}
