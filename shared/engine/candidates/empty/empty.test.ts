import { describe, expect, it } from 'vitest';
import { emptySchoolContext } from '../../directory/model.ts';
import { ELODIE } from '../fixtures.ts';
import { emptyFamily } from './empty.ts';

describe('empty family', () => {
  it('offers the empty password once, for everyone', () => {
    expect([...emptyFamily.global(emptySchoolContext(), 'quick')]).toEqual([{ password: '', family: 'empty', patternId: 'empty' }]);
    expect([...emptyFamily.forAccount(ELODIE, emptySchoolContext(), 'deep')]).toEqual([]);
  });
});
