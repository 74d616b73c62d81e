// An account finding's detail in a language (issue #14 §2): the report carries its code and parameters, the
// catalogues (messages-fr.ts, messages-en.ts) say them. « userPassword en clair », « stockage obsolète : MD5, NT ».
import { REPORT_MESSAGES, type MessageLanguage } from './pattern-labels.ts';
import type { AccountFinding, WeakParameters } from './report.ts';

/** One stored value's parameters against its minimum: « bcrypt coût 8 < 10 ». */
export function weakParametersText(w: WeakParameters, lang: MessageLanguage): string {
  return REPORT_MESSAGES[lang].accountDetails.weakParameters(w);
}

/**
 * What the stored values say about the account (cleartext, LM, legacy schemes), or that a password was found by
 * offline cracking, or which parameters are too weak; null when the finding has nothing to add to its code. A
 * version-1 finding's French sentence is shown as it is.
 */
export function accountDetail(f: AccountFinding, lang: MessageLanguage): string | null {
  const words = REPORT_MESSAGES[lang].accountDetails;
  const p = f.params ?? {};
  if (p.foundBy === 'offline-cracking') return words.crackedOffline();
  if (f.code === 'CLEARTEXT_PASSWORD' && typeof p.attribute === 'string') return words.CLEARTEXT_PASSWORD(p.attribute);
  if (f.code === 'LEGACY_HASH' && Array.isArray(p.schemes)) return words.LEGACY_HASH(p.schemes);
  if (f.code === 'LM_HASH' && f.detail === undefined) return words.LM_HASH();
  if (f.weakParameters !== undefined) return f.weakParameters.map((w) => words.weakParameters(w)).join(' ; ');
  return f.detail ?? null;
}
