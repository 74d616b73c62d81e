import { describe, expect, it } from 'vitest';
import { apiErrorOf, decodeErrorHeader, decodeIpcError, encodeErrorHeader, encodeIpcError, toApiError, VigieError, type ApiError, type ErrorCode } from './errors.ts';

const error: ApiError = {
  code: 'LDIF_NOT_FOUND',
  message: 'LDIF file not found: /home/élève/annuaire 2026.ldif — give the path of an export',
  params: { file: '/home/élève/annuaire 2026.ldif' },
};

describe('VigieError', () => {
  it('is one line with its hint, a code (FAILED unless said, or its class’s) and the names it was given', () => {
    const error = new VigieError('LDIF file not found: /tmp/x.ldif', 'give the path of an export', { code: 'LDIF_NOT_FOUND', params: { file: '/tmp/x.ldif', line: undefined } });
    expect(error.oneLine()).toBe('LDIF file not found: /tmp/x.ldif — give the path of an export');
    expect(error.toApiError()).toEqual({ code: 'LDIF_NOT_FOUND', message: error.oneLine(), params: { file: '/tmp/x.ldif' } });
    expect(new VigieError('odd').code).toBe('FAILED');
    class Refused extends VigieError {
      protected override defaultCode(): ErrorCode {
        return 'LDAP_REFUSED';
      }
    }
    expect(new Refused('no').code).toBe('LDAP_REFUSED');
    expect(new Refused('no', undefined, { code: 'TIMEOUT' }).code).toBe('TIMEOUT');
  });

  it('anything else crosses as UNEXPECTED with its first line, never a stack', () => {
    expect(apiErrorOf(new Error('boom\n    at x.js:1'))).toEqual({ code: 'UNEXPECTED', message: 'unexpected error: boom', params: {} });
    expect(apiErrorOf('odd')).toEqual({ code: 'UNEXPECTED', message: 'unexpected error: odd', params: {} });
  });
});

describe('ApiError on the wire', () => {
  it('crosses IPC inside a message, after whatever prefix Electron adds', () => {
    const message = encodeIpcError(error);
    expect(decodeIpcError(message)).toEqual(error);
    expect(decodeIpcError(`Error invoking remote method 'vigie:startScan': Error: ${message}`)).toEqual(error);
    expect(decodeIpcError('Error invoking remote method \'vigie:startScan\': Error: boom')).toBeNull();
    expect(decodeIpcError('vigie-error:{not json')).toBeNull();
  });

  it('crosses HTTP as a header beside the body’s line, ASCII whatever the path holds', () => {
    const header = encodeErrorHeader(error);
    expect(header).toMatch(/^[\x21-\x7e]+$/);
    expect(decodeErrorHeader(header, error.message)).toEqual(error);
    expect(decodeErrorHeader(null, 'x')).toBeNull();
    expect(decodeErrorHeader('%7Bnot', 'x')).toBeNull();
  });

  it('takes only a known code and the known names, as strings', () => {
    expect(toApiError({ code: 'NOPE', message: 'x', params: {} })).toBeNull();
    expect(toApiError({ code: 'TIMEOUT', message: 3 })).toBeNull();
    expect(toApiError({ code: 'TIMEOUT', message: 'late', params: { server: 'x:389', password: 'secret', line: 3 } }))
      .toEqual({ code: 'TIMEOUT', message: 'late', params: { server: 'x:389' } });
    expect(toApiError({ code: 'TIMEOUT', message: 'late' })).toEqual({ code: 'TIMEOUT', message: 'late', params: {} });
  });
});
