// Issue #4 §1 on a real slapd: hashes readable anonymously or by an ordinary account, and the password
// policy read as unknown (not absent) when the scan's account cannot see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryDetail } from '../../shared/contract/directory-details.ts';
import { runScan } from '../../shared/engine/scan.ts';
import { startSlapd, type SlapdServer } from '../harness/slapd.ts';

const PEOPLE = `dn: ou=people,dc=vigie,dc=test
objectClass: organizationalUnit
ou: people

dn: uid=eleve,ou=people,dc=vigie,dc=test
objectClass: inetOrgPerson
uid: eleve
cn: Eleve
sn: Eleve
userPassword: {SSHA}aGFzaGhhc2hoYXNoaGFzaGhhc2g=

dn: uid=prof,ou=people,dc=vigie,dc=test
objectClass: inetOrgPerson
uid: prof
cn: Prof
sn: Prof
userPassword: {SSHA}c2Vjb25kaGFzaHNlY29uZGhhc2g=
`;

describe('posture checks', () => {
  let open: SlapdServer;
  let hidden: SlapdServer;

  beforeAll(async () => {
    [open, hidden] = await Promise.all([startSlapd({ acl: 'open', ldif: PEOPLE }), startSlapd({ acl: 'hidden', ldif: PEOPLE })]);
    // An ordinary account's password, set the way an admin would.
    await Promise.all([open.setPassword('uid=eleve,ou=people,dc=vigie,dc=test', 'sonmotdepasse-123'),
      hidden.setPassword('uid=eleve,ou=people,dc=vigie,dc=test', 'sonmotdepasse-123')]);
  });

  afterAll(async () => {
    await open?.stop();
    await hidden?.stop();
  });

  const scan = (s: SlapdServer, posture: Parameters<typeof runScan>[0]['posture']) => runScan({
    source: { kind: 'ldap', url: s.url, baseDn: s.suffix }, depth: 'quick', ...(posture ? { posture } : {}),
  });

  it('flags hashes readable anonymously and by an ordinary account on a directory without ACL', async () => {
    const report = await scan(open, { probe: { dn: 'uid=eleve,ou=people,dc=vigie,dc=test', password: 'sonmotdepasse-123' } });
    const codes = report.directoryFindings.map((f) => f.code);
    expect(codes).toContain('HASHES_READABLE_ANONYMOUSLY');
    expect(codes).toContain('HASHES_READABLE_BY_USERS');
    // Anonymous: no pwdPolicy entry could be seen, which is not the same as none.
    expect(codes).toContain('PASSWORD_POLICY_UNKNOWN');
    expect(codes).not.toContain('NO_PASSWORD_POLICY');
    for (const f of report.directoryFindings) expect(directoryDetail(f, 'fr').split('\n')).toHaveLength(1);
  });

  it('flags neither when the ACL hides the hashes (a user may still read their own)', async () => {
    const report = await scan(hidden, { probe: { dn: 'uid=eleve,ou=people,dc=vigie,dc=test', password: 'sonmotdepasse-123' } });
    const codes = report.directoryFindings.map((f) => f.code);
    expect(codes).not.toContain('HASHES_READABLE_ANONYMOUSLY');
    expect(codes).not.toContain('HASHES_READABLE_BY_USERS');
  });

  it('reads cn=config with a config bind: no ppolicy overlay is NO_PASSWORD_POLICY, {SSHA} by default is legacy', async () => {
    const report = await scan(hidden, { config: { dn: 'cn=config', password: hidden.configPw } });
    const codes = report.directoryFindings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['NO_PASSWORD_POLICY', 'LEGACY_DEFAULT_HASH', 'CLEARTEXT_WRITES_NOT_HASHED']));
    expect(directoryDetail(report.directoryFindings.find((f) => f.code === 'LEGACY_DEFAULT_HASH')!, 'fr')).toMatch(/\{SSHA\}.*le module argon2 est déjà chargé/);
  });

  it('adds no posture finding unless asked (runScan without posture)', async () => {
    const report = await scan(open, undefined);
    expect(report.directoryFindings.map((f) => f.code)).toEqual(['NO_TLS']);
  });

  it('a probe account that cannot bind is one clear error', async () => {
    await expect(scan(open, { probe: { dn: 'uid=eleve,ou=people,dc=vigie,dc=test', password: 'wrong' } })).rejects.toThrow(/refused the bind as uid=eleve/);
  });
});
