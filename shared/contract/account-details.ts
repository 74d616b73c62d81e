// An account finding's detail in a language (issue #14 §2): the report carries its code and parameters, the
// catalogues (messages-fr.ts, messages-en.ts) say them. « userPassword en clair », « stockage obsolète : MD5, NT ».
import { REPORT_MESSAGES, type MessageLanguage } from './pattern-labels.ts';
import type { AccountFinding } from './report.ts';

/**
 * What the stored values say about the account (cleartext, LM, legacy schemes), or that a password was found by
 * offline cracking; null when the finding has nothing to add to its code. A WEAK_HASH_PARAMETERS finding still
 * carries the hash descriptors' own words (French), and a version-1 finding its French sentence: shown as they are.
 */
export function accountDetail(f: AccountFinding, lang: MessageLanguage): string | null {
  const words = REPORT_MESSAGES[lang].accountDetails;
  const p = f.params ?? {};
  if (p.foundBy === 'offline-cracking') return words.crackedOffline();
  if (f.code === 'CLEARTEXT_PASSWORD' && typeof p.attribute === 'string') return words.CLEARTEXT_PASSWORD(p.attribute);
  if (f.code === 'LEGACY_HASH' && Array.isArray(p.schemes)) return words.LEGACY_HASH(p.schemes);
  if (f.code === 'LM_HASH' && f.detail === undefined) return words.LM_HASH();
  return f.detail ?? null;
}
