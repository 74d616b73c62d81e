// What the migration plan's catalogue says (issue #14): every sentence of `vigie plan`'s folder — plan.md and
// plan.html, the LDIF files' comments, the letters, the CSV columns — and the steps the app's page shows. The
// engine builds the plan from ids and parameters (engine/migration/) and writes it through one of these, French
// (plan-messages-fr.ts, the default) or English (plan-messages-en.ts).
import type { PlanStepId } from './api.ts';
import type { Grade, Profile } from './codes.ts';
import { planEn } from './plan-messages-en.ts';
import { planFr } from './plan-messages-fr.ts';
import type { MessageLanguage } from './pattern-labels.ts';

/** What one LDIF change record does: the comment line above it. */
export type ChangeNote =
  /** An olcModuleList loads modules the server lacks ('argon2', 'ppolicy'). */
  | { id: 'load-modules'; modules: string[] }
  /** A new olcModuleList, for a server that has none. */
  | { id: 'add-module-list' }
  | { id: 'store-argon2' }
  | { id: 'restore-hash-scheme' }
  | { id: 'add-ppolicy-overlay' }
  | { id: 'remove-ppolicy-overlay' }
  | { id: 'hash-cleartext' }
  | { id: 'restore-ppolicy' }
  | { id: 'hide-hashes' }
  | { id: 'restore-acl' }
  | { id: 'set-policy' }
  | { id: 'restore-policy' }
  | { id: 'add-policies-branch' }
  | { id: 'add-policy' }
  | { id: 'remove-policy' }
  | { id: 'remove-policies-branch' }
  /** An account's change: a new temporary passphrase (reset) or pwdReset (must-change); `dropLm`: its LM hash deleted. */
  | { id: 'reset-account' | 'must-change-account'; login: string; dropLm: boolean }
  | { id: 'account-before'; login: string };

/** What the rollback cannot undo. */
export type NotUndone = { id: 'modules-stay-loaded'; modules: string[] };

/** Why an account is renewed by force (issue #12): the formula imposed at its creation, or a default handed out. */
export type ForcedReason = 'imposed-scheme' | 'likely-default';

/** The LDIF files' headers. */
export type LdifFileId = 'config' | 'accounts' | 'rollback' | 'rollback-config';

/** What a forced renewal's sentence counts: accounts on one imposed formula, per profile; accounts sharing a default. */
export interface ForcedCounts {
  /** Most accounts first; `shape`: the formula's shape id (pattern-ids.ts), absent when the report did not say it. */
  imposed: { profile: Profile; shape: string | undefined; accounts: number }[];
  /** The profiles in weight order (admin first); null when no account shares a default. */
  shared: { accounts: number; profiles: Profile[] } | null;
}

/** What the plan document's opening says. */
export interface PlanIntro {
  location: string;
  reportDate: string;
  before: { score: number; grade: Grade };
  /** Once every step is done; null when the plan has none. */
  after: { score: number; grade: Grade } | null;
}

export interface PlanMessages {
  /** plan.html's and the letters' lang attribute; the language the formulas are said in. */
  language: MessageLanguage;
  steps: Record<PlanStepId, { title: string; why: string }>;
  /** One account of a profile: « élève », "student". */
  profile: Record<Profile, string>;
  /** Accounts of a profile: « élèves », "students". */
  profilePlural: Record<Profile, string>;
  /** « 24 élèves gardent la formule imposée… ; 6 comptes du personnel partagent… » ; counts and formulas only. */
  forcedSentence: (counts: ForcedCounts) => string;
  /** A dash, for an empty cell. */
  none: string;
  document: {
    title: (location: string) => string;
    intro: (p: PlanIntro) => string;
    onlyOnCommand: string;
    forcedTitle: string;
    /** After the forced sentence: why it comes first. */
    forcedWhy: (sentence: string) => string;
    forcedHow: (accounts: number, file: string) => string;
    filesTitle: string;
    filesHead: [string, string, string];
    files: {
      plan: string;
      /** `target`: « 2.5/2.6 » or « 2.7 »; `argon2`: its settings, said by `argon2`. */
      config: (target: string, argon2: string) => string;
      accounts: string;
      forcedRenewal: (accounts: number) => string;
      credentials: (accounts: number) => string;
      letters: string;
      rollback: string;
      rollbackConfig: string;
    };
    who: { configAdmin: string; rootdn: string; directoryAdmin: string };
    argon2: (memoryKiB: number, timeCost: number, parallelism: number) => string;
    orderTitle: string;
    order: (url: string) => string[];
    stepsTitle: string;
    stepsHead: [string, string, string, string, string];
    grade: (grade: Grade, score: number) => string;
    usersTitle: string;
    users: string[];
    rollbackTitle: string;
    rollback: string;
    rollbackOnlyApplied: string;
    missingTitle: string;
    missing: (dns: string[]) => string;
    accountsTitle: string;
    accountsHead: [string, string, string, string];
    action: (a: { forced: ForcedReason | undefined; kind: 'reset' | 'must-change'; dropLm: boolean }) => string;
  };
  /** What the rollback cannot undo, one sentence: « Non annulé : … ». */
  notUndone: (n: NotUndone) => string;
  ldif: {
    /** The header's first line, after « Vigie — »; `target`: « 2.5/2.6 » or « 2.7 ». */
    title: (file: LdifFileId, target: string) => string;
    directory: (url: string, baseDn: string, finishedAt: string) => string;
    applyWith: (bindDn: string) => string;
    onlyOnCommand: string;
    note: (note: ChangeNote) => string;
  };
  letters: {
    /** `className`: null for the accounts with no class. */
    title: (className: string | null) => string;
    heading: string;
    /** The login and class line's HTML pieces (escaped by the writer): « Identifiant : », « — classe 5B ». */
    login: string;
    inClass: (className: string) => string;
    replaced: string;
    typeIt: string;
    keepSecret: string;
  };
  csv: {
    credentials: [string, string, string];
    forcedRenewal: [string, string, string, string, string, string];
    reason: Record<ForcedReason, string>;
  };
}

/** The plan's catalogue in a language; French unless told otherwise. */
export function planMessages(language: MessageLanguage = 'fr'): PlanMessages {
  return language === 'en' ? planEn : planFr;
}
