// Every pattern id the personal family emits, with its label. The ids follow one grammar, NAME being a ROLE or
// a PAIR (e.g. "given.surname", "gsurname"): NAME, NAME+suffix, NAME+year, NAME+birthdate:SHAPE,
// birthdate+NAME:SHAPE, either of these two with +symbol or +suffix (grammar.ts), and birthdate:SHAPE.
import type { PatternLabel } from '../labels.ts';
import { DATE_SHAPES, frenchShape } from './birthdate.ts';

export const ROLES = ['surname', 'given', 'login', 'login-part', 'initials'] as const;
export type Role = (typeof ROLES)[number];

const ROLE_LABELS: Record<Role, PatternLabel> = {
  surname: { fr: 'nom', en: 'surname' },
  given: { fr: 'prénom', en: 'given name' },
  login: { fr: 'identifiant', en: 'login' },
  'login-part': { fr: "début de l'identifiant", en: 'start of the login' },
  initials: { fr: 'initiales', en: 'initials' },
};

/** The parts a name pair is made of; "g" is the given name's initial. */
export type PairPart = 'given' | 'surname' | 'g';
export const PAIR_TEMPLATES: readonly (readonly [PairPart, PairPart])[] = [
  ['given', 'surname'], ['surname', 'given'], ['g', 'surname'], ['surname', 'g'],
];
export const PAIR_SEPARATORS: readonly string[] = ['.', '', '_', '-'];

const PAIR_PART_FR: Record<PairPart, string> = { given: 'prénom', surname: 'nom', g: 'p' };

export function pairId(first: PairPart, separator: string, second: PairPart): string {
  return `${first}${separator}${second}`;
}

export function personalPatternLabels(): Map<string, PatternLabel> {
  const labels = new Map<string, PatternLabel>();
  const withDate = (fr: string, en: string, shape: (typeof DATE_SHAPES)[number]): PatternLabel => ({
    fr: `${fr} (${frenchShape(shape)})`,
    en: `${en} (${shape})`,
  });
  const named = (id: string, base: PatternLabel): void => {
    labels.set(id, base);
    labels.set(`${id}+suffix`, { fr: `${base.fr} + suffixe`, en: `${base.en} + suffix` });
    labels.set(`${id}+year`, { fr: `${base.fr} + année`, en: `${base.en} + year` });
    for (const shape of DATE_SHAPES) {
      labels.set(`${id}+birthdate:${shape}`, withDate(`${base.fr} + date de naissance`, `${base.en} + date of birth`, shape));
      labels.set(`birthdate+${id}:${shape}`, withDate(`date de naissance + ${base.fr}`, `date of birth + ${base.en}`, shape));
      labels.set(`${id}+birthdate:${shape}+symbol`, withDate(`${base.fr} + date de naissance + symbole`, `${base.en} + date of birth + symbol`, shape));
      labels.set(`birthdate+${id}:${shape}+symbol`, withDate(`date de naissance + ${base.fr} + symbole`, `date of birth + ${base.en} + symbol`, shape));
      labels.set(`${id}+birthdate:${shape}+suffix`, withDate(`${base.fr} + date de naissance + suffixe`, `${base.en} + date of birth + suffix`, shape));
      labels.set(`birthdate+${id}:${shape}+suffix`, withDate(`date de naissance + ${base.fr} + suffixe`, `date of birth + ${base.en} + suffix`, shape));
    }
  };
  for (const shape of DATE_SHAPES) {
    labels.set(`birthdate:${shape}`, withDate('date de naissance seule', 'date of birth alone', shape));
  }
  for (const role of ROLES) {
    named(role, ROLE_LABELS[role]);
  }
  for (const [first, second] of PAIR_TEMPLATES) {
    for (const separator of PAIR_SEPARATORS) {
      named(pairId(first, separator, second), {
        fr: `${PAIR_PART_FR[first]}${separator}${PAIR_PART_FR[second]}`,
        en: `${first}${separator}${second}`,
      });
    }
  }
  return labels;
}
