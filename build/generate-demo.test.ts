import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicTruthJson } from '../shared/testing/synthetic/index.ts';
import { DEMO_DIR, DEMOS, demoSchool } from './generate-demo.ts';

describe('the committed demo schools', () => {
  // A change to the generator or the hash module must come with regenerated demo files.
  it.each(DEMOS.filter((d) => d.flavour === 'se3' || d.flavour === 'sdet'))('$file is what build/generate-demo.ts writes', async (demo) => {
    const school = await demoSchool(demo);
    expect(await readFile(path.join(DEMO_DIR, `${demo.file}.ldif`), 'utf8')).toBe(school.ldif);
    expect(await readFile(path.join(DEMO_DIR, `${demo.file}.truth.json`), 'utf8')).toBe(publicTruthJson(school));
  });

  it('holds no planted password in any shipped file', async () => {
    for (const demo of DEMOS) {
      const school = await demoSchool(demo);
      const truth = await readFile(path.join(DEMO_DIR, `${demo.file}.truth.json`), 'utf8');
      const ldif = await readFile(path.join(DEMO_DIR, `${demo.file}.ldif`), 'utf8');
      for (const t of school.truth) {
        if (t.planted?.family !== 'strong') continue;
        expect(truth.includes(t.planted.password)).toBe(false);
        if (!t.schemes.includes('CLEARTEXT')) expect(ldif.includes(t.planted.password)).toBe(false);
      }
      expect(truth).not.toMatch(/"password"/);
    }
  }, 60_000);
});
