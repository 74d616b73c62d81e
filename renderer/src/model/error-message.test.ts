import { describe, expect, it } from 'vitest';
import { en } from '../i18n/messages-en.ts';
import { fr } from '../i18n/messages-fr.ts';
import { ERROR_KINDS, explainError } from './error-message.ts';

// The host's lines, as shared/engine and shared/app write them (one line: message — hint).
const LINES: readonly (readonly [string, string, Record<string, string>])[] = [
  ['The directory refused the bind as cn=admin,dc=x: wrong DN or password. — check the bind DN and the password given by file, VIGIE_BIND_PASSWORD or the prompt.',
    'invalidCredentials', { who: 'cn=admin,dc=x' }],
  ['The base DN "dc=nope" does not exist on ldap://127.0.0.1:3890. — check the base DN', 'noSuchBase', { base: 'dc=nope', server: 'ldap://127.0.0.1:3890' }],
  ['Cannot reach the directory at ldap://127.0.0.1:1: connection refused. — check the URL and port', 'unreachable', { server: 'ldap://127.0.0.1:1' }],
  ['The TLS certificate of ldaps://x:636 is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT). — pass the certificate', 'tlsUntrusted', { server: 'ldaps://x:636' }],
  ['The directory denied the search to anonymous. — bind as an account allowed', 'accessDenied', { who: 'anonymous' }],
  ['"http://x" is not an LDAP URL. — write it as ldap://host[:port]', 'badUrl', { url: 'http://x' }],
  ['the bind password of cn=audit,dc=x is needed — type it in the scan form', 'passwordNeeded', { who: 'cn=audit,dc=x' }],
  ['LDIF file not found: /tmp/x.ldif — give the path of an export written by slapcat or ldapsearch -LLL', 'fileMissing', { file: '/tmp/x.ldif' }],
  ['/tmp/dir is a folder, not an LDIF file — give the path', 'notAFile', { file: '/tmp/dir' }],
  ['cannot read /tmp/x.ldif: permission denied — run Vigie as a user allowed to read it', 'fileUnreadable', { file: '/tmp/x.ldif' }],
  ['/tmp/x.ldif holds no LDIF entry (it is empty): nothing to audit — give the path', 'fileEmpty', { file: '/tmp/x.ldif' }],
  ['/tmp/x.ldif.gz, line 1: this is a gzip-compressed file, not LDIF: decompress it first', 'fileCompressed', { file: '/tmp/x.ldif.gz', line: '1' }],
  ['/tmp/x.ldif, line 42: no colon on this line: expected "attribute: value"', 'notLdif', { file: '/tmp/x.ldif', line: '42' }],
  ['pwnedpasswords.txt: not a full path — give the full path', 'notFullPath', { file: 'pwnedpasswords.txt' }],
  ['/tmp/h.txt: not a Have I Been Pwned file (no line of the form HASH:COUNT at its start)', 'notHibp', { file: '/tmp/h.txt' }],
  ['a scan is already running — wait for it to finish, or cancel it', 'scanRunning', {}],
  ['bad arguments for startScan at 0.connection.url: ldap:// or ldaps:// URL', 'badArguments', {}],
  ['unexpected error: boom', 'unexpected', {}],
  ['Something odd happened.', 'unexpected', {}],
];

describe('explainError', () => {
  it.each(LINES)('%s → %s', (line, kind, params) => {
    const explained = explainError(line);
    expect(explained).toEqual({ kind, params, detail: line });
  });

  it('says every kind in French and in English, with the names it holds', () => {
    for (const kind of ERROR_KINDS) {
      const params = { who: 'cn=audit', server: 'ldap://x', base: 'dc=x', file: '/tmp/x.ldif', line: '3', url: 'http://x' };
      expect(fr.errorText[kind](params), kind).not.toMatch(/undefined/);
      expect(en.errorText[kind](params), kind).not.toMatch(/undefined/);
      expect(fr.errorText[kind](params)).not.toBe(en.errorText[kind](params));
    }
    expect(fr.errorText.invalidCredentials({ who: 'cn=admin,dc=x' })).toBe('L’annuaire a refusé la connexion du compte « cn=admin,dc=x » : identifiant (bind DN) ou mot de passe incorrect.');
  });
});
