// Issue #15 §5 and §6: the loopback host refuses a body over its limit with 413 and one line naming the limit —
// not a reset connection the page cannot tell from a crash — and goes on serving. Real sockets, the real host.
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoSecretStore } from '../../shared/app/secret-store.ts';
import { useTempDataDirs } from '../../shared/app/test-data-dir.ts';
import { createVigieServices, type VigieServices } from '../../shared/app/vigie-services.ts';
import { startLoopbackHost, type LoopbackHost } from '../../shared/host/loopback-host.ts';

const tempDir = useTempDataDirs();
let host: LoopbackHost;
let services: VigieServices;
let root: string;

beforeAll(async () => {
  root = await tempDir();
  const staticDir = path.join(root, 'renderer');
  await mkdir(staticDir, { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Vigie</title>');
  services = createVigieServices({ dataDir: path.join(root, 'data'), secrets: new NoSecretStore(), hostKind: 'loopback' });
  host = await startLoopbackHost({ services, staticDir });
});

afterAll(async () => {
  await services?.close();
  await host?.close();
});

/** POSTs `size` bytes to an API method as the page would; resolves with the answer, rejects on a reset. */
function post(size: number, { announce = true } = {}): Promise<{ status: number; body: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/getSettings',
      headers: {
        origin: host.origin, authorization: `Bearer ${host.token}`, 'content-type': 'application/json',
        ...(announce ? { 'content-length': String(size) } : {}),
      },
    }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
    });
    req.on('error', reject);
    // A JSON array padded with spaces: well-formed, just large.
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let left = size - 2;
    req.write('[');
    const pump = (): void => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!req.write(chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end(']');
    };
    pump();
  });
}

describe('the loopback host and a body over its limit', () => {
  it.each([
    ['just over 1 MB, length announced', 1024 * 1024 + 1, true],
    ['3 MB, length announced', 3 * 1024 * 1024, true],
    ['3 MB, sent in chunks with no length', 3 * 1024 * 1024, false],
  ])('%s: 413 with one line naming the limit, then the host still answers', async (_, size, announce) => {
    const r = await post(size, { announce });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toEqual({ error: 'request too large: the limit is 1 MB' });
    expect(r.connection).toBe('close');
    const ok = await post(1024);
    expect(ok.status).toBe(200);
  });

  it('a body at the limit is taken', async () => {
    const r = await post(1024 * 1024);
    expect(r.status).toBe(200);
  });
});
