// The school family's pattern ids: SOURCE, SOURCE+year, SOURCE+suffix, SOURCE+symbol, SOURCE+year+symbol,
// SOURCE+town, SOURCE+uai. The ids are the report's vocabulary, kept by the contract; how each language says
// them is the message catalogues' (shared/contract/messages.ts).
export { SCHOOL_SOURCES, type SchoolSource } from '../../../contract/pattern-ids.ts';
