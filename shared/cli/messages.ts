// The CLI's words for people, French first. Finding codes stay as they are (they are identifiers); what they mean,
// profiles and severities are the report's message catalogues' (shared/contract/messages-fr.ts, messages-en.ts), the
// same the UI and the PDF say.
import type { AccountFindingCode, DirectoryFindingCode, Profile, Severity } from '../contract/codes.ts';
import { en } from '../contract/messages-en.ts';
import { fr } from '../contract/messages-fr.ts';
import type { ScanReport } from '../contract/report.ts';

export type Lang = 'fr' | 'en';

export const PROFILE_LABEL: Record<Lang, Record<Profile, string>> = { fr: fr.profiles, en: en.profiles };

export const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = { fr: fr.severities, en: en.severities };

export const CODE_LABEL: Record<Lang, Record<AccountFindingCode, string>> = { fr: fr.findingCodes.phrase, en: en.findingCodes.phrase };

/** What each directory finding means, in a few words: the English summary prints it where the French says the sentence. */
export const DIRECTORY_CODE_LABEL: Record<Lang, Record<DirectoryFindingCode, string>> = {
  fr: fr.directoryCodes.phrase, en: en.directoryCodes.phrase,
};

export const PHASE_LABEL: Record<Lang, Record<string, string>> = {
  fr: { read: 'lecture', classify: 'classement', global: 'mots de passe courants', accounts: 'comptes', learned: 'comptes lents, ordre appris' },
  en: { read: 'reading', classify: 'classifying', global: 'common passwords', accounts: 'accounts', learned: 'slow accounts, learned order' },
};

/**
 * Why a report is partial, in the summary's language: the report's catalogue says it from the failure's code and
 * figures (report.partialError: entries read, seconds waited, the bound account for olcLimits). A report without
 * them (version 1), or a failure the catalogue has no sentence for, shows the reader's own English line.
 */
export function partialReasonText(report: Pick<ScanReport, 'partialReason' | 'partialError'>, lang: Lang): string {
  const error = report.partialError;
  const said = error === undefined ? null : (lang === 'fr' ? fr : en).partialReason(error.code, error.params);
  return said ?? report.partialReason ?? '';
}
