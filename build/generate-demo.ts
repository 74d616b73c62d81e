// Writes the demo schools shipped in demo/: invented people only, generated from fixed seeds, with
// salts drawn from the seed too so that re-running this script reproduces the files byte for byte.
// Run: node bin/run-ts.mjs build/generate-demo.ts
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Flavour } from '../shared/contract/codes.ts';
import { generateSchool, publicTruthJson, writeSchoolLdif, type SyntheticSchool } from '../shared/testing/synthetic/index.ts';

export const DEMO_DIR = fileURLToPath(new URL('../demo/', import.meta.url));

export interface DemoSchool {
  file: string;
  flavour: Flavour;
  seed: number;
  accounts: number;
}

// The main demo is SambaEdu 3: unsalted {MD5} with LM and NT, and birth dates as default passwords show
// most of what Vigie finds. A small school per other flavour lets users try the reader they need.
export const DEMOS: DemoSchool[] = [
  { file: 'ecole-demo', flavour: 'se3', seed: 2024, accounts: 300 },
  { file: 'ecole-demo-sdet', flavour: 'sdet', seed: 2025, accounts: 80 },
  { file: 'ecole-demo-scribe', flavour: 'scribe', seed: 2026, accounts: 80 },
  { file: 'ecole-demo-samba3', flavour: 'samba3', seed: 2027, accounts: 80 },
  { file: 'ecole-demo-inetorgperson', flavour: 'inetorgperson', seed: 2028, accounts: 80 },
];

export function demoSchool(demo: DemoSchool): Promise<SyntheticSchool> {
  return generateSchool({ seed: demo.seed, accounts: demo.accounts, flavour: demo.flavour, fixedSalts: true });
}

export async function writeDemos(dir: string = DEMO_DIR): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const demo of DEMOS) {
    const school = await demoSchool(demo);
    await writeSchoolLdif(school, path.join(dir, `${demo.file}.ldif`));
    // The truth names what Vigie must find, never the passwords themselves.
    await writeFile(path.join(dir, `${demo.file}.truth.json`), publicTruthJson(school));
    const weak = school.truth.filter((t) => t.planted && t.planted.expectedCode).length;
    console.log(`demo/${demo.file}.ldif: ${demo.flavour}, ${school.truth.length} accounts (${weak} with a planted weak password), ${school.schoolName}, base ${school.baseDn}`);
  }
}

// Run as a script, not when a test imports it.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await writeDemos();
