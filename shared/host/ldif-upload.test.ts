// The loopback host's LDIF upload (issue #13 §7): the page's file picker or drop sends the file's bytes; the host
// keeps them in the data folder's uploads/ (0700), as a file only its owner reads (0600), under a name it makes.
// Refused without the token or from another origin, over the size limit, or empty — and then no file is left.
import { request as httpRequest } from 'node:http';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { NoSecretStore } from '../app/secret-store.ts';
import { DEMO_LDIF, useTempDataDirs } from '../app/test-data-dir.ts';
import { createVigieServices, type VigieServices } from '../app/vigie-services.ts';
import { LDIF_UPLOAD_PATH, type LdifUpload } from '../contract/upload.ts';
import { ldifUploadDir, receiveLdifUpload, safeUploadName, UploadRefused } from './ldif-upload.ts';
import { startLoopbackHost, type LoopbackHost } from './loopback-host.ts';

const tempDir = useTempDataDirs();
const open: { host: LoopbackHost; services: VigieServices }[] = [];

afterEach(async () => {
  for (const { host, services } of open.splice(0)) {
    await services.close();
    await host.close();
  }
});

async function started(withUploads = true) {
  const root = await tempDir();
  const staticDir = path.join(root, 'renderer');
  await mkdir(staticDir, { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Vigie</title>');
  const dataDir = path.join(root, 'data');
  const services = createVigieServices({ dataDir, secrets: new NoSecretStore(), hostKind: 'loopback' });
  const host = await startLoopbackHost({ services, staticDir, ...(withUploads ? { uploadDir: ldifUploadDir(dataDir) } : {}) });
  open.push({ host, services });
  return { host, services, dataDir };
}

function post(host: LoopbackHost, urlPath: string, body: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1', port: host.port, method: 'POST', path: urlPath,
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(body.length), origin: host.origin, ...headers },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const withToken = (host: LoopbackHost) => ({ authorization: `Bearer ${host.token}` });

describe('the LDIF upload', () => {
  it('keeps the file in the data folder, 0600 in a 0700 folder, under a name the host makes; a scan reads it', async () => {
    const { host, services, dataDir } = await started();
    const bytes = await readFile(DEMO_LDIF);
    const answer = await post(host, `${LDIF_UPLOAD_PATH}?name=${encodeURIComponent('../../Annuaire Collège.ldif')}`, bytes, withToken(host));
    expect(answer.status).toBe(200);
    const upload = JSON.parse(answer.body) as LdifUpload;
    expect(path.dirname(upload.file)).toBe(ldifUploadDir(dataDir));
    expect(path.basename(upload.file)).toMatch(/^\d{8}T\d{6}-[0-9a-f]{8}-Annuaire-College\.ldif$/);
    expect(upload.bytes).toBe(bytes.length);
    expect((await readFile(upload.file)).equals(bytes)).toBe(true);
    expect((await stat(upload.file)).mode & 0o777).toBe(0o600);
    expect((await stat(ldifUploadDir(dataDir))).mode & 0o777).toBe(0o700);
    const check = await services.testConnection({ connection: { kind: 'ldif', file: upload.file } });
    expect(check.ok).toBe(true);
    expect(check.file?.entries).toBeGreaterThan(10);
  });

  it('refuses without the token, from another site, or on a host started without an upload folder', async () => {
    const { host, dataDir } = await started();
    const bytes = Buffer.from('dn: uid=a,dc=test\nuid: a\n');
    expect((await post(host, LDIF_UPLOAD_PATH, bytes)).status).toBe(401);
    expect((await post(host, LDIF_UPLOAD_PATH, bytes, { ...withToken(host), origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(host, LDIF_UPLOAD_PATH, bytes, { ...withToken(host), 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    await expect(readdir(ldifUploadDir(dataDir))).rejects.toThrow(/ENOENT/);
    const bare = await started(false);
    expect((await post(bare.host, LDIF_UPLOAD_PATH, bytes, withToken(bare.host))).status).toBe(404);
  });

  it('refuses an empty file and leaves nothing behind', async () => {
    const { host, dataDir } = await started();
    const answer = await post(host, `${LDIF_UPLOAD_PATH}?name=vide.ldif`, Buffer.alloc(0), withToken(host));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/empty/);
    expect(await readdir(ldifUploadDir(dataDir))).toEqual([]);
  });

  it('stops at the size limit, announced or sent, and removes the part written', async () => {
    const dir = path.join(await tempDir(), 'uploads');
    const body = (chunks: Buffer[], length?: number): IncomingMessage => Object.assign(Readable.from(chunks), {
      headers: length === undefined ? {} : { 'content-length': String(length) }, complete: true,
    }) as unknown as IncomingMessage;
    await expect(receiveLdifUpload(body([Buffer.alloc(10)], 2048), dir, 'gros.ldif', 1024)).rejects.toMatchObject({ status: 413 });
    const sent = receiveLdifUpload(body([Buffer.alloc(600), Buffer.alloc(600)]), dir, 'gros.ldif', 1024);
    await expect(sent).rejects.toBeInstanceOf(UploadRefused);
    await expect(sent).rejects.toMatchObject({ status: 413 });
    expect(await readdir(dir)).toEqual([]);
    const ok = await receiveLdifUpload(body([Buffer.from('dn: uid=a,dc=test\n')]), dir, null, 1024);
    expect(path.basename(ok.file)).toMatch(/-annuaire\.ldif$/);
  });

  it('makes a safe name of any file name', () => {
    expect(safeUploadName('C:\\Users\\dsi\\Export élèves 2026.ldif')).toBe('Export-eleves-2026.ldif');
    expect(safeUploadName('../../.ssh/authorized_keys')).toBe('authorized_keys');
    expect(safeUploadName('..')).toBe('annuaire.ldif');
    expect(safeUploadName('')).toBe('annuaire.ldif');
  });
});
