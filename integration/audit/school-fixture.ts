// A generated school on disk (LDIF) and, when asked, in a throwaway slapd: the fixture of the acceptance tests.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Flavour } from '../../shared/contract/codes.ts';
import { generateSchool, writeSchoolLdif } from '../../shared/testing/synthetic/index.ts';
import type { SyntheticSchool, SyntheticSchoolOptions } from '../../shared/testing/synthetic/index.ts';
import { startSlapd, type SlapdOptions, type SlapdServer } from '../harness/slapd.ts';

const SCHEMA_DIR = fileURLToPath(new URL('../schema/', import.meta.url));

export interface SchoolOnDisk {
  school: SyntheticSchool;
  dir: string;
  ldif: string;
  cleanup(): Promise<void>;
}

export async function schoolOnDisk(options: Partial<SyntheticSchoolOptions> & { flavour: Flavour }): Promise<SchoolOnDisk> {
  const school = await generateSchool({ seed: 20261123, accounts: 150, ...options });
  const dir = await mkdtemp(path.join(tmpdir(), `vigie-school-${options.flavour}-`));
  const ldif = path.join(dir, `${options.flavour}.ldif`);
  await writeSchoolLdif(school, ldif);
  return { school, dir, ldif, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Every test schema (SDET/ENT, Scribe, Samba 3…), so any flavour loads. */
export async function testSchemaFiles(): Promise<string[]> {
  return (await readdir(SCHEMA_DIR)).filter((f) => f.endsWith('.ldif')).sort().map((f) => path.join(SCHEMA_DIR, f));
}

export async function schoolInSlapd(s: SchoolOnDisk, options: SlapdOptions = {}): Promise<SlapdServer> {
  return startSlapd({
    suffix: s.school.baseDn,
    baseEntry: false,
    ldifFiles: [s.ldif],
    schemaFiles: await testSchemaFiles(),
    ...options,
  });
}
