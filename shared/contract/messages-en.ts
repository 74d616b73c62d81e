// The report's ids in English (issue #14 §2). The same keys as messages-fr.ts; see messages.ts.
import type { Profile } from './codes.ts';
import { limitsTarget, SCHEME_NAMES, type ReportMessages } from './messages.ts';

const ACL = '« to attrs=userPassword,sambaNTPassword,sambaLMPassword by self =xw by anonymous auth by * none »';

const number = (n: number | undefined): string => (n ?? 0).toLocaleString('en-GB');
/** A memory size given in KiB, in MiB: "19 MiB", "7.5 MiB". */
const mebibytes = (kib: number | undefined): string =>
  (kib ?? 0) % 1024 === 0 ? `${(kib ?? 0) / 1024} MiB` : `${number(Math.round(((kib ?? 0) / 1024) * 10) / 10)} MiB`;

const PROFILE_PLURAL_EN: Record<Profile, string> = {
  student: 'students', parent: 'parents', teacher: 'teachers', staff: 'staff', admin: 'administrators',
  unknown: 'profile-less',
};

export const en: ReportMessages = {
  profiles: { student: 'students', parent: 'parents', teacher: 'teachers', staff: 'staff', admin: 'administrators', unknown: 'unclassified' },
  severities: { critical: 'critical', high: 'high', medium: 'medium', low: 'low' },
  schemes: {
    names: { ...SCHEME_NAMES, CLEARTEXT: 'cleartext', NONE: 'no password', UNKNOWN: 'unknown format' },
    saltBytes: (n) => `${n}-byte salt`,
  },
  findingCodes: {
    phrase: {
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
    title: {
      CLEARTEXT_PASSWORD: 'Password stored in clear',
      LEGACY_HASH: 'Old, fast hash',
      WEAK_HASH_PARAMETERS: 'Modern hash with too little work',
      LM_HASH: 'LM hash kept',
      EMPTY_PASSWORD: 'Empty password',
      PERSONAL_INFO_PASSWORD: 'Password built from personal data',
      SCHOOL_INFO_PASSWORD: 'Password built from the school or a start-of-year default',
      COMMON_PASSWORD: 'Common password',
      SHARED_PASSWORD: 'Password shared between accounts',
      BREACHED_PASSWORD: 'Password found in data breaches',
    },
  },
  directoryCodes: {
    phrase: {
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
    advice: {
      NO_TLS: 'The connection to the directory is not encrypted: enable LDAPS or StartTLS and refuse clear connections.',
      TLS_CERTIFICATE_NOT_VERIFIED: 'The directory’s certificate was not verified: install a certificate signed by a recognised authority.',
      HASHES_READABLE_ANONYMOUSLY: 'Anyone can read password hashes without logging in: restrict read access (ACL).',
      HASHES_READABLE_BY_USERS: 'Ordinary users can read other people’s hashes: restrict read access (ACL).',
      NO_PASSWORD_POLICY: 'No password policy is enforced: enable ppolicy with a minimum length.',
      NO_LOCKOUT: 'Nothing stops repeated password guesses: enable lockout after several failures.',
      WEAK_MIN_LENGTH: 'The minimum password length is too low: require at least 12 characters.',
      SIZE_LIMITED: 'The directory capped the number of answers: the scan is incomplete; use an account without a limit.',
      PASSWORD_POLICY_UNKNOWN: 'The password policy could not be read: scan again with access to cn=config.',
      LEGACY_DEFAULT_HASH: 'Changed passwords are stored with a fast hash: set olcPasswordHash to {ARGON2}.',
      CLEARTEXT_WRITES_NOT_HASHED: 'A password written in clear is kept as it is: turn on olcPPolicyHashCleartext.',
      IMPOSED_PASSWORD_SCHEME: 'Many accounts of one profile still have the password imposed when they were created: anyone who knows the formula can log in to them; force their renewal.',
      NO_READABLE_PASSWORD: 'No password hash could be read: nothing was checked. Scan again bound with an account allowed to read userPassword (or with an export that holds it).',
    },
  },
  patterns: {
    fixed: {
      empty: 'empty password',
      common: 'common password',
      'common:capitalised': 'common password (capitalised)',
      'common:name-fr': 'common French given name',
      'common:word-fr': 'common French word',
      'common:word+digits': 'common word + digits',
      'common:word+year': 'common word + year',
      'common:word+symbol': 'common word + symbol',
      'common:word+digits+symbol': 'common word + digits + symbol',
      'common:word+year+symbol': 'common word + year + symbol',
      'cracked-offline': 'found by offline cracking',
    },
    roles: { surname: 'surname', given: 'given name', login: 'login', 'login-part': 'start of the login', initials: 'initials' },
    // A pair is said as its id ("given.surname"): the words are the id's own.
    pairParts: { given: 'given', surname: 'surname', g: 'g' },
    dateShape: (shape) => shape,
    birthdate: 'date of birth',
    birthdateAlone: 'date of birth alone',
    suffix: 'suffix',
    year: 'year',
    symbol: 'symbol',
    schoolSources: {
      'school-name': 'school name',
      'school-fullname': 'full school name',
      'school-word': 'word of the school name',
      'school-initials': 'school initials',
      town: 'school town',
      'town-word': 'word of the town name',
      academy: 'académie (education region)',
      uai: 'school UAI code',
      class: 'class name',
      'default-word': 'start-of-year or default word',
    },
    schoolTails: {
      '': '', '+year': ' + year', '+suffix': ' + suffix', '+year+suffix': ' + year + suffix', '+symbol': ' + symbol',
      '+year+symbol': ' + year + symbol', '+town': ' + town', '+uai': ' + UAI',
    },
    unknown: (id) => `pattern "${id}"`,
    letterCases: { lower: 'lower case', capitalised: 'Capitalised', upper: 'UPPER CASE', mixed: 'mixed case', none: '' },
    withPunctuation: (characters) => `with "${characters}"`,
  },
  accountDetails: {
    CLEARTEXT_PASSWORD: (attribute) => `${attribute} in clear`,
    LM_HASH: () => 'LM hash (sambaLMPassword): cracked in minutes',
    LEGACY_HASH: (schemes) => `obsolete storage: ${schemes.join(', ')}`,
    weakParameters: ({ label, kind, values: v, minimum: m }) => {
      switch (kind) {
        case 'cost': return `${label} cost ${v.cost} < ${m.cost}`;
        case 'iterations': return `${label} ${number(v.iterations)} iterations < ${number(m.iterations)}`;
        case 'rounds': return `${label} ${number(v.rounds)} rounds < ${number(m.rounds)}`;
        case 'memory': return `${label} ${number(v.mebibytes)} MiB < ${number(m.mebibytes)} MiB (libxcrypt's default)`;
        case 'argon2': return `${label} m=${mebibytes(v.memoryKiB)}, t=${v.timeCost} < OWASP minimum (${mebibytes(m.memoryKiB)} for t=${m.timeCost})`;
        case 'scrypt': return `${label} N=2^${v.logN}, r=${v.r}, p=${v.p} < OWASP minimum (N=2^${m.logN}, r=${m.r}, p=${m.p} or equivalent)`;
      }
    },
    crackedOffline: () => 'password found by offline cracking (hashcat / John the Ripper)',
  },
  directoryDetails: {
    NO_TLS: () => 'The connection to the directory is not encrypted: passwords and hashes cross the network in clear. Turn on LDAPS (port 636) or StartTLS and refuse unencrypted connections (olcSecurity: tls=1).',
    TLS_CERTIFICATE_NOT_VERIFIED: () => "The directory's certificate was not verified: a machine on the network could pass itself off as the directory. Install a certificate signed by an authority the client machines trust.",
    HASHES_READABLE_ANONYMOUSLY: () => `Anyone on the network can read the password hashes (userPassword, sambaNTPassword…) without logging in, then crack them at home: put ${ACL} first in the ACLs.`,
    HASHES_READABLE_BY_USERS: (p) => `An ordinary account (${p.dn}) can read the password hashes of other accounts: put ${ACL} first in the ACLs.`,
    NO_PASSWORD_POLICY: () => "No password policy applies (no ppolicy overlay): nothing imposes a minimum length or slows down repeated attempts; turn on ppolicy with a default policy (Vigie's migration plan provides one).",
    PASSWORD_POLICY_UNKNOWN: () => 'The password policy could not be read with this account: Vigie cannot tell whether a lockout or a minimum length exists; scan again with --config-bind-dn (reads cn=config) or an account that can read the pwdPolicy entries.',
    NO_LOCKOUT: (p) => `Nothing slows down repeated password attempts (${p.policies.join(', ')}: no lockout, no delay): set pwdLockout: TRUE with pwdMaxFailure and a short lockout (pwdLockoutDuration), or a growing delay (pwdMinDelay).`,
    WEAK_MIN_LENGTH: (p) => `The minimum length imposed (${p.minLength === 0 ? 'none' : `${p.minLength} characters`}, ${p.policies.join(', ')}) is below the CNIL's thresholds (12 characters without access restriction, 8 with a lockout): set pwdCheckQuality: 1 and pwdMinLength: 12.`,
    SIZE_LIMITED: () => 'The directory limited the number of entries in its answers: the scan is incomplete; scan again with an account without a size limit (olcLimits) or from an LDIF export (slapcat).',
    LEGACY_DEFAULT_HASH: (p) => `Every changed password is stored as ${p.scheme ?? '{SSHA} (the default: olcPasswordHash is not set)'}, a fast hash cracked in bulk; ${p.argon2Loaded ? 'the argon2 module is already loaded: set' : 'load the argon2 module (olcModuleLoad: argon2) and set'} olcPasswordHash: {ARGON2} on ${p.frontendDn}.`,
    CLEARTEXT_WRITES_NOT_HASHED: (p) => p.ppolicyDn !== undefined
      ? `A password written in clear to userPassword by an ordinary LDAP modification is stored as is: set olcPPolicyHashCleartext: TRUE on ${p.ppolicyDn}.`
      : 'A password written in clear to userPassword by an ordinary LDAP modification is stored as is: add the ppolicy overlay with olcPPolicyHashCleartext: TRUE.',
    IMPOSED_PASSWORD_SCHEME: (p) => `${p.accounts} ${PROFILE_PLURAL_EN[p.profile]} accounts (${p.percent} %) still have a password of the shape "${p.shape}": `
      + 'the formula imposed when the account was created. Anyone who knows it can log in as them: force these passwords to be renewed.',
    NO_READABLE_PASSWORD: (p) => {
      const what = p.accounts === 0 ? 'No account was read' : `None of the ${p.accounts} accounts read has a readable password hash`;
      return p.sourceKind === 'ldif'
        ? `${what} in this export: nothing could be checked and the directory is not graded; export it with userPassword (slapcat, or ldapsearch bound as an account allowed to read userPassword).`
        : `${what}: nothing could be checked and the directory is not graded; bind as an account allowed to read userPassword (the directory's administrator or an audit account).`;
    },
  },
  partialReason: (code, p) => {
    const entries = p.entries === undefined ? null : `${number(Number(p.entries))} ${p.entries === '1' ? 'entry' : 'entries'}`;
    const after = entries === null ? '' : ` after ${entries}`;
    switch (code) {
      case 'LDAP_CONNECTION_LOST':
        return `the directory stopped answering${after} — check that the server is still running, then scan again.`;
      case 'TIMEOUT':
        return `the directory did not answer${p.seconds === undefined ? '' : ` within ${p.seconds} s`}${after} — check the server's load, or allow more time.`;
      case 'LDAP_TIME_LIMIT':
        return `the directory stopped the search at its time limit${after} — lift it on the database in cn=config `
          + `(olcLimits: ${limitsTarget(p.who)} time.soft=unlimited time.hard=unlimited), or read a smaller base DN.`;
      case 'LDAP_SIZE_LIMIT':
        return `the directory refused to return more entries than its size limit${entries === null || p.entries === '0' ? '' : ` (stopped${after})`} — lift it on the database in cn=config `
          + `(olcLimits: ${limitsTarget(p.who)} size.soft=unlimited size.hard=unlimited size.prtotal=unlimited), or bind as an account without the limit.`;
      default:
        return null;
    }
  },
};
