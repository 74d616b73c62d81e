// What went wrong, in the user's language (issue #13 §7). The host answers a failure with the engine's one line,
// in English (the CLI's words); the page recognises which failure it is and says it in French or English, with
// the names it holds (server, file, line, account) and never a value. The English line stays available as the
// technical detail. A line the page does not recognise is « an unexpected error » with that detail.
import type { ErrorAdvice } from './error-advice.ts';

export const ERROR_KINDS = [
  // The directory
  'invalidCredentials', 'noSuchBase', 'sizeLimit', 'timeLimit', 'tlsRequired', 'accessDenied', 'startTlsRefused',
  'tlsUntrusted', 'unreachable', 'tlsHandshake', 'timeout', 'connectionLost', 'directoryRefused',
  // The connection as typed
  'badUrl', 'urlCredentials', 'startTlsWithLdaps', 'passwordNeeded', 'caFileUnreadable', 'caFileNoCertificate',
  // An LDIF export
  'fileMissing', 'notAFile', 'fileUnreadable', 'fileEmpty', 'fileCompressed', 'changeRecords', 'notLdif',
  // Breached passwords (Have I Been Pwned)
  'notFullPath', 'noSuchPath', 'notHibp', 'noHibpFiles', 'breachIndexDamaged', 'diskFull',
  // The app
  'scanRunning', 'importRunning', 'scanUnknown', 'profileMissing', 'reportMissing', 'demoReadOnly', 'noKeychain',
  'pdfInBrowser', 'badArguments', 'cannotWrite', 'damagedFile', 'noSource', 'unexpected',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** The names a sentence may carry: where, not what (never a password or a hash: the host's lines hold none). */
export interface ErrorParams {
  server?: string;
  who?: string;
  base?: string;
  file?: string;
  line?: string;
  url?: string;
}

export interface ExplainedError {
  kind: ErrorKind;
  params: ErrorParams;
  /** The host's own line, shown as the technical detail. */
  detail: string;
}

type Rule = readonly [RegExp, ErrorKind];

// Most precise first. Each pattern is one of the engine's or the app's messages (shared/engine, shared/app);
// named groups become the sentence's params.
const RULES: readonly Rule[] = [
  [/^The directory refused the bind as (?<who>.+?): wrong DN or password/i, 'invalidCredentials'],
  [/^The base DN "(?<base>[^"]*)" does not exist on (?<server>\S+?)\.?(?: —|$)/i, 'noSuchBase'],
  [/^The directory refused to return more entries than its size limit/i, 'sizeLimit'],
  [/^The directory stopped the search at its time limit/i, 'timeLimit'],
  [/^The directory requires an encrypted connection/i, 'tlsRequired'],
  [/^The directory denied the (?:search|operation) to (?<who>.+?)\.(?: —|$)/i, 'accessDenied'],
  [/^The directory refused StartTLS/i, 'startTlsRefused'],
  [/^The TLS certificate of (?<server>\S+)/i, 'tlsUntrusted'],
  [/^Cannot reach the directory at (?<server>\S+):\s/i, 'unreachable'],
  [/^The TLS handshake with (?<server>\S+) failed/i, 'tlsHandshake'],
  [/^The directory did not answer within/i, 'timeout'],
  [/^The directory stopped answering|^The directory at (?<server>\S+) closed the connection|^The connection to (?<server2>\S+) is closed/i, 'connectionLost'],
  [/^The directory answered "|^Reading the directory at (?<server>\S+) failed/i, 'directoryRefused'],
  [/^"(?<url>[^"]*)" is not an LDAP URL|^"(?<url2>[^"]*)" names no host/i, 'badUrl'],
  [/^The LDAP URL must not hold credentials/i, 'urlCredentials'],
  [/^StartTLS and ldaps:\/\/ cannot be combined/i, 'startTlsWithLdaps'],
  [/^No password given for (?<who>.+?)\.(?: —|$)|^the bind password of (?<who2>.+?) is needed/i, 'passwordNeeded'],
  [/^Cannot read the CA file (?<file>.+?) \(/i, 'caFileUnreadable'],
  [/^The CA file (?<file>.+?) holds no PEM certificate/i, 'caFileNoCertificate'],

  [/^(?<file>.+?): not a full path/i, 'notFullPath'],
  [/^(?<file>.+?): no such file or folder/i, 'noSuchPath'],
  [/^(?<file>.+?): no HIBP range file in this folder/i, 'noHibpFiles'],
  [/^(?<file>.+?)(?::| holds| line \d+:|, line \d+:) .*(?:not a Have I Been Pwned file|neither SHA-1|are not HIBP lines|no usable HIBP line|hashes, not |not a HIBP file)/i, 'notHibp'],
  [/^(?<file>.+?): cannot read it \(/i, 'fileUnreadable'],
  [/breach index (?:ends early|is damaged)/i, 'breachIndexDamaged'],
  [/^No space left on the disk for (?<file>.+?)(?: —|$)/i, 'diskFull'],

  [/^LDIF file not found: (?<file>.+?)(?: —|$)|^(?<file2>.+?) does not exist: check the path/i, 'fileMissing'],
  [/^(?<file>.+?) (?:is a folder, not an LDIF file|is not a regular file|is not a file: give the path)/i, 'notAFile'],
  [/^cannot read (?<file>.+?): permission denied|^(?<file2>.+?) cannot be read: check its permissions|^cannot read (?<file3>.+?) \(/i, 'fileUnreadable'],
  [/^(?<file>.+?) (?:holds no LDIF entry|is empty: nothing to audit)/i, 'fileEmpty'],
  [/^(?<file>.+?), line (?<line>\d+): this is a gzip-compressed file/i, 'fileCompressed'],
  [/^(?<file>.+?), line (?<line>\d+): this is a change record/i, 'changeRecords'],
  [/^(?<file>.+?), line (?<line>\d+): /i, 'notLdif'],

  [/^a scan is already running/i, 'scanRunning'],
  [/^an import of breached passwords is already running/i, 'importRunning'],
  [/^no (?:scan|import) with id /i, 'scanUnknown'],
  [/^no saved school with id /i, 'profileMissing'],
  [/^no report with id /i, 'reportMissing'],
  [/^the demo school is built in/i, 'demoReadOnly'],
  [/^this system offers no encryption to save the bind password/i, 'noKeychain'],
  [/^PDF export is done by the browser here/i, 'pdfInBrowser'],
  [/^bad arguments for /i, 'badArguments'],
  [/^(?:cannot write|Cannot write the breach index|Cannot create|Cannot replace) (?<file>.+?)(?: \(|$)/i, 'cannotWrite'],
  [/^(?<file>.+?) is damaged/i, 'damagedFile'],
  [/^choose a saved school or give a connection/i, 'noSource'],
];

/** The advice each kind calls for (ErrorWithAdvice's « Que faire ? »). */
const ADVICE: Partial<Record<ErrorKind, ErrorAdvice>> = {
  invalidCredentials: 'credentials', accessDenied: 'credentials', passwordNeeded: 'credentials',
  noSuchBase: 'baseDn',
  tlsUntrusted: 'certificate', tlsHandshake: 'certificate', tlsRequired: 'certificate', startTlsRefused: 'certificate',
  caFileUnreadable: 'certificate', caFileNoCertificate: 'certificate',
  unreachable: 'network', timeout: 'network', connectionLost: 'network', badUrl: 'network',
  fileMissing: 'file', notAFile: 'file', fileUnreadable: 'file', fileEmpty: 'file', fileCompressed: 'file',
  changeRecords: 'file', notLdif: 'file',
};

export function explainError(message: string): ExplainedError {
  const detail = message.trim();
  for (const [pattern, kind] of RULES) {
    const match = pattern.exec(detail);
    if (match === null) continue;
    const groups = match.groups ?? {};
    const params: ErrorParams = {};
    for (const [name, value] of Object.entries(groups)) {
      if (value === undefined) continue;
      // `who2`, `file2`…: the same name in another wording of the message.
      const key = name.replace(/\d+$/, '') as keyof ErrorParams;
      params[key] ??= value;
    }
    return { kind, params, detail };
  }
  return { kind: 'unexpected', params: {}, detail };
}

/** The advice for a kind, or null when the kind's own sentence already says what to do. */
export function adviceOfKind(kind: ErrorKind): ErrorAdvice | null {
  return ADVICE[kind] ?? (kind === 'unexpected' ? 'generic' : null);
}
