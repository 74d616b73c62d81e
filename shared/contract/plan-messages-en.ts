// The migration plan in English (issue #14): the same keys as plan-messages-fr.ts; see plan-messages.ts.
import type { Profile } from './codes.ts';
import { shapeLabel } from './pattern-labels.ts';
import type { ChangeNote, PlanMessages } from './plan-messages.ts';

const PROFILE: Record<Profile, string> = {
  student: 'student', parent: 'parent', teacher: 'teacher', staff: 'staff member', admin: 'administrator', unknown: 'unclassified',
};
const PROFILE_PLURAL: Record<Profile, string> = {
  student: 'students', parent: 'parents', teacher: 'teachers', staff: 'staff members', admin: 'administrators', unknown: 'accounts with no profile',
};
const SCHOOL_STAFF: readonly Profile[] = ['admin', 'teacher', 'staff'];
const POLICY = 'CNIL 2022: 12 characters, a 15-minute lockout after 10 failures, a change required after a reset';
const grade = (g: string, score: number): string => `${g} (${score}/100)`;

function note(n: ChangeNote): string {
  switch (n.id) {
    case 'load-modules': return `Loads the ${n.modules.join(' and ')} module${n.modules.length > 1 ? 's' : ''} (argon2 hashes, password policy).`;
    case 'add-module-list': return 'Loads the argon2 and ppolicy modules.';
    case 'store-argon2': return 'Passwords changed from now on are stored with argon2.';
    case 'restore-hash-scheme': return 'Puts back the previous hash scheme.';
    case 'add-ppolicy-overlay': return 'Turns on the password policy (ppolicy) and the hashing of passwords written in clear.';
    case 'remove-ppolicy-overlay': return 'Removes the ppolicy overlay the plan added.';
    case 'hash-cleartext': return 'Has slapd hash the passwords written in clear.';
    case 'restore-ppolicy': return 'Puts back the previous ppolicy settings.';
    case 'hide-hashes': return 'Hides the hashes from everyone but their owner (to log on, to change it) and the administrator.';
    case 'restore-acl': return 'Puts back the access rights (ACL) exactly as they were.';
    case 'set-policy': return `Sets the default password policy (${POLICY}).`;
    case 'restore-policy': return 'Puts back the previous password policy.';
    case 'add-policies-branch': return 'The branch that holds the password policies.';
    case 'add-policy': return `Default password policy (${POLICY}).`;
    case 'remove-policy': return 'Deletes the policy the plan added.';
    case 'remove-policies-branch': return 'Deletes the branch the plan added.';
    case 'reset-account':
    case 'must-change-account': {
      const what = n.id === 'reset-account'
        ? 'weak or exposed password: a new temporary passphrase (argon2id), to change at first logon'
        : 'old hash: a password change is required at next logon (then stored with argon2)';
      return `${n.login} — ${what}${n.dropLm ? '; LM hash deleted' : ''}.`;
    }
    case 'account-before': return `${n.login} — values from before the plan.`;
  }
}

