// The directory's posture (issue #4 §1): who can read password hashes, which password policy applies, and,
// with a config bind, how slapd stores new passwords. Every check is a bind and searches: nothing is written.
import type { DirectoryFinding } from '../../contract/report.ts';
import { connectDirectory, type DirectoryConnection, type LdapSourceOptions } from '../directory/ldap/read-ldap.ts';
import { LdapError } from '../directory/ldap/ldap-error.ts';
import { readConfigFacts, type ConfigFacts } from './config-facts.ts';
import { configFindings } from './config-posture.ts';
import { isUnder } from './dn.ts';
import { hashReadability, type HashReadability } from './hash-readability.ts';
import { policyFindings, readPolicy, type PolicyState } from './password-policy.ts';

export interface Credentials {
  dn: string;
  /** From a file or a prompt, never from argv. */
  password: string;
}

export interface PostureOptions {
  /** An ordinary account, to see what users can read (`--probe-dn`). */
  probe?: Credentials;
  /** An account that may read cn=config (`--config-bind-dn`). */
  config?: Credentials;
}

export interface PostureTarget {
  url: string;
  baseDn: string;
  startTls?: boolean;
  caFile?: string;
}

export interface PostureResult {
  findings: DirectoryFinding[];
  anonymous: HashReadability;
  probe?: HashReadability;
  policy: PolicyState;
  config?: ConfigFacts;
}

/** `main` is the scan's own connection, used for the policy entries it may read. */
export async function directoryPosture(target: PostureTarget, main: DirectoryConnection, options: PostureOptions = {}): Promise<PostureResult> {
  const findings: DirectoryFinding[] = [];

  const anonymous = await readabilityAs(target);
  if (anonymous === 'readable') findings.push(READABLE_ANONYMOUSLY);

  let probe: HashReadability | undefined;
  if (options.probe) {
    probe = await readabilityAs(target, options.probe);
    if (probe === 'readable') findings.push(READABLE_BY_USERS(options.probe.dn));
  }

  const config = options.config ? await configFactsAs(target, options.config) : undefined;
  const policy = await policyState(main, target.baseDn, config);
  findings.push(...policyFindings(policy));
  if (config) findings.push(...configFindings(config));
  return { findings, anonymous, ...(probe ? { probe } : {}), policy, ...(config ? { config } : {}) };
}

const READABLE_ANONYMOUSLY: DirectoryFinding = {
  code: 'HASHES_READABLE_ANONYMOUSLY',
  severity: 'critical',
};

function READABLE_BY_USERS(dn: string): DirectoryFinding {
  return {
    code: 'HASHES_READABLE_BY_USERS',
    severity: 'high',
    params: { dn },
  };
}

function connectionOptions(target: PostureTarget, who?: Credentials): LdapSourceOptions {
  return {
    url: target.url,
    ...(who ? { bindDn: who.dn, password: who.password } : {}),
    ...(target.startTls ? { startTls: true } : {}),
    ...(target.caFile ? { caFile: target.caFile } : {}),
    // The probe stops at the first hash it sees: small pages.
    pageSize: 1,
  };
}

async function readabilityAs(target: PostureTarget, who?: Credentials): Promise<HashReadability> {
  let connection: DirectoryConnection;
  try {
    connection = await connectDirectory(connectionOptions(target, who));
  } catch (e) {
    // An anonymous bind the server refuses reads nothing; a probe account that cannot bind is the user's error.
    if (!who && e instanceof LdapError && ['invalid-credentials', 'refused', 'access-denied'].includes(e.kind)) return 'hidden';
    if (who) throw e;
    return 'unknown';
  }
  try {
    return await hashReadability(connection, target.baseDn, who?.dn);
  } finally {
    await connection.close();
  }
}

async function configFactsAs(target: PostureTarget, who: Credentials): Promise<ConfigFacts> {
  const connection = await connectDirectory({ ...connectionOptions(target, who), pageSize: 1000 });
  try {
    return await readConfigFacts(connection, target.baseDn);
  } finally {
    await connection.close();
  }
}

async function policyState(main: DirectoryConnection, baseDn: string, config: ConfigFacts | undefined): Promise<PolicyState> {
  if (config && !config.database?.ppolicy) return { kind: 'absent' };
  const suffix = await namingContext(main, baseDn);
  const policies = [];
  const defaultDn = config?.database?.ppolicy?.defaultPolicy;
  if (defaultDn) {
    try {
      const [entry] = await main.lookup(defaultDn, { scope: 'base', attributes: ['*'] });
      if (entry) policies.push(readPolicy(entry));
    } catch (e) {
      // A default that names no entry applies no policy at all.
      if (!(e instanceof LdapError && e.kind === 'no-such-base')) return { kind: 'unknown' };
    }
  }
  try {
    const found = await main.lookup(suffix, { scope: 'sub', filter: '(objectClass=pwdPolicy)', attributes: ['*'] });
    for (const entry of found) {
      if (!policies.some((p) => p.dn.toLowerCase() === entry.dn.toLowerCase())) policies.push(readPolicy(entry));
    }
  } catch {
    // Nothing more can be learnt from this account.
  }
  if (policies.length > 0) return { kind: 'found', policies };
  if (config) return defaultDn ? { kind: 'absent' } : { kind: 'unknown' };
  return { kind: 'unknown' };
}

async function namingContext(main: DirectoryConnection, baseDn: string): Promise<string> {
  try {
    const [root] = await main.lookup('', { scope: 'base', attributes: ['namingContexts'] });
    const contexts = root?.attrs.get('namingcontexts') ?? [];
    return contexts.filter((c) => isUnder(baseDn, c)).sort((a, b) => b.length - a.length)[0] ?? baseDn;
  } catch {
    return baseDn;
  }
}
