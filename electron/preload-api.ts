// The page's `window.vigie`: one IPC call per API method, and progress events without the IPC event object.
// Built from a narrow IPC interface so a test can check it without Electron.
import type { IpcRenderer } from 'electron';
import type { ApiMethod, BreachImportProgressEvent, ScanProgressEvent, VigieApi } from '../shared/contract/api.ts';

export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

// Kept here rather than imported from the contract so the preload bundle does not carry zod; a test checks it
// equals API_METHODS, and `satisfies VigieApi` below checks every method has its call.
export const PRELOAD_METHODS = [
  'hostInfo', 'testConnection', 'startScan', 'cancelScan', 'scanOutcome', 'runningScan', 'listHistory', 'getReport',
  'exportReport', 'buildMigrationPlan', 'listProfiles', 'saveProfile', 'deleteProfile', 'getSettings', 'saveSettings',
  'breachIndexStatus', 'startBreachImport', 'cancelBreachImport', 'breachImportOutcome',
] as const satisfies readonly ApiMethod[];

const PROGRESS_CHANNEL = 'vigie:progress';
const BREACH_IMPORT_PROGRESS_CHANNEL = 'vigie:breach-import-progress';

function subscribe<E>(ipc: PreloadIpc, channel: string, listener: (event: E) => void): () => void {
  const forward = (_event: unknown, progress: E): void => listener(progress);
  ipc.on(channel, forward);
  return () => {
    ipc.removeListener(channel, forward);
  };
}

export function buildPreloadApi(ipc: PreloadIpc): VigieApi {
  const call = <M extends (typeof PRELOAD_METHODS)[number]>(method: M) =>
    ((...args: unknown[]) => ipc.invoke(`vigie:${method}`, ...args)) as VigieApi[M];
  const api = {
    hostInfo: call('hostInfo'),
    testConnection: call('testConnection'),
    startScan: call('startScan'),
    cancelScan: call('cancelScan'),
    scanOutcome: call('scanOutcome'),
    runningScan: call('runningScan'),
    listHistory: call('listHistory'),
    getReport: call('getReport'),
    exportReport: call('exportReport'),
    buildMigrationPlan: call('buildMigrationPlan'),
    listProfiles: call('listProfiles'),
    saveProfile: call('saveProfile'),
    deleteProfile: call('deleteProfile'),
    getSettings: call('getSettings'),
    saveSettings: call('saveSettings'),
    breachIndexStatus: call('breachIndexStatus'),
    startBreachImport: call('startBreachImport'),
    cancelBreachImport: call('cancelBreachImport'),
    breachImportOutcome: call('breachImportOutcome'),
    onProgress: (listener: (event: ScanProgressEvent) => void) => subscribe(ipc, PROGRESS_CHANNEL, listener),
    onBreachImportProgress: (listener: (event: BreachImportProgressEvent) => void) => subscribe(ipc, BREACH_IMPORT_PROGRESS_CHANNEL, listener),
  } satisfies VigieApi;
  return api;
}
