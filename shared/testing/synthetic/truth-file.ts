// The planted truth as it may leave memory: everything but the passwords themselves.
import type { PlantedPassword, PlantedTruth, SyntheticSchool } from './types.ts';

export type PublicTruth = Omit<PlantedTruth, 'planted'> & { planted: Omit<PlantedPassword, 'password'> | null };

export function truthWithoutPasswords(truth: readonly PlantedTruth[]): PublicTruth[] {
  return truth.map((t) => {
    if (!t.planted) return { ...t, planted: null };
    const { password: _password, ...rest } = t.planted;
    return { ...t, planted: rest };
  });
}

/** A JSON document describing the school and what Vigie must find in it, with no password in it. */
export function publicTruthJson(school: SyntheticSchool): string {
  return `${JSON.stringify({
    synthetic: true,
    flavour: school.flavour,
    seed: school.seed,
    baseDn: school.baseDn,
    schoolName: school.schoolName,
    town: school.town,
    uai: school.uai,
    readerOptions: school.readerOptions,
    accounts: truthWithoutPasswords(school.truth),
  }, null, 1)}\n`;
}
