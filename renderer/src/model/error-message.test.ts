import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ApiError } from '../../../shared/contract/index.ts';
import { en } from '../i18n/messages-en.ts';
import { fr } from '../i18n/messages-fr.ts';
import { adviceOfKind, ERROR_KINDS, explainError, KIND_OF_CODE, unexplainedError } from './error-message.ts';

const error = (code: ApiError['code'], message: string, params: ApiError['params'] = {}): ApiError => ({ code, message, params });

describe('explainError', () => {
  it.each([
    [error('LDAP_INVALID_CREDENTIALS', 'The directory refused the bind as cn=admin,dc=x: wrong DN or password. — check the bind DN', { who: 'cn=admin,dc=x', server: 'x:389' }), 'invalidCredentials', 'credentials'],
    [error('LDAP_NO_SUCH_BASE', 'The base DN "dc=nope" does not exist on x:389.', { base: 'dc=nope', server: 'x:389' }), 'noSuchBase', 'baseDn'],
    [error('LDAP_UNREACHABLE', 'Cannot reach the directory at 127.0.0.1:1: connection refused.', { server: '127.0.0.1:1' }), 'unreachable', 'network'],
    [error('TLS_UNTRUSTED', 'The TLS certificate of x:636 is not signed by a trusted authority.', { server: 'x:636' }), 'tlsUntrusted', 'certificate'],
    [error('LDIF_INVALID', '/tmp/x.ldif, line 42: no colon on this line', { file: '/tmp/x.ldif', line: '42' }), 'notLdif', 'file'],
    [error('NOT_FULL_PATH', 'pwnedpasswords.txt: not a full path', { file: 'pwnedpasswords.txt' }), 'notFullPath', null],
    [error('SCAN_RUNNING', 'a scan is already running — wait for it to finish, or cancel it'), 'scanRunning', null],
    [error('BAD_REQUEST', 'bad arguments for startScan at 0.connection.url: ldap:// or ldaps:// URL'), 'badArguments', null],
    [error('FAILED', 'something Vigie could not do'), 'failed', 'generic'],
    [error('UNEXPECTED', 'unexpected error: boom'), 'unexpected', 'generic'],
  ] as const)('%# chooses the sentence and the advice by the code', (given, kind, advice) => {
    expect(explainError(given)).toEqual({ kind, params: given.params, detail: given.message });
    expect(adviceOfKind(explainError(given).kind)).toBe(advice);
  });

  it('never reads the line: the same words under another code say that code', () => {
    const line = 'The directory refused the bind as cn=admin,dc=x: wrong DN or password.';
    expect(explainError(error('LDAP_UNREACHABLE', line, { server: 'x:389' })).kind).toBe('unreachable');
    expect(explainError(unexplainedError(line)).kind).toBe('unexpected');
  });

  it('has a sentence for every code, in French and in English, with the names it holds', () => {
    expect(Object.keys(KIND_OF_CODE).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) expect(ERROR_KINDS).toContain(KIND_OF_CODE[code]);
    for (const kind of ERROR_KINDS) {
      const params = { who: 'cn=audit', server: 'ldap://x', base: 'dc=x', file: '/tmp/x.ldif', line: '3', url: 'http://x' };
      expect(fr.errorText[kind](params), kind).not.toMatch(/undefined/);
      expect(en.errorText[kind](params), kind).not.toMatch(/undefined/);
      expect(fr.errorText[kind](params)).not.toBe(en.errorText[kind](params));
    }
    expect(fr.errorText.invalidCredentials({ who: 'cn=admin,dc=x' })).toBe('L’annuaire a refusé la connexion du compte « cn=admin,dc=x » : identifiant (bind DN) ou mot de passe incorrect.');
  });
});