export const planEn: PlanMessages = {
  language: 'en',
  steps: {
    'hide-hashes': { title: 'Hide the password hashes', why: 'Today people other than their owners can read them and crack them offline.' },
    'forced-renewal': { title: 'Forced renewal: imposed formula and default passwords', why: 'These accounts keep the password imposed when they were created, or one given to everybody: anyone who knows the formula or the password logs on, without cracking anything. A new temporary passphrase, to change at first logon.' },
    'reset-weak': { title: 'Replace the passwords found with a temporary passphrase', why: 'These passwords can be guessed (name, date of birth, common word, shared) or were stored in clear.' },
    'drop-lm': { title: 'Remove the LM hashes', why: 'An LM hash is cracked in minutes; no modern computer uses it.' },
    policy: { title: 'Apply a password policy (ppolicy)', why: 'CNIL minimum length (12 characters), a short lockout after 10 failures, a change required after a reset.' },
    storage: { title: 'Store new passwords with argon2', why: 'olcPasswordHash {ARGON2}, and passwords written in clear are hashed by slapd.' },
    'must-change': { title: 'Have passwords stored with an old hash changed', why: 'pwdReset: users keep their password to log on, then must choose a new one, stored with argon2. The grade improves once they have.' },
  },
  profile: PROFILE,
  profilePlural: PROFILE_PLURAL,
  forcedSentence: ({ imposed, shared }) => {
    const parts: string[] = [];
    for (const x of imposed) {
      const who = x.profile === 'unknown' ? `${x.accounts} ${PROFILE_PLURAL.unknown}` : x.accounts > 1 ? `${x.accounts} ${PROFILE_PLURAL[x.profile]}` : `1 ${PROFILE[x.profile]}`;
      parts.push(`${who} ${x.accounts > 1 ? 'keep' : 'keeps'} the formula imposed when the account was created${x.shape !== undefined ? ` (${shapeLabel(x.shape, 'en')})` : ''}`);
    }
    if (shared) {
      const who = shared.profiles.every((p) => SCHOOL_STAFF.includes(p)) ? 'of the staff' : `(${shared.profiles.map((p) => PROFILE_PLURAL[p]).join(', ')})`;
      parts.push(`${shared.accounts} ${shared.accounts > 1 ? 'accounts' : 'account'} ${who} ${shared.accounts > 1 ? 'share' : 'shares'} a default password`);
    }
    return `Forced renewal: ${parts.join('; ')}.`;
  },
  none: '—',
  document: {
    title: (location) => `Password migration plan — ${location}`,
    intro: (d) => `Vigie prepared this folder from the ${d.reportDate} scan of the directory ${d.location}. It fixes what the scan found: readable hashes, weak passwords, old hashes (MD5, SHA-1, LM…), no password policy. Grade now: ${grade(d.before.grade, d.before.score)}; expected once everything is applied and the passwords changed: ${d.after ? grade(d.after.grade, d.after.score) : 'unchanged'}.`,
    onlyOnCommand: 'Vigie never writes to the directory on its own. Nothing in this folder is applied until you run “vigie apply” (or ldapmodify) yourself. Read the files first.',
    forcedTitle: 'Forced renewal, first',
    forcedWhy: (sentence) => `${sentence} Anyone who knows the formula or this password can log on to these accounts without cracking anything: this is the most urgent.`,
    forcedHow: (accounts, file) => `These ${accounts} accounts are listed in ${file} and handled first in 02-accounts.ldif: each gets a temporary passphrase (its letter, in lettres/) and must change it at first logon (pwdReset). Tell the school before applying: these users will no longer log on with their old password.`,
    filesTitle: 'What this folder holds',
    filesHead: ['File', 'What it does', 'Who applies it'],
    files: {
      plan: 'This document (plan.html prints).',
      config: (target, argon2) => `slapd’s configuration (cn=config, OpenLDAP ${target}): the argon2 and ppolicy modules, olcPasswordHash {ARGON2} (${argon2}), a ppolicy overlay that hashes passwords written in clear, an ACL that hides the hashes.`,
      accounts: 'In the directory: the default password policy, then account by account: a temporary passphrase (argon2id) or a required change (pwdReset), LM hashes deleted.',
      forcedRenewal: (n) => `The ${n} accounts of the forced renewal (login, DN, profile, class, reason, imposed formula), without any password: the list to follow and to give the school (readable by you only).`,
      credentials: (n) => `Login, class and temporary passphrase of the ${n} reset accounts. Sensitive file (readable by you only): print the letters, then delete it.`,
      letters: 'One letter per reset student or staff member, grouped by class, to print and hand over in person.',
      rollback: 'Puts back in the directory every value changed exactly as it was (hashes included: sensitive file, readable by you only).',
      rollbackConfig: 'Puts slapd’s configuration back as it was.',
    },
    who: { configAdmin: 'the cn=config administrator', rootdn: 'the directory administrator (rootdn)', directoryAdmin: 'the directory administrator' },
    argon2: (m, t, p) => `argon2id m=${m} KiB, t=${t}, p=${p}`,
    orderTitle: 'In which order',
    order: (url) => [
      'Back up the directory and its configuration: slapcat -n 0 -l config.ldif and slapcat -n 1 -l directory.ldif (as root on the server).',
      'Read 01-config.ldif and 02-accounts.ldif. Each change there comes after a comment line that says what it does.',
      `Try a dry run: vigie apply <folder> --url ${url} --bind-dn <admin> --password-file <file> --config-bind-dn cn=config --config-password-file <file> --dry-run. Nothing is written.`,
      'Apply: the same command without --dry-run. Vigie applies 01-config.ldif then 02-accounts.ldif, stops at the first error and says exactly what was applied and what was not. Without Vigie: ldapmodify -H <url> -D cn=config -y <file> -f 01-config.ldif, then ldapmodify -H <url> -D <admin> -y <file> -f 02-accounts.ldif.',
      'Print the letters (lettres/*.html, one page per account), hand them over, then delete credentials.csv and the lettres folder.',
      'Scan again (vigie scan) to check: no readable hashes any more, a better grade. The old hashes go away as passwords are changed.',
    ],
    stepsTitle: 'The actions, most urgent first',
    stepsHead: ['Action', 'Why', 'Accounts', 'Files', 'Expected grade afterwards'],
    grade,
    usersTitle: 'What users will see',
    users: [
      'Reset accounts: the old password no longer works. Users log on with the passphrase of their letter, then must choose a new one (at least 12 characters) before anything else.',
      'Accounts with an old hash: their password still works, but they must choose a new one when they log on; it is then stored with argon2.',
      'After 10 failures in 15 minutes, an account is locked for 15 minutes (no longer: nobody is locked out for the day).',
      'Applications that change passwords must use the “Password Modify” operation (ldappasswd) or write the password in clear: slapd then hashes it with argon2.',
    ],
    rollbackTitle: 'How to undo it',
    rollback: 'vigie apply <folder> --rollback (same connection options) applies rollback-config.ldif then rollback.ldif. Without Vigie: ldapmodify -H <url> -D cn=config -y <file> -f rollback-config.ldif, then ldapmodify -H <url> -D <admin> -y <file> -f rollback.ldif (in that order: while ppolicy hashes passwords written in clear, an old password in clear would be hashed instead of put back as it was). Every hash, every pwdReset, every ACL goes back exactly to its value before (the “relax” control in the file lets pwdChangedTime be put back).',
    rollbackOnlyApplied: 'vigie apply --rollback puts back only what vigie apply changed: an account changed since (a user who chose a new password) is left as it is, and named. Beware: ldapmodify has no such check; a user who changed their password since the plan was applied would get the old one back.',
    missingTitle: 'Accounts no longer in the directory',
    missing: (dns) => `These accounts are in the report but no longer in the directory; the plan leaves them out: ${dns.join('; ')}.`,
    accountsTitle: 'Accounts concerned',
    accountsHead: ['Login', 'Profile', 'Classes', 'Action'],
    action: (a) => (a.forced === 'imposed-scheme' ? 'forced renewal (imposed formula), ' : a.forced === 'likely-default' ? 'forced renewal (default password), ' : '')
      + (a.kind === 'reset' ? 'temporary passphrase' : 'required change') + (a.dropLm ? ', LM deleted' : ''),
  },
  notUndone: (n) => `Not undone: the ${n.modules.join(' and ')} module${n.modules.length > 1 ? 's stay' : ' stays'} loaded (OpenLDAP cannot unload a module while running; no effect while nothing uses it).`,
  ldif: {
    title: (file, target) => ({
      config: `step 1: slapd’s configuration (cn=config), OpenLDAP ${target}`,
      accounts: 'step 2: password policy and accounts',
      rollback: 'rollback, step 2: accounts and policy, the exact values from before the plan (sensitive file)',
      'rollback-config': 'rollback, step 1: slapd’s configuration',
    })[file],
    directory: (url, baseDn, finishedAt) => `Directory: ${url} (${baseDn}); scanned ${finishedAt}.`,
    applyWith: (bindDn) => `Apply with: vigie apply <folder>, or ldapmodify -H <url> -D ${bindDn} -y <password file> -f <this file>.`,
    onlyOnCommand: 'Vigie writes to the directory only on your command.',
    note,
  },
  letters: {
    title: (className) => `Temporary passwords — ${className ?? 'no class'}`,
    heading: 'Your new password',
    login: 'Login: ',
    inClass: (className) => ` — class ${className}`,
    replaced: 'To protect your account, your old password has been replaced. Your temporary password is:',
    typeIt: 'Type it exactly as it is, dashes included. When you first log on, you will have to choose a new password of at least 12 characters. A phrase of several words you easily remember is a good choice; do not use your name or your date of birth.',
    keepSecret: 'Do not show this letter to anyone; destroy it once your password is changed.',
  },
  csv: {
    credentials: ['login', 'class', 'temporary_passphrase'],
    forcedRenewal: ['login', 'dn', 'profile', 'class', 'reason', 'formula'],
    reason: { 'imposed-scheme': 'formula imposed when the account was created', 'likely-default': 'shared default password' },
  },
};
