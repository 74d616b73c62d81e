// Synthetic school directories for tests, the demo and benchmarks: every person is invented from a seed.
export { generateSchool, writeSchoolLdif, uaiFor } from './school.ts';
export { publicTruthJson, truthWithoutPasswords, type PublicTruth } from './truth-file.ts';
export { BIRTH_DATE_ATTRIBUTE, BIRTH_DATE_FORMAT } from './flavours/inetorgperson.ts';
export type {
  PlantedCode, PlantedFamily, PlantedPassword, PlantedTruth, SchemeWeights, SyntheticSchool, SyntheticSchoolOptions,
} from './types.ts';
