// What can be checked without the Electron binary: the pure pieces that keep the window locked down.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IpcMain } from 'electron';
import { API_METHODS, type VigieApi } from '../shared/contract/api.ts';
import { decodeIpcError } from '../shared/contract/errors.ts';
import { VigieError } from '../shared/engine/errors.ts';
import { RENDERER_CONTENT_SECURITY_POLICY } from '../shared/host/content-security-policy.ts';
import { appFilePath } from './app-protocol.ts';
import { channelOf, ipcErrorOf, isTrustedSender, parseIpcArguments, registerIpcHandlers, UntrustedSenderError } from './ipc.ts';
import { buildPreloadApi, PRELOAD_METHODS, type PreloadIpc } from './preload-api.ts';
import { printUrl } from './summary-pdf.ts';
import { APP_HOST, APP_SCHEME, mainWindowOptions, WEB_PREFERENCES } from './window-options.ts';

describe('the main window', () => {
  it('is isolated, sandboxed, without Node, with web security on', () => {
    const options = mainWindowOptions('/opt/vigie/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false,
      preload: '/opt/vigie/preload.cjs',
    });
    expect(WEB_PREFERENCES).not.toHaveProperty('enableRemoteModule');
  });

  it('shows Vigie’s own icon (issue #13 §8), from the renderer folder', () => {
    expect(mainWindowOptions('/opt/vigie/preload.cjs', '/opt/vigie/renderer/icon-256.png').icon).toBe('/opt/vigie/renderer/icon-256.png');
    expect(mainWindowOptions('/opt/vigie/preload.cjs')).not.toHaveProperty('icon');
  });
});

describe('the content security policy', () => {
  it('allows only the page itself and forbids plugins, framing, <base> and form posts', () => {
    const directives = Object.fromEntries(RENDERER_CONTENT_SECURITY_POLICY.split('; ').map((d) => {
      const [name, ...values] = d.split(' ');
      return [name, values.join(' ')];
    }));
    expect(directives).toMatchObject({
      'default-src': "'self'", 'script-src': "'self'", 'connect-src': "'self'", 'object-src': "'none'",
      'base-uri': "'none'", 'frame-ancestors': "'none'", 'form-action': "'none'",
    });
    expect(RENDERER_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });
});

describe('app://vigie/ paths', () => {
  const dir = path.resolve('/opt/vigie/renderer');
  it('maps the page and its assets inside dist/renderer', () => {
    expect(appFilePath(dir, 'app://vigie/index.html')).toBe(path.join(dir, 'index.html'));
    expect(appFilePath(dir, 'app://vigie/')).toBe(path.join(dir, 'index.html'));
    expect(appFilePath(dir, 'app://vigie/assets/index-1a2b.js?v=1')).toBe(path.join(dir, 'assets', 'index-1a2b.js'));
  });
  it('refuses .., encoded .., other hosts and schemes', () => {
    for (const url of [
      'app://vigie/../main.mjs', 'app://vigie/assets/../../electron/main.mjs', 'app://vigie/%2e%2e/main.mjs',
      'app://vigie/..%2fmain.mjs', 'app://vigie/assets%5c..%5c..%5cx', 'app://other/index.html', 'file:///etc/passwd',
      'https://vigie/index.html', 'app://vigie/.env', 'not a url',
    ]) expect(appFilePath(dir, url), url).toBeNull();
  });
});

describe('IPC', () => {
  it('trusts only frames showing app://vigie/', () => {
    expect(isTrustedSender('app://vigie/index.html')).toBe(true);
    expect(isTrustedSender('app://vigie/index.html?print=x#summary')).toBe(true);
    for (const url of ['app://vigie.evil/index.html', 'app://evil/index.html', 'https://vigie/', 'file:///opt/vigie/renderer/index.html', 'http://127.0.0.1:4312/', 'about:blank', '', null, undefined]) {
      expect(isTrustedSender(url), String(url)).toBe(false);
    }
  });

  it('validates arguments with the contract before any service runs', () => {
    expect(parseIpcArguments('scanOutcome', ['0b9f-scan'])).toEqual(['0b9f-scan']);
    expect(parseIpcArguments('startScan', [{ connection: { kind: 'ldif', file: '/tmp/a.ldif' } }])).toEqual([
      { connection: { kind: 'ldif', file: '/tmp/a.ldif' }, depth: 'standard' },
    ]);
    expect(() => parseIpcArguments('getReport', ['../../secrets'])).toThrow(/^bad arguments for getReport at 0/);
    expect(() => parseIpcArguments('hostInfo', ['extra'])).toThrow(/bad arguments for hostInfo/);
    expect(() => parseIpcArguments('startScan', [{}])).toThrow(/a profileId or a connection/);
    expect(() => parseIpcArguments('saveSettings', [{ language: 'fr', defaultDepth: 'standard', evil: 1 }])).not.toThrow();
    expect(parseIpcArguments('saveSettings', [{ language: 'fr', defaultDepth: 'standard', evil: 1 }])).toEqual([{ language: 'fr', defaultDepth: 'standard' }]);
  });

  it('validates the migration plan call (issue #13 §6) like the others: the cn=config password is required, nothing else passes', () => {
    const plan = { reportId: '2026-12-06-abc', folder: '/home/dsi/plan', configBindDn: 'cn=config', configPassword: 'pw' };
    expect(parseIpcArguments('buildMigrationPlan', [{ ...plan, evil: 1 }])).toEqual([plan]);
    expect(() => parseIpcArguments('buildMigrationPlan', [{ ...plan, configPassword: undefined }])).toThrow(/^bad arguments for buildMigrationPlan at 0\.configPassword/);
    expect(() => parseIpcArguments('buildMigrationPlan', [{ ...plan, reportId: '../../x' }])).toThrow(/at 0\.reportId/);
    expect(() => parseIpcArguments('buildMigrationPlan', [{ ...plan, target: 'openldap-9' }])).toThrow(/at 0\.target/);
  });
});

describe('the preload', () => {
  it('exposes exactly the API methods, each an invoke on its own channel, and progress without the IPC event', async () => {
    expect([...PRELOAD_METHODS].sort()).toEqual([...API_METHODS].sort());
    const invoked: unknown[][] = [];
    const listeners = new Map<string, (...a: unknown[]) => void>();
    const ipc = {
      invoke: async (...a: unknown[]) => { invoked.push(a); return 'answer'; },
      on: (channel: string, l: (...a: unknown[]) => void) => { listeners.set(channel, l); return ipc; },
      removeListener: (channel: string) => { listeners.delete(channel); return ipc; },
    } as unknown as PreloadIpc;
    const api = buildPreloadApi(ipc);
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'onProgress', 'onBreachImportProgress'].sort());
    expect(await api.getReport('r1')).toBe('answer');
    expect(invoked).toEqual([[channelOf('getReport'), 'r1']]);
    const seen: unknown[] = [];
    const stop = api.onProgress((e) => seen.push(e));
    listeners.get('vigie:progress')!({ sender: 'ipc event' }, { scanId: 's', phase: 'read', done: 3 });
    expect(seen).toEqual([{ scanId: 's', phase: 'read', done: 3 }]);
    stop();
    expect(listeners.size).toBe(0);
    const imports: unknown[] = [];
    const stopImports = api.onBreachImportProgress((e) => imports.push(e));
    listeners.get('vigie:breach-import-progress')!({ sender: 'ipc event' }, { importId: 'i', hashKind: 'sha1', done: 1, total: 2, lines: 5 });
    expect(imports).toEqual([{ importId: 'i', hashKind: 'sha1', done: 1, total: 2, lines: 5 }]);
    stopImports();
    expect(listeners.size).toBe(0);
  });
});

