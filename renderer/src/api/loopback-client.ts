// The VigieApi over the loopback host: `POST /api/<method>` with the arguments as a JSON array and the launch
// token as a bearer; progress as Server-Sent Events from `GET /api/events`.
import type { BreachImportProgressEvent, ProgressMethod, ScanProgressEvent, VigieApi } from '../../../shared/contract/index.ts';
import { HostError, readHostError } from './host-error.ts';

export interface LoopbackOptions {
  /** The host's origin, e.g. http://127.0.0.1:4312 (the page's own origin in practice). */
  origin: string;
  token: string | null;
  fetch?: typeof fetch;
}

type Method = Exclude<keyof VigieApi, ProgressMethod>;

export function loopbackApi(options: LoopbackOptions): VigieApi {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token !== null) headers.authorization = `Bearer ${options.token}`;

  async function call<M extends Method>(method: M, ...args: Parameters<VigieApi[M]>): Promise<Awaited<ReturnType<VigieApi[M]>>> {
    let response: Response;
    try {
      response = await doFetch(`${options.origin}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(args) });
    } catch {
      throw new HostError({ code: 'HOST_UNREACHABLE', message: 'host unreachable', params: {} });
    }
    if (!response.ok) throw await readHostError(response);
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as Awaited<ReturnType<VigieApi[M]>>;
  }

  return {
    hostInfo: () => call('hostInfo'),
    testConnection: (request) => call('testConnection', request),
    startScan: (request) => call('startScan', request),
    cancelScan: (scanId) => call('cancelScan', scanId),
    scanOutcome: (scanId) => call('scanOutcome', scanId),
    runningScan: () => call('runningScan'),
    listHistory: () => call('listHistory'),
    getReport: (reportId) => call('getReport', reportId),
    exportReport: (request) => call('exportReport', request),
    buildMigrationPlan: (request) => call('buildMigrationPlan', request),
    listProfiles: () => call('listProfiles'),
    saveProfile: (profile) => call('saveProfile', profile),
    deleteProfile: (profileId) => call('deleteProfile', profileId),
    getSettings: () => call('getSettings'),
    saveSettings: (settings) => call('saveSettings', settings),
    breachIndexStatus: () => call('breachIndexStatus'),
    startBreachImport: (request) => call('startBreachImport', request),
    cancelBreachImport: (importId) => call('cancelBreachImport', importId),
    breachImportOutcome: (importId) => call('breachImportOutcome', importId),
    onProgress: (listener) => subscribeToProgress(options, listener),
    onBreachImportProgress: (listener) => subscribeToImportProgress(options, listener),
  };
}

/** EventSource cannot send headers, so the token goes in the query, as the host accepts. */
function eventSource(options: LoopbackOptions): EventSource {
  const url = new URL(`${options.origin}/api/events`);
  if (options.token !== null) url.searchParams.set('token', options.token);
  return new EventSource(url.toString());
}

function subscribeToProgress(options: LoopbackOptions, listener: (event: ScanProgressEvent) => void): () => void {
  const source = eventSource(options);
  const deliver = (message: MessageEvent<string>): void => {
    const event = parseProgress(message.data);
    if (event !== null) listener(event);
  };
  // The host may name its events "progress" or send them unnamed: listen to both.
  source.addEventListener('progress', deliver);
  source.addEventListener('message', deliver);
  return () => source.close();
}

export function parseProgress(data: string): ScanProgressEvent | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const event = value as Partial<ScanProgressEvent>;
    if (typeof event.scanId !== 'string' || typeof event.phase !== 'string' || typeof event.done !== 'number') return null;
    return event as ScanProgressEvent;
  } catch {
    return null;
  }
}

/** Import events are named, so the scan's unnamed-event listener never sees them. */
function subscribeToImportProgress(options: LoopbackOptions, listener: (event: BreachImportProgressEvent) => void): () => void {
  const source = eventSource(options);
  source.addEventListener('breach-import-progress', (message: MessageEvent<string>) => {
    const event = parseImportProgress(message.data);
    if (event !== null) listener(event);
  });
  return () => source.close();
}

export function parseImportProgress(data: string): BreachImportProgressEvent | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const event = value as Partial<BreachImportProgressEvent>;
    if (typeof event.importId !== 'string' || typeof event.done !== 'number' || typeof event.total !== 'number' || typeof event.lines !== 'number') return null;
    return event as BreachImportProgressEvent;
  } catch {
    return null;
  }
}
