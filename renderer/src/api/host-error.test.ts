import { describe, expect, it } from 'vitest';
import { encodeErrorHeader, encodeIpcError, VigieError, type ApiError } from '../../../shared/contract/index.ts';
import { apiErrorOf, HostError, plainMessage, readHostError } from './host-error.ts';

const refused: ApiError = { code: 'LDAP_INVALID_CREDENTIALS', message: 'The directory refused the bind as cn=admin: wrong DN or password.', params: { who: 'cn=admin' } };

function answer(status: number, body: unknown, header?: string): Response {
  return new Response(JSON.stringify(body), { status, headers: header === undefined ? {} : { 'x-vigie-error': header } });
}

describe('the host’s errors, by code', () => {
  it('reads the loopback host’s answer: the line from the body, the code and names from the header', async () => {
    const error = await readHostError(answer(422, { error: refused.message }, encodeErrorHeader(refused)));
    expect(error.error).toEqual(refused);
    expect(error.kind).toBe('invalid');
    expect(apiErrorOf(error)).toEqual(refused);
  });

  it('without the header, the status gives the code', async () => {
    expect((await readHostError(answer(401, { error: 'missing or wrong token' }))).error).toEqual({ code: 'UNAUTHORISED', message: 'missing or wrong token', params: {} });
    expect((await readHostError(answer(401, { error: 'x' }))).kind).toBe('unauthorised');
    expect((await readHostError(answer(413, { error: 'request too large' }))).code).toBe('REQUEST_TOO_LARGE');
    expect((await readHostError(answer(500, 'not an object'))).kind).toBe('failed');
  });

  it('reads Electron’s IPC error, whose message carries the ApiError after Electron’s prefix', () => {
    const thrown = new Error(`Error invoking remote method 'vigie:testConnection': Error: ${encodeIpcError(refused)}`);
    expect(apiErrorOf(thrown)).toEqual(refused);
    expect(plainMessage(thrown)).toBe(refused.message);
  });

  it('anything else is unexpected, with its line', () => {
    expect(apiErrorOf(new Error('Error invoking remote method \'vigie:x\': Error: boom'))).toEqual({ code: 'UNEXPECTED', message: 'boom', params: {} });
    expect(apiErrorOf('odd')).toEqual({ code: 'UNEXPECTED', message: 'odd', params: {} });
    const unreachable = new HostError({ code: 'HOST_UNREACHABLE', message: 'host unreachable', params: {} });
    expect(unreachable.kind).toBe('unreachable');
    // One family with the host's errors: the same code, line and names.
    expect(unreachable).toBeInstanceOf(VigieError);
    expect(apiErrorOf(unreachable)).toEqual({ code: 'HOST_UNREACHABLE', message: 'host unreachable', params: {} });
  });
});
