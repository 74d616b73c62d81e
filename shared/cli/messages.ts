// The CLI's words for people, French first. Finding codes stay as they are (they are identifiers).
import type { AccountFindingCode, DirectoryFindingCode, Profile, Severity } from '../contract/codes.ts';

export type Lang = 'fr' | 'en';

export const PROFILE_LABEL: Record<Lang, Record<Profile, string>> = {
  fr: { student: 'élèves', parent: 'parents', teacher: 'enseignants', staff: 'personnels', admin: 'administrateurs', unknown: 'non classés' },
  en: { student: 'students', parent: 'parents', teacher: 'teachers', staff: 'staff', admin: 'administrators', unknown: 'unclassified' },
};

export const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  fr: { critical: 'critique', high: 'élevée', medium: 'moyenne', low: 'faible' },
  en: { critical: 'critical', high: 'high', medium: 'medium', low: 'low' },
};

export const CODE_LABEL: Record<Lang, Record<AccountFindingCode, string>> = {
  fr: {
    CLEARTEXT_PASSWORD: 'mot de passe stocké en clair',
    LEGACY_HASH: 'empreinte obsolète (MD5, SHA-1, NT…)',
    WEAK_HASH_PARAMETERS: 'empreinte moderne mais trop peu coûteuse',
    LM_HASH: 'empreinte LM présente',
    EMPTY_PASSWORD: 'mot de passe vide',
    PERSONAL_INFO_PASSWORD: 'mot de passe tiré des données personnelles',
    SCHOOL_INFO_PASSWORD: "mot de passe tiré de l'établissement (nom, ville, UAI) ou mot de rentrée",
    COMMON_PASSWORD: 'mot de passe courant',
    SHARED_PASSWORD: 'mot de passe partagé avec d’autres comptes',
    BREACHED_PASSWORD: 'mot de passe présent dans des fuites de données (HIBP)',
  },
  en: {
    CLEARTEXT_PASSWORD: 'password stored in clear',
    LEGACY_HASH: 'legacy hash (MD5, SHA-1, NT…)',
    WEAK_HASH_PARAMETERS: 'modern hash with weak parameters',
    LM_HASH: 'LM hash present',
    EMPTY_PASSWORD: 'empty password',
    PERSONAL_INFO_PASSWORD: "password built from the person's own data",
    SCHOOL_INFO_PASSWORD: "password built from the school (name, town, UAI) or a start-of-year default",
    COMMON_PASSWORD: 'common password',
    SHARED_PASSWORD: 'password shared with other accounts',
    BREACHED_PASSWORD: 'password found in data breaches (HIBP)',
  },
};

/**
 * What each directory finding means, in a few words. The report's `detail` is a French sentence written for
 * the directory at hand; the English summary prints this instead.
 */
export const DIRECTORY_CODE_LABEL: Record<Lang, Record<DirectoryFindingCode, string>> = {
  fr: {
    NO_TLS: 'connexion à l’annuaire non chiffrée',
    TLS_CERTIFICATE_NOT_VERIFIED: 'certificat de l’annuaire non vérifié',
    HASHES_READABLE_ANONYMOUSLY: 'empreintes lisibles sans se connecter',
    HASHES_READABLE_BY_USERS: 'empreintes lisibles par les utilisateurs ordinaires',
    NO_PASSWORD_POLICY: 'aucune politique de mots de passe',
    NO_LOCKOUT: 'aucun blocage des essais répétés',
    WEAK_MIN_LENGTH: 'longueur minimale trop faible',
    SIZE_LIMITED: 'réponses limitées par l’annuaire : analyse incomplète',
    PASSWORD_POLICY_UNKNOWN: 'politique de mots de passe illisible (pas d’accès à cn=config)',
    LEGACY_DEFAULT_HASH: 'mots de passe changés enregistrés avec une empreinte rapide',
    CLEARTEXT_WRITES_NOT_HASHED: 'mot de passe écrit en clair gardé tel quel',
    IMPOSED_PASSWORD_SCHEME: 'formule de mot de passe imposée à la création des comptes, encore en usage : renouvellement forcé',
    NO_READABLE_PASSWORD: 'aucune empreinte lisible : rien n’a été vérifié (liez-vous avec un compte autorisé à lire userPassword)',
  },
  en: {
    NO_TLS: 'connection to the directory not encrypted',
    TLS_CERTIFICATE_NOT_VERIFIED: 'directory certificate not verified',
    HASHES_READABLE_ANONYMOUSLY: 'password hashes readable without logging in',
    HASHES_READABLE_BY_USERS: 'password hashes readable by ordinary users',
    NO_PASSWORD_POLICY: 'no password policy',
    NO_LOCKOUT: 'nothing stops repeated guesses',
    WEAK_MIN_LENGTH: 'minimum password length too low',
    SIZE_LIMITED: 'the directory capped its answers: incomplete scan',
    PASSWORD_POLICY_UNKNOWN: 'password policy unreadable (no access to cn=config)',
    LEGACY_DEFAULT_HASH: 'changed passwords stored with a fast hash',
    CLEARTEXT_WRITES_NOT_HASHED: 'a password written in clear is kept as it is',
    IMPOSED_PASSWORD_SCHEME: 'a password formula imposed at account creation is still in use: force a renewal',
    NO_READABLE_PASSWORD: 'no readable password hash: nothing was checked (bind with an account allowed to read userPassword)',
  },
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
  m = /^The directory refused to return more entries than its size limit(?: \(stopped after (\d+) entr(?:y|ies)\))?;[^—]*(?: — lift it on the database in cn=config with (olcLimits: .*?), or bind as an account without the limit\.)?$/.exec(reason);
  if (m) {
    return `l’annuaire a refusé de renvoyer plus d’entrées que sa limite de taille${m[1] ? ` (arrêt après ${entries(m[1])})` : ''}` +
      `${m[2] ? ` — levez-la sur la base dans cn=config (${m[2]}), ou liez-vous avec un compte sans cette limite.` : '.'}`;
  }
  return reason;
}
