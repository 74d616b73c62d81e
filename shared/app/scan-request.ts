// The one scan request builder (issue #13 §1): `vigie scan`'s options and the app's ScanStart (Electron and the
// loopback host, through ScanService) both become the engine's ScanRequest here, with the same posture checks and
// the same defaults. A scan started from the app can then never grade a directory better than the CLI does.
import path from 'node:path';
import type { Connection } from '../contract/api.ts';
import type { Depth, Flavour } from '../contract/codes.ts';
import type { BirthDateOptions } from '../engine/directory/model.ts';
import { VigieError } from '../engine/errors.ts';
import type { Credentials, PostureOptions } from '../engine/posture/directory-posture.ts';
import type { ScanRequest, ScanSource } from '../engine/scan.ts';

/** The depth of a scan that names none, in the CLI and in the app. */
export const DEFAULT_DEPTH: Depth = 'standard';

/** What a caller says about a scan; everything it leaves out takes the same default everywhere. */
export interface ScanInput {
  source: ScanSource;
  /** Default `standard`. */
  depth?: Depth | undefined;
  /** Detected from the entries when absent. */
  flavour?: Flavour | undefined;
  birthDate?: BirthDateOptions | undefined;
  /** Words about the school the directory does not hold; trimmed, blanks dropped. */
  school?: readonly string[] | undefined;
  /**
   * The posture checks' further accounts, a live directory only: an ordinary account (can users read other
   * accounts' hashes?) and a cn=config reader. Without them the anonymous read probe and the password policy are
   * still checked on every live directory.
   */
  probe?: Credentials | undefined;
  config?: Credentials | undefined;
  /** Vigie's app-data folder: the breach index is its `breached/` folder unless `breachIndexDir` says otherwise. */
  dataDir: string;
  /** Another breach index folder (`vigie scan --breach-index`). */
  breachIndexDir?: string | undefined;
  workers?: number | undefined;
  /** The audit worker's bundle in packaged builds. */
  workerUrl?: URL | undefined;
}

/** Where the breached-password index lives in an app-data folder. */
export function breachIndexDirIn(dataDir: string): string {
  return path.join(dataDir, 'breached');
}

export function buildScanRequest(input: ScanInput): ScanRequest {
  const request: ScanRequest = { source: input.source, depth: input.depth ?? DEFAULT_DEPTH };
  if (input.flavour) request.flavour = input.flavour;
  if (input.birthDate) request.birthDate = input.birthDate;
  const school = (input.school ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
  if (school.length > 0) request.school = school;
  if (input.source.kind === 'ldap') {
    // Every live directory gets the posture checks: who can read the hashes, which password policy applies.
    const posture: PostureOptions = {};
    if (input.probe) posture.probe = input.probe;
    if (input.config) posture.config = input.config;
    request.posture = posture;
  } else if (input.probe || input.config) {
    throw new VigieError('the posture checks need a live directory, not an LDIF export', 'give the directory URL instead of the file', { code: 'BAD_OPTION' });
  }
  request.breachIndexDir = input.breachIndexDir ?? breachIndexDirIn(input.dataDir);
  if (input.workers !== undefined) request.workers = input.workers;
  if (input.workerUrl) request.workerUrl = input.workerUrl;
  return request;
}

/** The app's connection (a saved profile's or one given once) as the engine's source. */
export function sourceOfConnection(connection: Connection, password: string | undefined): ScanSource {
  if (connection.kind === 'ldif') return { kind: 'ldif', file: connection.file };
  const source: ScanSource = { kind: 'ldap', url: connection.url, baseDn: connection.baseDn };
  if (connection.bindDn) {
    if (password === undefined) {
      throw new VigieError(`the bind password of ${connection.bindDn} is needed`, 'type it in the scan form', { code: 'PASSWORD_NEEDED', params: { who: connection.bindDn } });
    }
    source.bindDn = connection.bindDn;
    source.password = password;
  }
  if (connection.startTls) source.startTls = true;
  if (connection.caFile) source.caFile = connection.caFile;
  return source;
}
