// What the stored values alone say about an account (issue #2 §3): cleartext, legacy hashes, LM, weak parameters.
import type { HashSchemeName } from '../../contract/codes.ts';
import type { FindingParams, WeakParameters } from '../../contract/report.ts';
import type { StoredHash } from '../hash/scheme.ts';
import { UNKNOWN_WEAKNESS } from '../hash/schemes/readable-scheme.ts';

/**
 * Weakest first, by each descriptor's `weakness`: the report's `hashScheme` is the first of an account's schemes
 * in this order.
 */
export function weakestScheme(stored: readonly StoredHash[]): HashSchemeName | 'NONE' {
  let best: StoredHash | undefined;
  let bestWeakness = Infinity;
  for (const s of stored) {
    const weakness = s.descriptor?.weakness ?? UNKNOWN_WEAKNESS;
    if (weakness < bestWeakness) {
      best = s;
      bestWeakness = weakness;
    }
  }
  return best ? best.scheme : 'NONE';
}

export interface StorageFinding {
  code: 'CLEARTEXT_PASSWORD' | 'LEGACY_HASH' | 'LM_HASH' | 'WEAK_HASH_PARAMETERS';
  scheme: HashSchemeName;
  /** What the catalogues say it with (accountDetail): CLEARTEXT_PASSWORD { attribute }, LEGACY_HASH { schemes }. */
  params?: FindingParams;
  /** WEAK_HASH_PARAMETERS: each weak value's parameters against its minimum. */
  weakParameters?: WeakParameters[];
}

/** One finding per kind: cleartext, LM, other legacy hashes, adaptive schemes with weak parameters. */
export function storageFindings(stored: readonly StoredHash[]): StorageFinding[] {
  const out: StorageFinding[] = [];
  const cleartext = stored.find((s) => s.scheme === 'CLEARTEXT');
  if (cleartext) out.push({ code: 'CLEARTEXT_PASSWORD', scheme: 'CLEARTEXT', params: { attribute: attributeLabel(cleartext.attribute) } });
  const lm = stored.find((s) => s.scheme === 'LM');
  if (lm) out.push({ code: 'LM_HASH', scheme: 'LM' });
  const legacy = stored.filter((s) => s.legacy && s.scheme !== 'CLEARTEXT' && s.scheme !== 'LM');
  if (legacy.length > 0) {
    const names = [...new Set(legacy.map((s) => s.scheme))];
    out.push({ code: 'LEGACY_HASH', scheme: weakestScheme(legacy) as HashSchemeName, params: { schemes: names } });
  }
  const weak = stored.filter((s) => !s.legacy && s.weakParameters);
  if (weak.length > 0) {
    out.push({ code: 'WEAK_HASH_PARAMETERS', scheme: weakestScheme(weak) as HashSchemeName, weakParameters: weak.map((s) => s.weakParameters!) });
  }
  return out;
}

function attributeLabel(attribute: string): string {
  return attribute === 'userpassword' ? 'userPassword' : attribute;
}
