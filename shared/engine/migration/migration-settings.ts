// The knobs of a plan: the OpenLDAP version it targets, argon2id's cost, the policy it installs.
export type OpenLdapTarget = 'openldap-2.5' | 'openldap-2.7';
export const OPENLDAP_TARGETS: readonly OpenLdapTarget[] = ['openldap-2.5', 'openldap-2.7'];

export interface Argon2Settings {
  memoryKiB: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP's second listed argon2id setting: 19 MiB, 2 passes, 1 lane (≈ 0.1 s per hash here). */
export const OWASP_ARGON2: Argon2Settings = { memoryKiB: 19_456, timeCost: 2, parallelism: 1 };

/** The OWASP minimum memory for a number of passes (argon2id: m=47104 t=1 … m=7168 t=5). */
export function owaspMinimumMemoryKiB(timeCost: number): number {
  return timeCost <= 1 ? 47_104 : timeCost === 2 ? 19_456 : timeCost === 3 ? 12_288 : timeCost === 4 ? 9_216 : 7_168;
}

/** The default policy the plan installs: CNIL 2022 (12 characters) with a short lockout, so nobody is shut out for a day. */
export const DEFAULT_POLICY = {
  pwdAttribute: 'userPassword',
  pwdMinLength: '12',
  pwdCheckQuality: '1',
  pwdMustChange: 'TRUE',
  pwdAllowUserChange: 'TRUE',
  pwdSafeModify: 'FALSE',
  pwdLockout: 'TRUE',
  pwdMaxFailure: '10',
  pwdLockoutDuration: '900',
  pwdFailureCountInterval: '900',
} as const;
