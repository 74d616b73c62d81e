import { describe, expect, it } from 'vitest';
import type { Depth } from '../../../contract/codes.ts';
import type { Candidate } from '../family.ts';
import { AMELIE, ELODIE, THOMAS, account } from '../fixtures.ts';
import { currentYear } from '../suffixes.ts';
import { loginParts } from './forms.ts';
import { FAST_STANDARD_SIZE, personalCandidates } from './personal.ts';

const all = (a = ELODIE, depth: Depth = 'standard'): Candidate[] => [...personalCandidates(a, depth)];
const byPassword = (list: Candidate[]): Map<string, Candidate> => new Map(list.map((c) => [c.password, c]));

describe('a hyphenated name as written', () => {
  // Typed the way every form writes it, beside a date: within standard, and early, whatever the name's other spellings.
  const lefevre = account({ login: 'noemie.lefevre-dubois', surnames: ['Lefèvre-Dubois'], givenNames: ['Noémie'], birthDate: { year: 2007, month: 3, day: 7 } });
  const jb = account({ login: 'jb.durand', surnames: ['Durand'], givenNames: ['Jean-Baptiste'], birthDate: { year: 2008, month: 4, day: 26 } });
  it.each([
    ['surname in capitals', lefevre, 'LEFEVRE-DUBOIS070307', 'surname+birthdate:DDMMYY'],
    ['initial + surname', lefevre, 'nlefevre-dubois07032007', 'gsurname+birthdate:DDMMYYYY'],
    ['given name in capitals', jb, 'JEAN-BAPTISTE26/04/2008', 'given+birthdate:DD/MM/YYYY'],
  ])('%s', (_name, person, password, patternId) => {
    const list = all(person);
    const i = list.findIndex((c) => c.password === password);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(i).toBeLessThan(2_000);
    expect(list[i]!.patternId).toBe(patternId);
  });
});

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

describe('personal candidates: the shapes any auditor tries first (issue #12 §4)', () => {
  // An opaque uid: every shape below has to come from the names, not from the login.
  const JEAN = account({ login: 'u4821', surnames: ['Dupont'], givenNames: ['Jean'], birthDate: { year: 2008, month: 3, day: 15 } });
  const tiers = (person: ReturnType<typeof account>): Map<string, { patternId: string; depth: Depth }> => {
    const out = new Map<string, { patternId: string; depth: Depth }>();
    for (const depth of ['quick', 'standard', 'deep'] as const) {
      for (const c of all(person, depth)) if (!out.has(c.password)) out.set(c.password, { patternId: c.patternId, depth });
    }
    return out;
  };
  const jean = tiers(JEAN);
  it.each([
    // Initial + surname, surname + initial, with a date or a recent year.
    ['jdupont150308', 'gsurname+birthdate:DDMMYY', 'standard'],
    ['Jdupont150308', 'gsurname+birthdate:DDMMYY', 'standard'],
    ['JDUPONT15032008', 'gsurname+birthdate:DDMMYYYY', 'standard'],
    ['j.dupont2008', 'g.surname+birthdate:YYYY', 'standard'],
    ['dupontj2008', 'surnameg+birthdate:YYYY', 'standard'],
    ['dupont.j15032008', 'surname.g+birthdate:DDMMYYYY', 'standard'],
    ['150308jdupont', 'birthdate+gsurname:DDMMYY', 'standard'],
    [`dupontj${currentYear()}`, 'surnameg+year', 'standard'],
    // Pairs of names with a date, every separator, both orders.
    ['jean.dupont.2008', 'given.surname+birthdate:YYYY', 'standard'],
    ['Jean.Dupont_15032008', 'given.surname+birthdate:DDMMYYYY', 'standard'],
    ['jean_dupont-2008', 'given_surname+birthdate:YYYY', 'standard'],
    ['2008jean.dupont', 'birthdate+given.surname:YYYY', 'standard'],
    // One name with a date in every case, two-digit year, a symbol after.
    ['dupont15032008', 'surname+birthdate:DDMMYYYY', 'quick'],
    ['DUPONT08', 'surname+birthdate:YY', 'standard'],
    ['Dupont2008!', 'surname+birthdate:YYYY+symbol', 'standard'],
    ['dupont15032008*', 'surname+birthdate:DDMMYYYY+symbol', 'standard'],
    ['jean20081', 'given+birthdate:YYYY+suffix', 'standard'],
    ['15.03.2008dupont', 'birthdate+surname:DD.MM.YYYY', 'standard'],
    // The rare ends of the grammar: deep.
    ['dupont-032008*', 'surname+birthdate:MMYYYY+symbol', 'deep'],
    ['jean.dupont_150308*', 'given.surname+birthdate:DDMMYY+symbol', 'deep'],
  ] as const)('%s is %s at %s', (password, patternId, depth) => {
    expect(jean.get(password)).toEqual({ patternId, depth });
  });
  it('puts the login and each part of it beside the date', () => {
    const found = tiers(account({ login: 'jdupont12', surnames: ['Martin'], givenNames: ['Jean'], birthDate: { year: 2008, month: 3, day: 15 } }));
    expect(found.get('jdupont1215032008')).toEqual({ patternId: 'login+birthdate:DDMMYYYY', depth: 'quick' });
    expect(found.get('Jdupont12_2008')).toEqual({ patternId: 'login+birthdate:YYYY', depth: 'standard' });
    expect(found.get('2008_jdupont12')).toEqual({ patternId: 'birthdate+login:YYYY', depth: 'standard' });
    expect(found.get('jdupont150308')).toEqual({ patternId: 'login-part+birthdate:DDMMYY', depth: 'standard' });
    // A login built from another surname than the directory's: its parts, both of them.
    const other = tiers(account({ login: 'jean.dupont', surnames: ['Martin'], givenNames: ['Jean'], birthDate: { year: 2008, month: 3, day: 15 } }));
    expect(other.get('dupont15032008')).toEqual({ patternId: 'login-part+birthdate:DDMMYYYY', depth: 'standard' });
    expect(other.get('Dupont2008!')).toEqual({ patternId: 'login-part+birthdate:YYYY+symbol', depth: 'standard' });
    expect(other.get('Jean.dupont15032008')).toEqual({ patternId: 'login+birthdate:DDMMYYYY', depth: 'quick' });
  });
  it('gives a compound surname its first part in pairs with a date at standard', () => {
    const found = tiers(ELODIE);
    expect(found.get('enguessan090708')).toEqual({ patternId: 'gsurname+birthdate:DDMMYY', depth: 'standard' });
    expect(found.get('nguessane2008')).toEqual({ patternId: 'surnameg+birthdate:YYYY', depth: 'standard' });
    expect(found.get('NGUESSAN08')).toEqual({ patternId: 'surname+birthdate:YY', depth: 'standard' });
  });
  it('spells initials with an elided particle as one word: "N\'Guessan" gives "n"', () => {
    const found = tiers(ELODIE);
    expect(found.get('en')?.patternId).toBe('initials');
    expect(found.get('enl')?.patternId).toBe('initials');
    expect(found.has('eg')).toBe(false);
  });
});

