// The services behind VigieApi, in plain Node: the Electron main process and the loopback host both build
// them here and only differ in their SecretStore, their PDF renderer and how the API reaches the page.
import type { VigieApi } from '../contract/api.ts';
import { VIGIE_VERSION } from '../engine/version.ts';
import { BreachImportService } from './breach-import-service.ts';
import { checkConnection } from './connection-check.ts';
import { demoProfiles } from './demo-school.ts';
import { ExportService, type PdfRenderer } from './export-service.ts';
import { HistoryStore } from './history-store.ts';
import { MigrationPlanService } from './migration-plan-service.ts';
import { ProfileStore } from './profile-store.ts';
import { breachIndexDirIn } from './scan-request.ts';
import { ScanService, type ScanRunner } from './scan-service.ts';
import type { SecretStore } from './secret-store.ts';
import { SettingsStore } from './settings-store.ts';

export interface VigieServicesOptions {
  /** Usually `defaultDataDir()`; tests pass a temp dir. */
  dataDir: string;
  secrets: SecretStore;
  hostKind: 'electron' | 'loopback';
  /** The audit worker's bundle in packaged builds; the TypeScript entry otherwise. */
  workerUrl?: URL;
  /** Electron's summary-page printer; absent in the loopback host, where the page prints itself. */
  renderPdf?: PdfRenderer;
  /** The engine's runScan, unless a test or host needs another. */
  runScan?: ScanRunner;
  /** The demo school offered as a built-in profile; `null` offers none. Default: the one shipped in demo/. */
  demoFile?: string | null;
}

export interface VigieServices extends VigieApi {
  /** Cancels running scans; call when the host shuts down. */
  close(): Promise<void>;
}

export function createVigieServices(options: VigieServicesOptions): VigieServices {
  const history = new HistoryStore(options.dataDir);
  const profiles = new ProfileStore(options.dataDir, options.secrets, options.demoFile === null ? [] : demoProfiles(options.demoFile));
  const settings = new SettingsStore(options.dataDir);
  const exports = new ExportService(history, options.dataDir, options.renderPdf);
  const plans = new MigrationPlanService(history, profiles);
  const breachImports = new BreachImportService({ indexDir: breachIndexDirIn(options.dataDir) });
  // Scans are built by the same request builder as `vigie scan` (scan-request.ts), from the same data folder.
  const scans = new ScanService({
    profiles,
    history,
    dataDir: options.dataDir,
    ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
    ...(options.runScan ? { run: options.runScan } : {}),
  });

  return {
    hostInfo: async () => ({ version: VIGIE_VERSION, host: options.hostKind, canSavePasswords: options.secrets.available() }),
    testConnection: (request) => checkConnection(request.connection, request.password),
    startScan: (request) => scans.start(request),
    cancelScan: (scanId) => scans.cancel(scanId),
    scanOutcome: (scanId) => scans.outcome(scanId),
    runningScan: async () => scans.runningScan(),
    onProgress: (listener) => scans.onProgress(listener),
    listHistory: () => history.list(),
    getReport: (reportId) => history.get(reportId),
    exportReport: (request) => exports.export(request),
    buildMigrationPlan: (request) => plans.build(request),
    listProfiles: () => profiles.list(),
    saveProfile: (profile) => profiles.save(profile),
    deleteProfile: (profileId) => profiles.delete(profileId),
    getSettings: () => settings.get(),
    saveSettings: (value) => settings.save(value),
    breachIndexStatus: () => breachImports.status(),
    startBreachImport: (request) => breachImports.start(request),
    cancelBreachImport: (importId) => breachImports.cancel(importId),
    breachImportOutcome: (importId) => breachImports.outcome(importId),
    onBreachImportProgress: (listener) => breachImports.onProgress(listener),
    close: async () => {
      await Promise.all([scans.close(), breachImports.close(), plans.close()]);
    },
  };
}
