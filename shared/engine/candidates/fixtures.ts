// Synthetic people and schools for the candidate tests: invented names, no real account.
import type { AccountRecord, SchoolContext } from '../directory/model.ts';

export function account(overrides: Partial<AccountRecord> = {}): AccountRecord {
  return {
    dn: 'uid=elodie.nguessan,ou=people,dc=test',
    login: 'elodie.nguessan',
    surnames: ["N'Guessan-Lefèvre"],
    givenNames: ['Élodie'],
    birthDate: { year: 2008, month: 7, day: 9 },
    profile: 'student',
    classes: ['2NDE3'],
    passwords: [],
    ...overrides,
  };
}

export const ELODIE = account();
export const THOMAS = account({ login: 'tmartin', surnames: ['Martin'], givenNames: ['Thomas'], birthDate: { year: 1979, month: 12, day: 31 }, profile: 'teacher' });
export const AMELIE = account({
  login: 'adelafontaine2', surnames: ['de La Fontaine', 'Cœurdevey'], givenNames: ['Amélie', 'Jeanne'], birthDate: null,
});

export const SCHOOL: SchoolContext = {
  names: ['Lycée Jean Moulin', "LG-DE L'IROISE-ac-RENNES"],
  towns: ['Brest'],
  uais: ['0290009C'],
  classes: ['2NDE3', 'TS2', '1STMG'],
  extra: [],
};
