import { describe, expect, it } from 'vitest';
import { DEPTHS } from '../../contract/codes.ts';
import { AMELIE, ELODIE, SCHOOL, THOMAS, account } from './fixtures.ts';
import { accountCandidates, globalCandidates } from './index.ts';
import { knownPatternIds, patternLabel } from './patterns.ts';

describe('patternLabel', () => {
  it.each([
    ['surname+birthdate:DDMMYYYY', 'nom + date de naissance (JJMMAAAA)', 'surname + date of birth (DDMMYYYY)'],
    ['given.surname', 'prénom.nom', 'given.surname'],
    ['surname.given', 'nom.prénom', 'surname.given'],
    ['givensurname', 'prénomnom', 'givensurname'],
    ['g.surname', 'p.nom', 'g.surname'],
    ['surname_given', 'nom_prénom', 'surname_given'],
    ['login', 'identifiant', 'login'],
    ['login+suffix', 'identifiant + suffixe', 'login + suffix'],
    ['birthdate:DD/MM/YYYY', 'date de naissance seule (JJ/MM/AAAA)', 'date of birth alone (DD/MM/YYYY)'],
    ['birthdate+given:YYYY', 'date de naissance + prénom (AAAA)', 'date of birth + given name (YYYY)'],
    ['school-name+year', "nom de l'établissement + année", 'school name + year'],
    ['common', 'mot de passe courant', 'common password'],
    ['empty', 'mot de passe vide', 'empty password'],
  ])('%s', (id, fr, en) => {
    expect(patternLabel(id, 'fr')).toBe(fr);
    expect(patternLabel(id, 'en')).toBe(en);
  });
  it('shows an unknown id as is rather than failing', () => {
    expect(patternLabel('no-such-pattern', 'fr')).toContain('no-such-pattern');
  });
});

describe('every emitted pattern id has a label', () => {
  const known = new Set(knownPatternIds());
  const emitted = new Set<string>();
  for (const depth of DEPTHS) {
    for (const person of [ELODIE, THOMAS, AMELIE, account({ login: 'lulu.k42', givenNames: ['Jean-Baptiste', 'Noé'] })]) {
      for (const c of accountCandidates(person, SCHOOL, depth)) emitted.add(c.patternId);
    }
    for (const c of globalCandidates(SCHOOL, depth)) emitted.add(c.patternId);
  }
  it('emits the families’ main patterns', () => {
    for (const id of ['empty', 'common', 'school-name', 'login', 'surname+birthdate:DDMMYYYY', 'given.surname']) expect(emitted).toContain(id);
  });
  it.each([...emitted].sort())('%s', (id) => {
    expect(known.has(id)).toBe(true);
    for (const lang of ['fr', 'en'] as const) {
      const label = patternLabel(id, lang);
      expect(label.length).toBeGreaterThan(0);
      expect(label).not.toContain('motif «');
      expect(label).not.toContain('pattern "');
    }
  });
  it('labels are distinct per id in French', () => {
    const ids = knownPatternIds();
    const labels = new Set(ids.map((id) => patternLabel(id, 'fr')));
    expect(labels.size).toBe(ids.length);
  });
});
