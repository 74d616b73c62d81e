// The summary's grade legend and its confidentiality mark (issue #13 §4: what A–F mean, on screen and on the
// one-page PDF), French and English, carried by the dictionaries as `t.legend`.
import type { Grade } from '../../../shared/contract/index.ts';

export const legendFr = {
  title: 'Ce que veut dire la note',
  /** One or two words per grade; the full sentence of the grade shown is beside the grade itself. */
  words: { A: 'très bon', B: 'bon', C: 'moyen', D: 'insuffisant', E: 'mauvais', F: 'critique' } satisfies Record<Grade, string>,
  range: (low: number, high: number) => `${low} à ${high}`,
  adminRule: 'Un compte administrateur au mot de passe critique limite la note à D : ce seul compte ouvre tout l’annuaire.',
  confidential: 'Confidentiel — données de mineurs',
};

export type LegendMessages = typeof legendFr;

export const legendEn: LegendMessages = {
  title: 'What the grade means',
  words: { A: 'very good', B: 'good', C: 'fair', D: 'poor', E: 'bad', F: 'critical' },
  range: (low: number, high: number) => `${low} to ${high}`,
  adminRule: 'An administrator account with a critical password holds the grade to D at best: that one account opens the whole directory.',
  confidential: 'Confidential — data about minors',
};
