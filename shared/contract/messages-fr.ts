// The report's ids in French (issue #14 §2). The same keys as messages-en.ts; see messages.ts.
import type { Profile } from './codes.ts';
import { limitsTarget, SCHEME_NAMES, type ReportMessages } from './messages.ts';

const ACL = '« to attrs=userPassword,sambaNTPassword,sambaLMPassword by self =xw by anonymous auth by * none »';

/** 600 000, 1,5: French digits, plain spaces. */
const number = (n: number | undefined): string => (n ?? 0).toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');
/** A memory size given in KiB, in Mio: « 19 Mio », « 7,5 Mio ». */
const mebibytes = (kib: number | undefined): string =>
  (kib ?? 0) % 1024 === 0 ? `${(kib ?? 0) / 1024} Mio` : `${number(Math.round(((kib ?? 0) / 1024) * 10) / 10)} Mio`;

const PROFILE_PLURAL_FR: Record<Profile, string> = {
  student: 'élèves', parent: 'parents', teacher: 'enseignants', staff: 'personnels', admin: 'administrateurs',
  unknown: 'comptes sans profil',
};

export const fr: ReportMessages = {
  profiles: { student: 'élèves', parent: 'parents', teacher: 'enseignants', staff: 'personnels', admin: 'administrateurs', unknown: 'non classés' },
  severities: { critical: 'critique', high: 'élevée', medium: 'moyenne', low: 'faible' },
  schemes: {
    names: { ...SCHEME_NAMES, CLEARTEXT: 'en clair', NONE: 'aucun mot de passe', UNKNOWN: 'format inconnu' },
    saltBytes: (n) => `sel de ${n} octets`,
  },
  findingCodes: {
    phrase: {
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
    title: {
      CLEARTEXT_PASSWORD: 'Mot de passe stocké en clair',
      LEGACY_HASH: 'Empreinte ancienne et rapide',
      WEAK_HASH_PARAMETERS: 'Empreinte moderne trop peu coûteuse',
      LM_HASH: 'Empreinte LM conservée',
      EMPTY_PASSWORD: 'Mot de passe vide',
      PERSONAL_INFO_PASSWORD: 'Mot de passe tiré des données personnelles',
      SCHOOL_INFO_PASSWORD: 'Mot de passe tiré de l’établissement ou mot de rentrée',
      COMMON_PASSWORD: 'Mot de passe courant',
      SHARED_PASSWORD: 'Mot de passe partagé entre comptes',
      BREACHED_PASSWORD: 'Mot de passe présent dans des fuites de données',
    },
  },
  directoryCodes: {
    phrase: {
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
    advice: {
      NO_TLS: 'La connexion à l’annuaire n’est pas chiffrée : activer LDAPS ou StartTLS et refuser les connexions en clair.',
      TLS_CERTIFICATE_NOT_VERIFIED: 'Le certificat de l’annuaire n’a pas été vérifié : installer un certificat signé par une autorité reconnue.',
      HASHES_READABLE_ANONYMOUSLY: 'N’importe qui peut lire les empreintes de mots de passe sans se connecter : restreindre les droits de lecture (ACL).',
      HASHES_READABLE_BY_USERS: 'Les utilisateurs ordinaires peuvent lire les empreintes des autres : restreindre les droits de lecture (ACL).',
      NO_PASSWORD_POLICY: 'Aucune politique de mots de passe n’est appliquée : activer ppolicy avec une longueur minimale.',
      NO_LOCKOUT: 'Rien ne bloque les essais répétés de mots de passe : activer le verrouillage après plusieurs échecs.',
      WEAK_MIN_LENGTH: 'La longueur minimale des mots de passe est trop faible : l’exiger d’au moins 12 caractères.',
      SIZE_LIMITED: 'L’annuaire a limité le nombre de réponses : l’analyse est incomplète ; utiliser un compte sans limite.',
      PASSWORD_POLICY_UNKNOWN: 'La politique de mots de passe n’a pas pu être lue : relancer l’analyse avec un accès à cn=config.',
      LEGACY_DEFAULT_HASH: 'Les mots de passe changés sont enregistrés avec une empreinte rapide : passer olcPasswordHash à {ARGON2}.',
      CLEARTEXT_WRITES_NOT_HASHED: 'Un mot de passe écrit en clair est gardé tel quel : activer olcPPolicyHashCleartext.',
      IMPOSED_PASSWORD_SCHEME: 'Beaucoup de comptes d’un même profil ont encore le mot de passe imposé à leur création : quiconque connaît la formule peut s’y connecter ; forcer leur renouvellement.',
      NO_READABLE_PASSWORD: 'Aucune empreinte de mot de passe n’a pu être lue : rien n’a été vérifié. Relancer l’analyse liée avec un compte autorisé à lire userPassword (ou avec un export qui le contient).',
    },
  },
  patterns: {
    fixed: {
      empty: 'mot de passe vide',
      common: 'mot de passe courant',
      'common:capitalised': 'mot de passe courant (majuscule initiale)',
      'common:name-fr': 'prénom français courant',
      'common:word-fr': 'mot français courant',
      'common:word+digits': 'mot courant + chiffres',
      'common:word+year': 'mot courant + année',
      'common:word+symbol': 'mot courant + symbole',
      'common:word+digits+symbol': 'mot courant + chiffres + symbole',
      'common:word+year+symbol': 'mot courant + année + symbole',
      'cracked-offline': 'trouvé par craquage hors ligne',
    },
    roles: {
      surname: 'nom', given: 'prénom', login: 'identifiant', 'login-part': "début de l'identifiant", initials: 'initiales',
    },
    pairParts: { given: 'prénom', surname: 'nom', g: 'p' },
    dateShape: (shape) => shape.replace(/D/g, 'J').replace(/Y/g, 'A'),
    birthdate: 'date de naissance',
    birthdateAlone: 'date de naissance seule',
    suffix: 'suffixe',
    year: 'année',
    symbol: 'symbole',
    schoolSources: {
      'school-name': "nom de l'établissement",
      'school-fullname': "nom complet de l'établissement",
      'school-word': "mot du nom de l'établissement",
      'school-initials': "sigle de l'établissement",
      town: "ville de l'établissement",
      'town-word': 'mot du nom de la ville',
      academy: 'académie',
      uai: "code UAI de l'établissement",
      class: 'nom de classe',
      // Not the school's own words: what schools hand out at the start of the year (« Rentree2025! », « Bienvenue »).
      'default-word': 'mot de rentrée ou par défaut',
    },
    schoolTails: {
      '': '', '+year': ' + année', '+suffix': ' + suffixe', '+year+suffix': ' + année + suffixe', '+symbol': ' + symbole',
      '+year+symbol': ' + année + symbole', '+town': ' + ville', '+uai': ' + UAI',
    },
    unknown: (id) => `motif « ${id} »`,
    letterCases: { lower: 'minuscules', capitalised: 'Majuscule initiale', upper: 'MAJUSCULES', mixed: 'casse mélangée', none: '' },
    withPunctuation: (characters) => `avec « ${characters} »`,
  },
  accountDetails: {
    CLEARTEXT_PASSWORD: (attribute) => `${attribute} en clair`,
    LM_HASH: () => 'empreinte LM (sambaLMPassword) : cassable en quelques minutes',
    LEGACY_HASH: (schemes) => `stockage obsolète : ${schemes.join(', ')}`,
    weakParameters: ({ label, kind, values: v, minimum: m }) => {
      switch (kind) {
        case 'cost': return `${label} coût ${v.cost} < ${m.cost}`;
        case 'iterations': return `${label} ${number(v.iterations)} itérations < ${number(m.iterations)}`;
        case 'rounds': return `${label} ${number(v.rounds)} tours < ${number(m.rounds)}`;
        case 'memory': return `${label} ${number(v.mebibytes)} Mio < ${number(m.mebibytes)} Mio (réglage par défaut de libxcrypt)`;
        case 'argon2': return `${label} m=${mebibytes(v.memoryKiB)}, t=${v.timeCost} < minimum OWASP (${mebibytes(m.memoryKiB)} pour t=${m.timeCost})`;
        case 'scrypt': return `${label} N=2^${v.logN}, r=${v.r}, p=${v.p} < minimum OWASP (N=2^${m.logN}, r=${m.r}, p=${m.p} ou équivalent)`;
      }
    },
    crackedOffline: () => 'mot de passe retrouvé par craquage hors ligne (hashcat / John the Ripper)',
  },
  directoryDetails: {
    NO_TLS: () => "La connexion à l'annuaire n'est pas chiffrée : mots de passe et empreintes circulent en clair sur le réseau. Activez LDAPS (port 636) ou StartTLS et refusez les connexions non chiffrées (olcSecurity: tls=1).",
    TLS_CERTIFICATE_NOT_VERIFIED: () => "Le certificat de l'annuaire n'a pas été vérifié : une machine du réseau pourrait se faire passer pour lui. Installez un certificat signé par une autorité reconnue des postes clients.",
    HASHES_READABLE_ANONYMOUSLY: () => `N'importe qui sur le réseau peut lire les empreintes des mots de passe (userPassword, sambaNTPassword…) sans s'authentifier, puis les casser chez lui : placez en tête des ACL ${ACL}.`,
    HASHES_READABLE_BY_USERS: (p) => `Un compte ordinaire (${p.dn}) peut lire les empreintes des mots de passe des autres comptes : placez en tête des ACL ${ACL}.`,
    NO_PASSWORD_POLICY: () => "Aucune politique de mots de passe n'est appliquée (pas d'overlay ppolicy) : rien n'impose de longueur minimale ni ne freine les essais répétés ; activez ppolicy avec une politique par défaut (le plan de migration de Vigie la fournit).",
    PASSWORD_POLICY_UNKNOWN: () => "La politique de mots de passe n'a pas pu être lue avec ce compte : Vigie ne peut pas dire si un verrouillage ou une longueur minimale existent ; relancez l'analyse avec --config-bind-dn (lecture de cn=config) ou un compte qui peut lire les entrées pwdPolicy.",
    NO_LOCKOUT: (p) => `Rien ne freine les essais répétés de mots de passe (${p.policies.join(', ')} : ni verrouillage ni délai) : réglez pwdLockout: TRUE avec pwdMaxFailure et une durée de verrouillage courte (pwdLockoutDuration), ou un délai croissant (pwdMinDelay).`,
    WEAK_MIN_LENGTH: (p) => `La longueur minimale imposée (${p.minLength === 0 ? 'aucune' : `${p.minLength} caractères`}, ${p.policies.join(', ')}) est en dessous des seuils de la CNIL (12 caractères sans restriction d'accès, 8 avec verrouillage) : réglez pwdCheckQuality: 1 et pwdMinLength: 12.`,
    SIZE_LIMITED: () => "L'annuaire a limité le nombre d'entrées de ses réponses : l'analyse est incomplète ; relancez-la avec un compte sans limite de taille (olcLimits) ou par un export LDIF (slapcat).",
    LEGACY_DEFAULT_HASH: (p) => `Chaque mot de passe changé est enregistré en ${p.scheme ?? '{SSHA} (valeur par défaut, olcPasswordHash absent)'}, une empreinte rapide que l'on casse en masse  ; ${p.argon2Loaded ? 'le module argon2 est déjà chargé : réglez' : 'chargez le module argon2 (olcModuleLoad: argon2) et réglez'} olcPasswordHash: {ARGON2} sur ${p.frontendDn}.`,
    CLEARTEXT_WRITES_NOT_HASHED: (p) => p.ppolicyDn !== undefined
      ? `Un mot de passe écrit en clair dans userPassword par une modification LDAP ordinaire est enregistré tel quel : réglez olcPPolicyHashCleartext: TRUE sur ${p.ppolicyDn}.`
      : "Un mot de passe écrit en clair dans userPassword par une modification LDAP ordinaire est enregistré tel quel : ajoutez l'overlay ppolicy avec olcPPolicyHashCleartext: TRUE.",
    IMPOSED_PASSWORD_SCHEME: (p) => `${p.accounts} comptes ${PROFILE_PLURAL_FR[p.profile]} (${p.percent} %) ont encore un mot de passe de la forme « ${p.shape} » : `
      + 'la formule imposée à la création du compte. Quiconque la connaît peut se connecter à leur place : forcez le renouvellement de ces mots de passe.',
    NO_READABLE_PASSWORD: (p) => {
      const what = p.accounts === 0 ? 'Aucun compte n’a été lu' : `Aucun des ${p.accounts} comptes lus n’a d’empreinte de mot de passe lisible`;
      return p.sourceKind === 'ldif'
        ? `${what} dans cet export : rien n’a pu être vérifié et l’annuaire n’est pas noté ; exportez-le avec userPassword (slapcat, ou ldapsearch lié avec un compte autorisé à lire userPassword).`
        : `${what} : rien n’a pu être vérifié et l’annuaire n’est pas noté ; liez-vous avec un compte autorisé à lire userPassword (l’administrateur de l’annuaire ou un compte d’audit).`;
    },
  },
  partialReason: (code, p) => {
    const entries = p.entries === undefined ? null : `${number(Number(p.entries))} ${p.entries === '1' ? 'entrée' : 'entrées'}`;
    const after = entries === null ? '' : `, après ${entries}`;
    switch (code) {
      case 'LDAP_CONNECTION_LOST':
        return `l’annuaire a cessé de répondre${entries === null ? '' : ` après ${entries}`} — vérifiez que le serveur tourne encore, puis relancez l’analyse.`;
      case 'TIMEOUT':
        return `pas de réponse de l’annuaire${p.seconds === undefined ? '' : ` en ${p.seconds.replace('.', ',')} s`}${after} — vérifiez la charge du serveur, ou laissez-lui plus de temps.`;
      case 'LDAP_TIME_LIMIT':
        return `l’annuaire a arrêté la recherche à sa limite de temps${after} — levez-la sur la base dans cn=config `
          + `(olcLimits: ${limitsTarget(p.who)} time.soft=unlimited time.hard=unlimited), ou analysez une base plus petite.`;
      case 'LDAP_SIZE_LIMIT':
        return `l’annuaire a refusé de renvoyer plus d’entrées que sa limite de taille${entries === null || p.entries === '0' ? '' : ` (arrêt après ${entries})`} — levez-la sur la base dans cn=config `
          + `(olcLimits: ${limitsTarget(p.who)} size.soft=unlimited size.hard=unlimited size.prtotal=unlimited), ou liez-vous avec un compte sans cette limite.`;
      default:
        return null;
    }
  },
};
