// The CLI's words for people, French first. Finding codes stay as they are (they are identifiers); what they mean,
// profiles and severities are the report's message catalogues' (shared/contract/messages-fr.ts, messages-en.ts), the
// same the UI and the PDF say.
import type { AccountFindingCode, DirectoryFindingCode, Profile, Severity } from '../contract/codes.ts';
import { en } from '../contract/messages-en.ts';
import { fr } from '../contract/messages-fr.ts';

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

const entries = (n: string): string => `${n} ${n === '1' ? 'entrée' : 'entrées'}`;

/**
 * Why a report is partial, in the summary's language. The reason the report holds is the reader's English line
 * (shared/engine/directory/ldap/explain-failure.ts); the failures that cut a scan short are said in French here,
 * with their figures (entries read, seconds waited) as they were. Anything else is kept as it is.
 */
export function partialReasonText(reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  let m = /^The directory stopped answering after (\d+) entr(?:y|ies)\./.exec(reason);
  if (m) return `l’annuaire a cessé de répondre après ${entries(m[1]!)} — vérifiez que le serveur tourne encore, puis relancez l’analyse.`;
  m = /^The directory did not answer within ([\d.]+) s after (\d+) entr(?:y|ies)\./.exec(reason);
  if (m) return `pas de réponse de l’annuaire en ${m[1]!.replace('.', ',')} s, après ${entries(m[2]!)} — vérifiez la charge du serveur, ou laissez-lui plus de temps.`;
  m = /^The directory stopped the search at its time limit after (\d+) entr(?:y|ies)\.(?: — lift it on the database in cn=config with (olcLimits: .*?), or read a smaller base DN\.)?$/.exec(reason);
  if (m) return `l’annuaire a arrêté la recherche à sa limite de temps, après ${entries(m[1]!)}${m[2] ? ` — levez-la sur la base dans cn=config (${m[2]}), ou analysez une base plus petite.` : '.'}`;
  m = /^The directory refused to return (?:more than (\d+) entr(?:y|ies)|the entries): its size limit[^—]*(?: — lift it on the database in cn=config with (olcLimits: .*?), or bind as an account without the limit\.)?$/.exec(reason);
  if (m) {
    return `l’annuaire a refusé de renvoyer plus d’entrées que sa limite de taille${m[1] ? ` (arrêt après ${entries(m[1])})` : ''}` +
      `${m[2] ? ` — levez-la sur la base dans cn=config (${m[2]}), ou liez-vous avec un compte sans cette limite.` : '.'}`;
  }
  return reason;
}
