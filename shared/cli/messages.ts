// The CLI's words for people, French first. Finding codes stay as they are (they are identifiers).
import type { AccountFindingCode, Profile, Severity } from '../contract/codes.ts';

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
    SCHOOL_INFO_PASSWORD: "mot de passe tiré du nom de l'établissement",
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
    SCHOOL_INFO_PASSWORD: "password built from the school's name",
    COMMON_PASSWORD: 'common password',
    SHARED_PASSWORD: 'password shared with other accounts',
    BREACHED_PASSWORD: 'password found in data breaches (HIBP)',
  },
};

export const PHASE_LABEL: Record<Lang, Record<string, string>> = {
  fr: { read: 'lecture', classify: 'classement', global: 'mots de passe courants', accounts: 'comptes' },
  en: { read: 'reading', classify: 'classifying', global: 'common passwords', accounts: 'accounts' },
};
