// The one pattern id the empty family emits.
import type { PatternLabel } from '../labels.ts';

export function emptyPatternLabels(): Map<string, PatternLabel> {
  return new Map([['empty', { fr: 'mot de passe vide', en: 'empty password' }]]);
}
