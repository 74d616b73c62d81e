// Every pattern id the common family emits.
import type { PatternLabel } from '../labels.ts';

export function commonPatternLabels(): Map<string, PatternLabel> {
  return new Map<string, PatternLabel>([
    ['common', { fr: 'mot de passe courant', en: 'common password' }],
    ['common:capitalised', { fr: 'mot de passe courant (majuscule initiale)', en: 'common password (capitalised)' }],
    ['common:name-fr', { fr: 'prénom français courant', en: 'common French given name' }],
    ['common:word-fr', { fr: 'mot français courant', en: 'common French word' }],
    ['common:word+digits', { fr: 'mot courant + chiffres', en: 'common word + digits' }],
    ['common:word+year', { fr: 'mot courant + année', en: 'common word + year' }],
    ['common:word+symbol', { fr: 'mot courant + symbole', en: 'common word + symbol' }],
    ['common:word+digits+symbol', { fr: 'mot courant + chiffres + symbole', en: 'common word + digits + symbol' }],
    ['common:word+year+symbol', { fr: 'mot courant + année + symbole', en: 'common word + year + symbol' }],
  ]);
}
