import { describe, expect, it } from 'vitest';
import type { Depth } from '../../../contract/codes.ts';
import type { Candidate } from '../family.ts';
import { AMELIE, ELODIE, THOMAS, account } from '../fixtures.ts';
import { currentYear } from '../suffixes.ts';
import { personalCandidates } from './personal.ts';

const all = (a = ELODIE, depth: Depth = 'standard'): Candidate[] => [...personalCandidates(a, depth)];
const byPassword = (list: Candidate[]): Map<string, Candidate> => new Map(list.map((c) => [c.password, c]));

describe('personal candidates (standard)', () => {
  const found = byPassword(all());
  const table: [string, string][] = [
    ['nguessan09072008', 'surname+birthdate:DDMMYYYY'],
    ['nguessanlefevre09072008', 'surname+birthdate:DDMMYYYY'],
    ['Nguessan09072008', 'surname+birthdate:DDMMYYYY'],
    ['elodie09072008', 'given+birthdate:DDMMYYYY'],
    ['Elodie.Nguessan', 'given.surname'],
    ['elodie.nguessanlefevre', 'given.surname'],
    ['nguessan.elodie', 'surname.given'],
    ['elodienguessan', 'givensurname'],
    ['nguessanelodie', 'surnamegiven'],
    ['e.nguessan', 'g.surname'],
    ['enguessan', 'gsurname'],
    ['nguessan_elodie', 'surname_given'],
    ['09072008', 'birthdate:DDMMYYYY'],
    ['09/07/2008', 'birthdate:DD/MM/YYYY'],
    ['20080709', 'birthdate:YYYYMMDD'],
    ['09.07.2008', 'birthdate:DD.MM.YYYY'],
    ['09-07-2008', 'birthdate:DD-MM-YYYY'],
    ['0907', 'birthdate:DDMM'],
    ['072008', 'birthdate:MMYYYY'],
    ['elodie.nguessan', 'login'],
    ['elodie.nguessan123', 'login+suffix'],
    ['elodie.nguessan!', 'login+suffix'],
    ['nguessan2008', 'surname+birthdate:YYYY'],
    ['Elodie2008', 'given+birthdate:YYYY'],
    ['elodie090708', 'given+birthdate:DDMMYY'],
    ['nguessan.09072008', 'surname+birthdate:DDMMYYYY'],
    ['nguessan_2008', 'surname+birthdate:YYYY'],
    ['09072008nguessan', 'birthdate+surname:DDMMYYYY'],
    ['elodie09/07/2008', 'given+birthdate:DD/MM/YYYY'],
    ['NGUESSAN09072008', 'surname+birthdate:DDMMYYYY'],
    ['élodie09072008', 'given+birthdate:DDMMYYYY'],
    ['Lefevre09072008', 'surname+birthdate:DDMMYYYY'],
    ['nguessan-lefevre09072008', 'surname+birthdate:DDMMYYYY'],
    ['nguessan', 'surname'],
    ['ELODIE', 'given'],
    ['Élodie', 'given'],
    ['elodie123', 'given+suffix'],
    [`nguessan${currentYear()}`, 'surname+year'],
    ['elodie2000', 'given+year'],
    ['nguessan.elodie2008', 'surname.given+birthdate:YYYY'],
    ['Nguessan.Elodie1', 'surname.given+suffix'],
  ];
  it.each(table)('%s is a candidate labelled %s', (password, patternId) => {
    const c = found.get(password);
    expect(c, password).toBeDefined();
    expect(c?.patternId).toBe(patternId);
    expect(c?.family).toBe('personal');
  });
});

describe('personal candidates: ordering and shape', () => {
  it('starts with the birth date and surname + full date', () => {
    const first = all(ELODIE, 'quick').slice(0, 10).map((c) => c.patternId);
    expect(first.slice(0, 2)).toEqual(['birthdate:DDMMYYYY', 'birthdate:DD/MM/YYYY']);
    expect(first).toContain('surname+birthdate:DDMMYYYY');
    expect(first).toContain('given+birthdate:DDMMYYYY');
    expect(first).toContain('login');
  });
  it('never repeats a password', () => {
    for (const depth of ['quick', 'standard', 'deep'] as const) {
      const list = all(ELODIE, depth);
      expect(new Set(list.map((c) => c.password)).size).toBe(list.length);
    }
  });
  it('is deterministic', () => {
    expect(all(ELODIE, 'deep')).toEqual(all(ELODIE, 'deep'));
  });
  it('each depth extends the one before it, in the same order', () => {
    const quick = all(ELODIE, 'quick');
    const standard = all(ELODIE, 'standard');
    const deep = all(ELODIE, 'deep');
    expect(standard.slice(0, quick.length)).toEqual(quick);
    expect(deep.slice(0, standard.length)).toEqual(standard);
  });
});

describe('personal candidates: other people', () => {
  it('without a birth date, offers names, pairs and login but no date', () => {
    const list = all(AMELIE);
    expect(list.some((c) => c.patternId.includes('birthdate'))).toBe(false);
    const found = byPassword(list);
    expect(found.get('amelie.delafontaine')?.patternId).toBe('given.surname');
    expect(found.get('adelafontaine2')?.patternId).toBe('login');
    // Also "a" + surname: the earlier pattern names it.
    expect(found.get('adelafontaine')?.patternId).toBe('gsurname');
    expect(found.get('fontaine')?.patternId).toBe('surname');
    expect(found.get('lafontaine123')?.patternId).toBe('surname+suffix');
    // The birth surname counts too.
    expect(found.get('coeurdevey')?.patternId).toBe('surname');
  });
  it('takes the start of a login before a dot or digits', () => {
    const found = byPassword(all(account({ login: 'lulu.k42' })));
    expect(found.get('lulu')?.patternId).toBe('login-part');
    expect(found.get('Lulu09072008')?.patternId).toBe('login-part+birthdate:DDMMYYYY');
  });
  it('uses other given names at deep only', () => {
    expect(byPassword(all(AMELIE, 'standard')).has('jeanne')).toBe(false);
    expect(byPassword(all(AMELIE, 'deep')).get('jeanne')?.patternId).toBe('given');
  });
  it('handles an account with no names at all', () => {
    const bare = account({ surnames: [], givenNames: [], login: '', birthDate: { year: 2010, month: 1, day: 2 } });
    const list = all(bare, 'deep');
    expect(list.map((c) => c.password)).toContain('02012010');
    expect(list.every((c) => c.patternId.startsWith('birthdate:'))).toBe(true);
  });
});

describe('personal candidate counts by depth (documented in personal.ts)', () => {
  it.each([
    ['quick', ELODIE, 100, 500], ['standard', ELODIE, 600, 4_000], ['deep', ELODIE, 5_000, 40_000],
    ['quick', THOMAS, 100, 500], ['standard', THOMAS, 400, 4_000], ['deep', THOMAS, 2_000, 40_000],
  ] as const)('%s stays within its size', (depth, person, min, max) => {
    const n = all(person, depth).length;
    expect(n).toBeGreaterThanOrEqual(min);
    expect(n).toBeLessThanOrEqual(max);
  });
});
