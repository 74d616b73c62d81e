import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeErrorHeader, type ApiError } from '../contract/errors.ts';
import { corpusRecords, writeHibpFile } from '../engine/breached/hibp-corpus.ts';
import { NoSecretStore } from '../app/secret-store.ts';
import { DEMO_LDIF, useTempDataDirs } from '../app/test-data-dir.ts';
import { createVigieServices, type VigieServices } from '../app/vigie-services.ts';
import { startLoopbackHost, type LoopbackHost } from './loopback-host.ts';

const tempDir = useTempDataDirs();
const open: { host: LoopbackHost; services: VigieServices }[] = [];

afterEach(async () => {
  for (const { host, services } of open.splice(0)) {
    await services.close();
    await host.close();
  }
});

async function started() {
  const root = await tempDir();
  const staticDir = path.join(root, 'renderer');
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Vigie</title><script type="module" src="./assets/app.js"></script>');
  await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log("vigie")');
  await writeFile(path.join(root, 'outside.txt'), 'not for the page');
  const services = createVigieServices({ dataDir: path.join(root, 'data'), secrets: new NoSecretStore(), hostKind: 'loopback' });
  const host = await startLoopbackHost({ services, staticDir });
  open.push({ host, services });
  return { host, services, root };
}

interface Answer { status: number; headers: IncomingHttpHeaders; body: string }