describe('loginParts', () => {
  it.each([
    ['elodie.nguessan', ['elodie', 'nguessan']], ['jdupont12', ['jdupont']], ['lulu.k42', ['lulu']],
    ['anne-sophie.de_la2', ['anne', 'sophie', 'de', 'la']], ['tmartin', []], ['u4821', []],
  ] as const)('%s', (login, parts) => {
    expect(loginParts(login)).toEqual(parts);
  });
});

describe('personal candidate counts by depth (documented in personal.ts)', () => {
  it.each([
    ['quick', ELODIE, 100, 500], ['standard', ELODIE, 600, 4_000], ['deep', ELODIE, 5_000, 45_000],
    ['quick', THOMAS, 100, 500], ['standard', THOMAS, 400, 4_000], ['deep', THOMAS, 2_000, 45_000],
  ] as const)('%s stays within its size', (depth, person, min, max) => {
    const n = all(person, depth).length;
    expect(n).toBeGreaterThanOrEqual(min);
    expect(n).toBeLessThanOrEqual(max);
  });
  it('goes on to 9,000 at standard for a value checked at a fast scheme\'s cost, the standard list first; deep is the same', () => {
    // A compound, accented name: its many spellings stop the usual list within band 3.
    const lefevre = account({ login: 'noemie.lefevre-dubois', surnames: ['Lefèvre-Dubois'], givenNames: ['Noémie'], birthDate: { year: 2007, month: 3, day: 7 } });
    const standard = all(lefevre);
    const fast = [...personalCandidates(lefevre, 'standard', true)];
    expect(standard.length).toBe(3_500);
    expect(fast.length).toBeGreaterThan(standard.length);
    expect(fast.length).toBeLessThanOrEqual(FAST_STANDARD_SIZE);
    expect(fast.slice(0, standard.length)).toEqual(standard);
    // The surname in capitals with a dotted, slashed date: past the usual list, within the fast one.
    expect(standard.some((c) => c.password === 'LEFEVRE-DUBOIS.07/03/2007')).toBe(false);
    expect(fast.some((c) => c.password === 'LEFEVRE-DUBOIS.07/03/2007')).toBe(true);
    expect([...personalCandidates(lefevre, 'deep', true)]).toEqual(all(lefevre, 'deep'));
    expect([...personalCandidates(lefevre, 'quick', true)]).toEqual(all(lefevre, 'quick'));
  });
  it('stops standard at 3,500 once the grammar reaches its open bands, whatever the name', () => {
    for (const person of [ELODIE, THOMAS]) expect(all(person, 'standard').length).toBeLessThanOrEqual(3_500);
    // Quick stays a few hundred: the slow hashes' first checks.
    expect(all(ELODIE, 'quick').length).toBeLessThanOrEqual(400);
  });
});
