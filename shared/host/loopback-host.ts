// The loopback host: VigieApi over HTTP for a browser, on 127.0.0.1 only, on a port the OS picks.
//
// Handshake: `startLoopbackHost` makes a random token for this run and returns the page's address with it,
// `http://127.0.0.1:PORT/?token=…`, which `vigie ui` prints and opens. The page reads the token from its own
// address, keeps it for the tab (sessionStorage: a reload keeps the session, another tab or a restarted browser
// does not) and takes it out of the address bar (history.replaceState). The host sets no cookie, so no other
// page can ride on the user's session. Every /api request carries the token as
// `Authorization: Bearer …`; only `GET /api/events` may carry it as `?token=`, because EventSource cannot
// send headers. The page's own files are public (the same bytes as the shipped build) and need no token.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BreachImportProgressEvent, ScanProgressEvent, VigieApi } from '../contract/api.ts';
import { codeOfStatus, ERROR_HEADER, encodeErrorHeader, type ApiError, type ErrorCode, type ErrorParams } from '../contract/errors.ts';
import { VigieError } from '../engine/errors.ts';
import { ApiArgumentError, invokeApi, isApiMethod, parseApiArguments, publicError } from '../app/api-call.ts';
import { RENDERER_CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
import { bearerToken, hostHeaderAllowed, originVerdict, tokenMatches } from './request-guard.ts';
import { contentTypeOf, resolveStaticFile } from './static-files.ts';
import { LDIF_UPLOAD_PATH, type LdifUpload } from '../contract/upload.ts';
import { receiveLdifUpload, UploadRefused } from './ldif-upload.ts';

export interface LoopbackHostOptions {
  services: VigieApi;
  /** The built renderer: dist/renderer/. */
  staticDir: string;
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  /**
   * Where an LDIF given by the page's file picker or a drop is kept (issue #13 §7: a page cannot learn a file's
   * path): `ldifUploadDir(dataDir)`. Absent: the host takes no upload and the page offers none.
   */
  uploadDir?: string;
}

export interface LoopbackHost {
  /** The page's address with this run's token: print it, open it, never log it elsewhere. */
  url: string;
  token: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  /** Ends the event streams and stops listening. The services are the caller's to close. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
/** How much of a body over the limit is read (and dropped) so the client gets the 413, not a reset. */
const DRAIN_LIMIT_BYTES = 16 * MAX_BODY_BYTES;
const HEARTBEAT_MS = 15_000;

const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** A request the host refuses before any service runs, or a service's error with the status it answers. */
class HttpError extends VigieError {
  override readonly name = 'HttpError';
  constructor(readonly status: number, message: string, code: ErrorCode = codeOfStatus(status), params?: ErrorParams) {
    super(message, undefined, { code, ...(params ? { params } : {}) });
  }
}

export async function startLoopbackHost(options: LoopbackHostOptions): Promise<LoopbackHost> {
  const token = randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) return sendError(res, e.status, e.toApiError());
      sendError(res, 500, publicError(e));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostHeaderAllowed(req.headers.host, port)) throw new HttpError(403, 'wrong Host header: open the address printed by vigie ui');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const origin = originVerdict(headerValue(req.headers.origin), port);
    if (origin === 'foreign' || req.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'requests from another site are refused');

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') throw new HttpError(405, 'GET only');
      const presented = bearerToken(req.headers.authorization) ?? url.searchParams.get('token');
      if (!tokenMatches(token, presented)) throw new HttpError(401, 'missing or wrong token: open the address printed by vigie ui');
      return openEventStream(res);
    }
    if (url.pathname === LDIF_UPLOAD_PATH) {
      if (req.method !== 'POST') throw new HttpError(405, 'uploads are POST');
      if (origin !== 'same-origin') throw new HttpError(403, 'uploads must come from the Vigie page');
      if (!tokenMatches(token, bearerToken(req.headers.authorization))) throw new HttpError(401, 'missing or wrong token: open the address printed by vigie ui');
      if (options.uploadDir === undefined) throw new HttpError(404, 'this host takes no upload: type the file\'s path');
      return uploadLdif(url, req, res, options.uploadDir);
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') throw new HttpError(405, 'API calls are POST');
      if (origin !== 'same-origin') throw new HttpError(403, 'API calls must come from the Vigie page');
      if (!tokenMatches(token, bearerToken(req.headers.authorization))) throw new HttpError(401, 'missing or wrong token: open the address printed by vigie ui');
      return callApi(url.pathname.slice('/api/'.length), req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'GET only');
    return serveStatic(url.pathname, req, res);
  }

  async function callApi(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isApiMethod(method)) throw new HttpError(404, `unknown method '${method.slice(0, 64)}'`);
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'send the arguments as application/json');
    const body = await readBody(req);
    let raw: unknown;
    try {
      raw = body === '' ? [] : JSON.parse(body);
    } catch {
      throw new HttpError(400, 'the body is not JSON: send the arguments as a JSON array');
    }
    let args: unknown[];
    try {
      args = parseApiArguments(method, raw);
    } catch (e) {
      throw new HttpError(400, e instanceof ApiArgumentError ? e.oneLine() : 'bad arguments');
    }
    let result: unknown;
    try {
      result = await invokeApi(options.services, method, args);
    } catch (e) {
      const error = publicError(e);
      throw new HttpError(e instanceof VigieError ? 422 : 500, error.message, error.code, error.params);
    }
    if (result === undefined) {
      res.writeHead(204).end();
      return;
    }
    const json = JSON.stringify(result);
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) }).end(json);
  }

  async function uploadLdif(url: URL, req: IncomingMessage, res: ServerResponse, dir: string): Promise<void> {
    let upload: LdifUpload;
    try {
      upload = await receiveLdifUpload(req, dir, url.searchParams.get('name'));
    } catch (e) {
      if (e instanceof UploadRefused) throw new HttpError(e.status, e.message);
      throw e;
    }
    const json = JSON.stringify(upload);
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) }).end(json);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write('retry: 2000\n\n');
    streams.add(res);
    const send = (event: ScanProgressEvent): void => {
      res.write(`event: progress\ndata: ${JSON.stringify(event)}\n\n`);
    };
    const unsubscribe = options.services.onProgress(send);
    const sendImport = (event: BreachImportProgressEvent): void => {
      res.write(`event: breach-import-progress\ndata: ${JSON.stringify(event)}\n\n`);
    };
    const unsubscribeImport = options.services.onBreachImportProgress(sendImport);
    // Comments keep proxies and idle timers from closing a quiet stream.
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      unsubscribeImport();
      streams.delete(res);
    });
  }

  async function serveStatic(pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const file = await resolveStaticFile(options.staticDir, pathname);
    if (!file) throw new HttpError(404, 'not found');
    res.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Content-Security-Policy': RENDERER_CONTENT_SECURITY_POLICY,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(new VigieError(`cannot listen on 127.0.0.1:${options.port ?? 0} (${e.code ?? 'error'})`, 'choose another port with --port, or leave it out'));
    });
    // 127.0.0.1 only: never 0.0.0.0 or ::, so nothing on the network can reach the host.
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, resolve);
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    token,
    origin,
    port,
    close: () => new Promise<void>((resolve) => {
      for (const stream of streams) stream.end();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The body keeps its one line (`{ error }`, as curl and scripts read it); the code and the names go beside it. */
function sendError(res: ServerResponse, status: number, error: ApiError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const json = JSON.stringify({ error: error.message.split('\n')[0] });
  // A refused body may still be on its way: no keep-alive after it.
  if (status === 413) res.setHeader('Connection', 'close');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    [ERROR_HEADER]: encodeErrorHeader(error),
  }).end(json);
}

/**
 * The request's body, up to MAX_BODY_BYTES. A larger one is refused with 413 once the client has sent it (read and
 * dropped, up to DRAIN_LIMIT_BYTES): answering while it still sends would reset the connection, and the client
 * would see the reset, not the answer. Beyond that, or when the announced length is already too much, the 413
 * goes out at once and the connection is closed behind it.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const announced = Number(req.headers['content-length']);
    if (Number.isFinite(announced) && announced > DRAIN_LIMIT_BYTES) {
      reject(new HttpError(413, tooLarge()));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) {
        req.removeAllListeners('data').removeAllListeners('end');
        req.pause();
        reject(new HttpError(413, tooLarge()));
        return;
      }
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new HttpError(413, tooLarge()));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', () => reject(new HttpError(400, 'the request was cut short')));
  });
}

function tooLarge(): string {
  return `request too large: the limit is ${MAX_BODY_BYTES / (1024 * 1024)} MB`;
}
