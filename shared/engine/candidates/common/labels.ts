// Every pattern id the common family emits.
import type { PatternLabel } from '../labels.ts';

export function commonPatternLabels(): Map<string, PatternLabel> {
  return new Map<string, PatternLabel>([
    ['common', { fr: 'mot de passe courant', en: 'common password' }],
    ['common:capitalised', { fr: 'mot de passe courant (majuscule initiale)', en: 'common password (capitalised)' }],
    ['common:name-fr', { fr: 'prénom français courant', en: 'common French given name' }],
    ['common:word-fr', { fr: 'mot français courant', en: 'common French word' }],
  ]);
}