describe('the PDF print page', () => {
  it('is the app page in print mode for one report', () => {
    expect(printUrl('20250301T100100-ab12', 'en')).toBe('app://vigie/index.html?print=20250301T100100-ab12&lang=en');
  });
});

describe('errors over IPC (issue #14 §3)', () => {
  type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) } as unknown as IpcMain;
  const services = {
    getReport: async (id: string) => {
      throw new VigieError(`no report with id ${id} in the history`, 'pick one from the history', { code: 'REPORT_NOT_FOUND' });
    },
    hostInfo: async () => {
      throw new Error('boom\n    at stack');
    },
  } as unknown as VigieApi;
  registerIpcHandlers(ipcMain, services);
  const page = { senderFrame: { url: `${APP_SCHEME}://${APP_HOST}/index.html`, parent: null } };
  const thrown = async (channel: string, event: unknown, ...args: unknown[]) => {
    try {
      await handlers.get(channel)!(event, ...args);
    } catch (e) {
      // What the page sees: Electron's prefix, then the message.
      return decodeIpcError(`Error invoking remote method '${channel}': Error: ${(e as Error).message}`);
    }
    throw new Error('no error');
  };

  it('carries the error as {code, message, params} in the one field Electron passes on', async () => {
    expect(await thrown('vigie:getReport', page, 'r1')).toEqual({ code: 'REPORT_NOT_FOUND', message: 'no report with id r1 in the history — pick one from the history', params: {} });
    expect(await thrown('vigie:getReport', page, '../x')).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^bad arguments for getReport/) });
    expect(await thrown('vigie:hostInfo', page)).toEqual({ code: 'UNEXPECTED', message: 'unexpected error: boom', params: {} });
  });

  it('a call from another page is refused as UNAUTHORISED, a VigieError like the others', async () => {
    expect(new UntrustedSenderError()).toBeInstanceOf(VigieError);
    expect(await thrown('vigie:getReport', { senderFrame: { url: 'https://evil.example/', parent: null } }, 'r1')).toMatchObject({ code: 'UNAUTHORISED' });
    expect(await thrown('vigie:getReport', { senderFrame: { url: page.senderFrame.url, parent: {} } }, 'r1')).toMatchObject({ code: 'UNAUTHORISED' });
    expect(ipcErrorOf(new UntrustedSenderError()).message).toMatch(/^vigie-error:/);
  });
});
