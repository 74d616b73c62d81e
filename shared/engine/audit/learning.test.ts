// What the audit learns from recoveries, without a password: shapes per profile, shared passwords by fingerprint,
// imposed schemes and likely defaults.
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../contract/codes.ts';
import { directoryDetail } from '../../contract/directory-details.ts';
import { shapeLabel } from '../../contract/pattern-labels.ts';
import { betterRecovery, DirectoryLearning, imposedSchemes, IMPOSED_MIN_ACCOUNTS, likelyDefault } from './learning.ts';
import type { Recovery } from './protocol.ts';

const recovery = (index: number, shape: string, fingerprint: string, family: Recovery['family'] = 'personal'): Recovery => ({
  index, family, patternId: shape.split('|')[0]!, shape, fingerprint, strength: 0, ordinal: 0,
});

const NOM_AA = 'surname+birthdate:YY|upper|.';

describe('DirectoryLearning', () => {
  it("weighs a profile's shapes by their share of its checked accounts, and leaves out shapes seen once", () => {
    const profiles: Profile[] = Array.from({ length: 100 }, (_, i) => (i < 80 ? 'student' : 'teacher'));
    const learning = new DirectoryLearning((i) => profiles[i]!);
    for (let i = 0; i < 100; i++) learning.checkedAccount(i);
    for (let i = 0; i < 40; i++) learning.recovered(recovery(i, NOM_AA, `fp${i}`));
    learning.recovered(recovery(41, 'given|lower|', 'fp41'));
    const model = learning.current();
    expect(model.shapes.student?.[0]).toEqual({ shape: NOM_AA, weight: 40 / 80 });
    expect(model.shapes.student?.some((s) => s.shape === 'given|lower|')).toBe(false);
    // Teachers showed nothing of their own: the students' habit reaches them at half its weight.
    expect(model.shapes.teacher?.[0]).toEqual({ shape: NOM_AA, weight: 0.5 * (40 / 100) });
  });

  it('ranks recovered and cleartext passwords by how many accounts share them, per profile', () => {
    const profiles: Profile[] = Array.from({ length: 60 }, (_, i) => (i < 30 ? 'student' : 'teacher'));
    const learning = new DirectoryLearning((i) => profiles[i]!);
    for (let i = 0; i < 60; i++) learning.checkedAccount(i);
    for (let i = 30; i < 33; i++) learning.sighting({ index: i, fingerprint: 'staff-default' });
    for (let i = 33; i < 45; i++) learning.recovered(recovery(i, 'default-word+year|capitalised|!', 'staff-default', 'school'));
    learning.recovered(recovery(0, 'common|lower|', 'azerty', 'common'));
    const model = learning.current();
    expect(model.reuse[0]!.fingerprint).toBe('staff-default');
    expect(model.reuse[0]!.weight.teacher).toBeCloseTo(15 / 30);
    expect(model.reuse.map((r) => r.fingerprint)).toContain('azerty');
  });

  it('keeps the most telling recovery of an account, whatever order they come in', () => {
    const a = recovery(1, 'surname|lower|', 'x', 'personal');
    const b = recovery(1, 'common|lower|', 'x', 'common');
    for (const order of [[a, b], [b, a]]) {
      const learning = new DirectoryLearning(() => 'student');
      for (const r of order) learning.recovered(r);
      expect(learning.best.get(1)).toBe(a);
    }
    expect(betterRecovery(a, b)).toBe(true);
    expect(betterRecovery(b, a)).toBe(false);
  });

  it('prefers a match on an exact value to an LM one, which folds case, whatever the families', () => {
    // "PASSWORD" from the school's defaults matched the LM value; the MD5 beside it says the common "password".
    const lm: Recovery = { ...recovery(1, 'default-word|upper|', 'x', 'school'), caseFolded: true };
    const exact = recovery(1, 'common|lower|', 'y', 'common');
    expect(betterRecovery(exact, lm)).toBe(true);
    expect(betterRecovery(lm, exact)).toBe(false);
    const learning = new DirectoryLearning(() => 'teacher');
    learning.recovered(lm);
    learning.recovered(exact);
    expect(learning.best.get(1)).toBe(exact);
  });
});

describe('imposedSchemes', () => {
  const profileOf = (i: number): Profile => (i < 100 ? 'student' : 'teacher');

  it('names the shape that covers at least 30 % of a profile and 20 accounts, with its accounts', () => {
    const best = new Map<number, Recovery>();
    for (let i = 0; i < 35; i++) best.set(i, recovery(i, NOM_AA, `fp${i}`));
    for (let i = 35; i < 45; i++) best.set(i, recovery(i, 'given|lower|', `fp${i}`));
    const [found, ...rest] = imposedSchemes(best, new Map([['student', 100]]), profileOf);
    expect(rest).toEqual([]);
    expect(found!.accounts).toHaveLength(35);
    expect(found!.finding).toMatchObject({ code: 'IMPOSED_PASSWORD_SCHEME', severity: 'high', profile: 'student', shape: NOM_AA, accounts: 35, share: 0.35 });
    expect(found!.finding).not.toHaveProperty('shapeLabel');
    expect(shapeLabel(found!.finding.shape!, 'fr')).toContain('MAJUSCULES');
    expect(shapeLabel(found!.finding.shape!, 'en')).toContain('UPPER');
    expect(found!.finding).not.toHaveProperty('detail');
    expect(directoryDetail(found!.finding, 'fr')).toContain('35 comptes élèves (35 %)');
  });

  it('stays silent under 30 % of the profile, under 20 accounts, and for list passwords', () => {
    const few = new Map<number, Recovery>();
    for (let i = 0; i < IMPOSED_MIN_ACCOUNTS - 1; i++) few.set(i, recovery(i, NOM_AA, `fp${i}`));
    expect(imposedSchemes(few, new Map([['student', 40]]), profileOf)).toEqual([]);
    const diluted = new Map<number, Recovery>();
    for (let i = 0; i < 29; i++) diluted.set(i, recovery(i, NOM_AA, `fp${i}`));
    expect(imposedSchemes(diluted, new Map([['student', 100]]), profileOf)).toEqual([]);
    const common = new Map<number, Recovery>();
    for (let i = 0; i < 60; i++) common.set(i, recovery(i, 'common|lower|', `fp${i}`, 'common'));
    expect(imposedSchemes(common, new Map([['student', 100]]), profileOf)).toEqual([]);
  });

  it('rates an imposed scheme on staff critical', () => {
    const best = new Map<number, Recovery>();
    for (let i = 100; i < 130; i++) best.set(i, recovery(i, 'given.surname|lower|', `fp${i}`));
    expect(imposedSchemes(best, new Map([['teacher', 40]]), profileOf)[0]!.finding.severity).toBe('critical');
  });
});

describe('likelyDefault', () => {
  it('calls a group of five or more a default, unless every member picked a common word', () => {
    const best = new Map<number, Recovery>();
    for (let i = 0; i < 6; i++) best.set(i, recovery(i, 'common|lower|', 'azerty', 'common'));
    expect(likelyDefault([0, 1, 2, 3, 4, 5], best)).toBe(false);
    expect(likelyDefault([0, 1, 2, 3, 4, 5, 6], best)).toBe(true); // 6: read in clear, no pattern
    expect(likelyDefault([6, 7, 8, 9], best)).toBe(false);
  });
});
