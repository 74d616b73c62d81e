// What the browser journeys run against: a synthetic school in a throwaway slapd, the real services over a
// temporary data folder, and the real loopback host serving the freshly built page.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createVigieServices, type VigieServices } from '../../shared/app/vigie-services.ts';
import { NoSecretStore } from '../../shared/app/secret-store.ts';
import { generateSchool, writeSchoolLdif, type SyntheticSchool, type SyntheticSchoolOptions } from '../../shared/testing/synthetic/index.ts';
import { startLoopbackHost, type LoopbackHost } from '../../shared/host/loopback-host.ts';
import { ldifUploadDir } from '../../shared/host/ldif-upload.ts';
import { startSlapd, type SlapdServer } from '../../integration/harness/slapd.ts';
import { testSchemaFiles } from '../../integration/audit/school-fixture.ts';
import { buildRenderer } from './renderer-build.ts';

export interface SchoolUnderTest {
  school: SyntheticSchool;
  ldif: string;
}

export interface VigieUnderTest {
  host: LoopbackHost;
  services: VigieServices;
  slapd: SlapdServer;
  /** Served by slapd: fast hashes, so a scan takes seconds. */
  school: SchoolUnderTest;
  /** An LDIF file with the realistic (slow) hash mix: a scan long enough to cancel. */
  slowSchool: SchoolUnderTest;
  dataDir: string;
  close(): Promise<void>;
}

async function schoolOnDisk(dir: string, name: string, options: SyntheticSchoolOptions): Promise<SchoolUnderTest> {
  const school = await generateSchool(options);
  const ldif = path.join(dir, `${name}.ldif`);
  await writeSchoolLdif(school, ldif);
  return { school, ldif };
}

/** One generated school in a throwaway slapd, with the real services and host: the journeys of one kind of school. */
export interface SchoolVigieUnderTest {
  host: LoopbackHost;
  services: VigieServices;
  slapd: SlapdServer;
  school: SchoolUnderTest;
  /** A throwaway folder removed by close(), for the files a journey writes (a plan, a report). */
  workDir: string;
  close(): Promise<void>;
}

export async function startVigieOnSchool(options: SyntheticSchoolOptions, slapdAcl: 'open' | 'hidden' = 'hidden'): Promise<SchoolVigieUnderTest> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vigie-e2e-'));
  const cleanups: (() => Promise<void>)[] = [() => rm(dir, { recursive: true, force: true })];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const staticDir = await buildRenderer();
    const school = await schoolOnDisk(dir, 'school', options);
    const slapd = await startSlapd({
      suffix: school.school.baseDn, baseEntry: false, ldifFiles: [school.ldif], schemaFiles: await testSchemaFiles(), acl: slapdAcl,
    });
    cleanups.push(() => slapd.stop());
    const services = createVigieServices({ dataDir: path.join(dir, 'data'), secrets: new NoSecretStore(), hostKind: 'loopback' });
    cleanups.push(() => services.close());
    const host = await startLoopbackHost({ services, staticDir, uploadDir: ldifUploadDir(path.join(dir, 'data')) });
    cleanups.push(() => host.close());
    const workDir = path.join(dir, 'work');
    await mkdir(workDir, { mode: 0o700 });
    return { host, services, slapd, school, workDir, close };
  } catch (e) {
    await close();
    throw e;
  }
}

export async function startVigieUnderTest(): Promise<VigieUnderTest> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vigie-e2e-'));
  const cleanups: (() => Promise<void>)[] = [() => rm(dir, { recursive: true, force: true })];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const staticDir = await buildRenderer();
    // sdet: the flavour reads birth dates without extra options, as a saved profile scans it.
    const school = await schoolOnDisk(dir, 'college', { seed: 20261123, accounts: 240, flavour: 'sdet', schemes: ['SSHA', 'MD5', 'SHA', 'CLEARTEXT'] });
    const slowSchool = await schoolOnDisk(dir, 'lycee-lent', { seed: 424242, accounts: 400, flavour: 'sdet', schemes: ['BCRYPT', 'ARGON2ID', 'SHA512CRYPT'] });
    const slapd = await startSlapd({
      suffix: school.school.baseDn,
      baseEntry: false,
      ldifFiles: [school.ldif],
      schemaFiles: await testSchemaFiles(),
      acl: 'open',
    });
    cleanups.push(() => slapd.stop());
    const dataDir = path.join(dir, 'data');
    const services = createVigieServices({ dataDir, secrets: new NoSecretStore(), hostKind: 'loopback' });
    cleanups.push(() => services.close());
    const host = await startLoopbackHost({ services, staticDir, uploadDir: ldifUploadDir(dataDir) });
    cleanups.push(() => host.close());
    return { host, services, slapd, school, slowSchool, dataDir, close };
  } catch (e) {
    await close();
    throw e;
  }
}
