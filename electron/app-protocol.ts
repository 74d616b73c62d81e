// app://vigie/ serves the built renderer (dist/renderer/) instead of file://, so the page is its own origin
// and the CSP's 'self' means only Vigie's files.
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { RENDERER_CONTENT_SECURITY_POLICY } from '../shared/host/content-security-policy.ts';
import { contentTypeOf, resolveStaticFile, staticPathFor } from '../shared/host/static-files.ts';
import { APP_HOST, APP_SCHEME } from './window-options.ts';

/** To pass to protocol.registerSchemesAsPrivileged before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
};

/** The file an app:// URL names inside the renderer folder, or null (another host, `..`, a dotfile…). Pure. */
export function appFilePath(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  // The raw path, before URL normalisation, must not try to climb either.
  const rawPath = requestUrl.slice(`${APP_SCHEME}://${APP_HOST}`.length).split(/[?#]/)[0] ?? '';
  if (rawPath.split('/').some((s) => s === '..' || /^%2e%2e$/i.test(s))) return null;
  return staticPathFor(rendererDir, url.pathname);
}

export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    const candidate = appFilePath(rendererDir, request.url);
    const file = candidate ? await resolveStaticFile(rendererDir, new URL(request.url).pathname) : null;
    if (!file) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    return new Response(await readFile(file), {
      status: 200,
      headers: {
        'content-type': contentTypeOf(file),
        'content-security-policy': RENDERER_CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
