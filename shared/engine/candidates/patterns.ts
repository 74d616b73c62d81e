// The label shown for a recovered password: how it was built, never the password itself.
import { commonPatternLabels } from './common/labels.ts';
import { emptyPatternLabels } from './empty/labels.ts';
import type { PatternLabel } from './labels.ts';
import { personalPatternLabels } from './personal/labels.ts';
import { schoolPatternLabels } from './school/labels.ts';

const LABELS: ReadonlyMap<string, PatternLabel> = new Map([
  ...emptyPatternLabels(),
  ...personalPatternLabels(),
  ...schoolPatternLabels(),
  ...commonPatternLabels(),
]);

/** Every pattern id a family may emit. */
export function knownPatternIds(): string[] {
  return [...LABELS.keys()];
}

/** e.g. "surname+birthdate:DDMMYYYY" → "nom + date de naissance (JJMMAAAA)". An unknown id is shown as is. */
export function patternLabel(patternId: string, lang: 'fr' | 'en'): string {
  const label = LABELS.get(patternId);
  if (label === undefined) return lang === 'fr' ? `motif « ${patternId} »` : `pattern "${patternId}"`;
  return label[lang];
}
