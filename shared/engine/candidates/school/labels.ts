// Every pattern id the school family emits: SOURCE, SOURCE+year, SOURCE+suffix, SOURCE+symbol, SOURCE+year+symbol,
// SOURCE+town, SOURCE+uai. SOURCE+year+suffix is no longer emitted (a symbol after the year is now +year+symbol)
// but keeps its label for the reports written before.
import type { PatternLabel } from '../labels.ts';

export const SCHOOL_SOURCES = [
  'school-name', 'school-fullname', 'school-word', 'school-initials', 'town', 'town-word', 'academy', 'uai', 'class',
  'default-word',
] as const;
export type SchoolSource = (typeof SCHOOL_SOURCES)[number];

const SOURCE_LABELS: Record<SchoolSource, PatternLabel> = {
  'school-name': { fr: "nom de l'établissement", en: 'school name' },
  'school-fullname': { fr: "nom complet de l'établissement", en: 'full school name' },
  'school-word': { fr: "mot du nom de l'établissement", en: 'word of the school name' },
  'school-initials': { fr: "sigle de l'établissement", en: 'school initials' },
  town: { fr: "ville de l'établissement", en: 'school town' },
  'town-word': { fr: 'mot du nom de la ville', en: 'word of the town name' },
  academy: { fr: 'académie', en: 'académie (education region)' },
  uai: { fr: "code UAI de l'établissement", en: 'school UAI code' },
  class: { fr: 'nom de classe', en: 'class name' },
  // Not the school's own words: what schools hand out at the start of the year (« Rentree2025! », « Bienvenue »).
  'default-word': { fr: 'mot de rentrée ou par défaut', en: 'start-of-year or default word' },
};

const TAILS: Record<string, PatternLabel> = {
  '': { fr: '', en: '' },
  '+year': { fr: ' + année', en: ' + year' },
  '+suffix': { fr: ' + suffixe', en: ' + suffix' },
  '+year+suffix': { fr: ' + année + suffixe', en: ' + year + suffix' },
  '+symbol': { fr: ' + symbole', en: ' + symbol' },
  '+year+symbol': { fr: ' + année + symbole', en: ' + year + symbol' },
  '+town': { fr: ' + ville', en: ' + town' },
  '+uai': { fr: ' + UAI', en: ' + UAI' },
};

export function schoolPatternLabels(): Map<string, PatternLabel> {
  const labels = new Map<string, PatternLabel>();
  for (const source of SCHOOL_SOURCES) {
    for (const [tail, label] of Object.entries(TAILS)) {
      labels.set(source + tail, { fr: SOURCE_LABELS[source].fr + label.fr, en: SOURCE_LABELS[source].en + label.en });
    }
  }
  return labels;
}
