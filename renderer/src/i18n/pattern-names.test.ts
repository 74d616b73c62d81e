import { describe, expect, it } from 'vitest';
// The one import of the engine in renderer/: this test holds the UI's table to the engine's own labels, so a
// pattern id added there without a translation here fails the build. Test code only; the page never loads it.
// eslint-disable-next-line no-restricted-imports
import { knownPatternIds, patternLabel } from '../../../shared/engine/candidates/patterns.ts';
import { patternName } from './pattern-names.ts';

describe('patternName', () => {
  it('translates every pattern id the engine can emit exactly as the engine labels it', () => {
    const ids = knownPatternIds();
    expect(ids.length).toBeGreaterThan(100);
    const wrong = ids.filter((id) => patternName({ patternId: id, pattern: patternLabel(id, 'fr') }, 'en') !== patternLabel(id, 'en'));
    expect(wrong).toEqual([]);
  });

  it('shows the French label in French', () => {
    expect(patternName({ patternId: 'surname+birthdate:DDMMYYYY', pattern: 'nom + date de naissance (JJMMAAAA)' }, 'fr'))
      .toBe('nom + date de naissance (JJMMAAAA)');
  });

  it('falls back to the French label for an id it does not know', () => {
    expect(patternName({ patternId: 'keyboard:azerty-walk', pattern: 'suite de touches' }, 'en')).toBe('suite de touches');
  });

  it('says nothing when the finding names no pattern', () => {
    expect(patternName({}, 'en')).toBeNull();
  });
});
