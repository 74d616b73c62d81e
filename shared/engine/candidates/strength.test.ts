import { describe, expect, it } from 'vitest';
import { ELODIE, SCHOOL } from './fixtures.ts';
import { rateStrength, userInputsFor } from './strength.ts';

describe('rateStrength', () => {
  it.each([
    ['azerty', 0], ['123456', 0], ['soleil', 0], ['', 0],
  ])('%s scores %i', (password, score) => {
    expect(rateStrength(password, [])).toBe(score);
  });
  it('scores a long random string 4', () => {
    expect(rateStrength('vQ7#kL2p!zR9wX4m', [])).toBe(4);
  });
  it("knows the person's and the school's words", () => {
    const inputs = userInputsFor(ELODIE, SCHOOL);
    expect(rateStrength('Nguessan09072008', inputs)).toBeLessThan(rateStrength('Nguessan09072008', []));
    expect(rateStrength('iroise0290009c', inputs)).toBeLessThanOrEqual(1);
  });
});

describe('userInputsFor', () => {
  const inputs = userInputsFor(ELODIE, SCHOOL);
  it.each(['élodie', 'elodie', 'nguessan', 'lefevre', 'elodie.nguessan', '09072008', '2008', 'iroise', 'moulin', '0290009c'])('includes %s', (word) => {
    expect(inputs).toContain(word);
  });
});