function send(host: LoopbackHost, method: string, urlPath: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, method, path: urlPath, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The ApiError of an error answer, as the page reads it: the body's line, the header's code and names. */
function typedError(answer: Answer): ApiError | null {
  const header = answer.headers['x-vigie-error'];
  return decodeErrorHeader(typeof header === 'string' ? header : null, (JSON.parse(answer.body) as { error: string }).error);
}

/** A call as the page makes it: own Origin, bearer token, JSON array of arguments. */
function call(host: LoopbackHost, method: string, args: unknown, extra: Record<string, string> = {}): Promise<Answer> {
  return send(host, 'POST', `/api/${method}`, {
    origin: host.origin, authorization: `Bearer ${host.token}`, 'content-type': 'application/json', ...extra,
  }, JSON.stringify(args));
}

describe('startLoopbackHost', () => {
  it('listens on 127.0.0.1 only, on a port the OS picked, and gives the page address with the token', async () => {
    const { host } = await started();
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Bound to 0.0.0.0 it would also answer on 127.0.0.2 (Linux routes all of 127/8 to lo).
    const refused = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.2', port: host.port });
      socket.on('connect', () => { socket.destroy(); resolve('connected'); });
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('answers an API call made as the page makes it', async () => {
    const { host } = await started();
    const answer = await call(host, 'hostInfo', []);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ version: '0.1.0', host: 'loopback', canSavePasswords: false });
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a call without the token or with a wrong one (401), in one line of JSON', async () => {
    const { host } = await started();
    const none = await send(host, 'POST', '/api/hostInfo', { origin: host.origin, 'content-type': 'application/json' }, '[]');
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toEqual({ error: expect.stringMatching(/token/) });
    const wrong = await call(host, 'hostInfo', [], { authorization: `Bearer ${host.token.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    // The token in the query is only for the event stream and the first page load, not for calls.
    const inQuery = await send(host, 'POST', `/api/hostInfo?token=${host.token}`, { origin: host.origin, 'content-type': 'application/json' }, '[]');
    expect(inQuery.status).toBe(401);
  });

  it('refuses another Origin (403) even with the right token, and a call with no Origin', async () => {
    const { host } = await started();
    expect((await call(host, 'hostInfo', [], { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call(host, 'hostInfo', [], { origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403);
    expect((await send(host, 'POST', '/api/hostInfo', { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' }, '[]')).status).toBe(403);
    expect((await send(host, 'GET', '/', { origin: 'http://evil.example' })).status).toBe(403);
    // A DNS-rebinding page reaches 127.0.0.1 under its own name.
    expect((await call(host, 'hostInfo', [], { host: `evil.example:${host.port}` })).status).toBe(403);
  });

  it('validates the arguments (400) before any service runs, and never answers a stack', async () => {
    const { host } = await started();
    const bad = await call(host, 'getReport', ['../../etc/passwd']);
    expect(bad.status).toBe(400);
    const { error } = JSON.parse(bad.body) as { error: string };
    expect(error).toMatch(/^bad arguments for getReport/);
    expect(error).not.toContain('\n');
    expect((await call(host, 'saveSettings', [{ language: 'de', defaultDepth: 'standard' }])).status).toBe(400);
    expect((await call(host, 'hostInfo', { not: 'an array' })).status).toBe(400);
    expect((await send(host, 'POST', '/api/hostInfo', { origin: host.origin, authorization: `Bearer ${host.token}`, 'content-type': 'application/json' }, '[')).status).toBe(400);
    expect((await call(host, 'constructor', [])).status).toBe(404);
    const missing = await call(host, 'getReport', ['20250101T000000-abcd']);
    expect(missing.status).toBe(422);
    expect(JSON.parse(missing.body).error).toMatch(/no report with id/);
  });

  it('says what went wrong by code beside the line (issue #14 §3): a service’s VigieError, a refused call, a refused token', async () => {
    const { host, root } = await started();
    expect(typedError(await call(host, 'getReport', ['20250101T000000-abcd']))).toMatchObject({ code: 'REPORT_NOT_FOUND', message: expect.stringMatching(/^no report with id/) });
    expect(typedError(await call(host, 'getReport', ['../../etc/passwd']))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^bad arguments for getReport/) });
    expect(typedError(await call(host, 'hostInfo', [], { authorization: 'Bearer nope' }))).toMatchObject({ code: 'UNAUTHORISED' });
    expect(typedError(await call(host, 'hostInfo', [], { origin: 'http://evil.example' }))).toMatchObject({ code: 'UNAUTHORISED' });
    const file = path.join(root, 'absent é.ldif');
    const check = JSON.parse((await call(host, 'testConnection', [{ connection: { kind: 'ldif', file } }])).body) as { error: ApiError };
    expect(check.error).toEqual({ code: 'LDIF_NOT_FOUND', message: `${file} does not exist: check the path`, params: { file } });
    const unreachable = JSON.parse((await call(host, 'testConnection', [{ connection: { kind: 'ldap', url: 'ldap://127.0.0.1:1', baseDn: 'dc=x' } }])).body) as { error: ApiError };
    expect(unreachable.error).toMatchObject({ code: 'LDAP_UNREACHABLE', params: { server: '127.0.0.1:1' } });
    const missing = path.join(root, 'absent.txt');
    expect(typedError(await call(host, 'startBreachImport', [{ path: missing }]))).toEqual({
      code: 'PATH_NOT_FOUND',
      message: `${missing}: no such file or folder — give the full path of the file or folder PwnedPasswordsDownloader wrote`,
      params: { file: missing },
    });
  });

  it('serves the page with a strict CSP, and nothing outside it', async () => {
    const { host } = await started();
    const page = await send(host, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.body).toContain('<title>Vigie</title>');
    const script = await send(host, 'GET', '/assets/app.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    for (const p of ['/../outside.txt', '/assets/../../outside.txt', '/%2e%2e/outside.txt', '/assets/', '/assets', '/..%2foutside.txt', '/nope.js']) {
      const answer = await send(host, 'GET', p);
      expect(answer.status, p).toBe(404);
      expect(answer.body).not.toContain('not for the page');
    }
    expect((await send(host, 'DELETE', '/')).status).toBe(405);
  });

  it('streams scan progress as Server-Sent Events to a holder of the token', async () => {
    const { host } = await started();
    expect((await send(host, 'GET', '/api/events')).status).toBe(401);
    const firstEvent = new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}` }, (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
          const match = /event: progress\ndata: (.+)\n\n/.exec(text);
          if (match) {
            resolve(match[1]!);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    // The stream is open before the scan starts.
    await new Promise((r) => setTimeout(r, 100));
    const started_ = await call(host, 'startScan', [{ connection: { kind: 'ldif', file: DEMO_LDIF }, depth: 'quick' }]);
    expect(started_.status).toBe(200);
    const { scanId } = JSON.parse(started_.body) as { scanId: string };
    const event = JSON.parse(await firstEvent) as { scanId: string; phase: string; done: number };
    // A page loaded now (a reload) finds the running scan: issue #13 §3.
    const running = await call(host, 'runningScan', []);
    expect(running.status).toBe(200);
    const runningScan = JSON.parse(running.body) as { scanId: string; progress: unknown[] } | null;
    if (runningScan !== null) expect(runningScan).toMatchObject({ scanId, sourceKind: 'ldif', depth: 'quick', source: DEMO_LDIF });
    expect(event).toMatchObject({ scanId, phase: expect.stringMatching(/^(read|classify|global|accounts)$/), done: expect.any(Number) });
    const outcome = await call(host, 'scanOutcome', [scanId]);
    expect(JSON.parse(outcome.body)).toMatchObject({ scanId, status: 'done' });
    const cancelled = await call(host, 'cancelScan', [scanId]);
    expect(cancelled.status).toBe(204);
    expect((await call(host, 'runningScan', [])).body).toBe('null');
  });

  it('serves a favicon: the browser asks for /favicon.ico on every page (issue #13 §8)', async () => {
    const { host, root } = await started();
    await writeFile(path.join(root, 'renderer', 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
    const icon = await send(host, 'GET', '/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/x-icon');
  });

  it('imports a breached-password download: status, start, progress on the event stream, outcome', async () => {
    const { host, root } = await started();
    expect(JSON.parse((await call(host, 'breachIndexStatus', [])).body)).toEqual({ present: false });
    const file = path.join(root, 'pwned-sha1.txt');
    await writeHibpFile(file, corpusRecords('sha1', [['Invented-Planted-1', 9]], 500));
    const importEvent = new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}` }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
          const match = /event: breach-import-progress\ndata: (.+)\n\n/.exec(text);
          if (match) {
            resolve(match[1]!);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    await new Promise((r) => setTimeout(r, 100));
    const begun = await call(host, 'startBreachImport', [{ path: file }]);
    expect(begun.status).toBe(200);
    const { importId } = JSON.parse(begun.body) as { importId: string };
    expect(JSON.parse(await importEvent)).toMatchObject({ importId, hashKind: 'sha1', total: expect.any(Number), lines: expect.any(Number) });
    const outcome = await call(host, 'breachImportOutcome', [importId]);
    expect(JSON.parse(outcome.body)).toMatchObject({ importId, status: 'done', entries: 501, index: { present: true, sha1Entries: 501 } });
    expect(JSON.parse((await call(host, 'breachIndexStatus', [])).body)).toMatchObject({ present: true, sha1Entries: 501 });
    expect((await call(host, 'cancelBreachImport', [importId])).status).toBe(204);
  });

  it('answers a bad import path with one line (422) and bad arguments with 400', async () => {
    const { host, root } = await started();
    const missing = path.join(root, 'absent.txt');
    const answer = await call(host, 'startBreachImport', [{ path: missing }]);
    expect(answer.status).toBe(422);
    expect(JSON.parse(answer.body)).toEqual({ error: `${missing}: no such file or folder — give the full path of the file or folder PwnedPasswordsDownloader wrote` });
    expect((await call(host, 'startBreachImport', [{ path: '' }])).status).toBe(400);
    expect((await call(host, 'breachImportOutcome', ['../etc'])).status).toBe(400);
  });
});
