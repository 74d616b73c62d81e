// The label shown for a recovered password is the message catalogues' (shared/contract/pattern-labels.ts): the
// engine writes the pattern id into the report, never its label. Re-exported for the families' tests.
export { knownPatternIds, patternLabel } from '../../contract/pattern-labels.ts';
