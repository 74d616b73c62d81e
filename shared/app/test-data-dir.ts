// A fresh data dir per test, under the OS temp folder, removed afterwards. Tests only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** The synthetic demo school (no real person's data), shared by the services' and hosts' tests. */
export { DEMO_LDIF } from './demo-school.ts';

export function useTempDataDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vigie-app-'));
    made.push(dir);
    return dir;
  };
}
