// The personal family's pattern ids follow one grammar, NAME being a ROLE or a PAIR (e.g. "given.surname",
// "gsurname"): NAME, NAME+suffix, NAME+year, NAME+birthdate:SHAPE, birthdate+NAME:SHAPE, either of these two with
// +symbol or +suffix (grammar.ts), and birthdate:SHAPE. The ids are the report's vocabulary, kept by the contract;
// how each language says them is the message catalogues' (shared/contract/messages.ts).
export {
  PAIR_SEPARATORS, PAIR_TEMPLATES, pairId, ROLES, type PairPart, type Role,
} from '../../../contract/pattern-ids.ts';
