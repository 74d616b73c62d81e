// The synthetic demo school that ships with Vigie (no real person's data): `vigie demo` scans it, and the
// app offers it as a built-in school so a new user sees a report with one click.
import { existsSync } from 'node:fs';
import type { SchoolProfile } from '../contract/api.ts';
import { packagePath } from '../engine/package-root.ts';

export const DEMO_LDIF = packagePath('demo', 'ecole-demo.ldif');

export const DEMO_PROFILE_ID = 'demo';

/** The built-in demo profile, when the demo file is there (a packaged app may leave it out). */
export function demoProfiles(file: string = DEMO_LDIF): SchoolProfile[] {
  if (!existsSync(file)) return [];
  return [{
    id: DEMO_PROFILE_ID,
    name: 'École de démonstration (synthétique)',
    connection: { kind: 'ldif', file },
    passwordSaved: false,
    builtIn: true,
  }];
}
