// `vigie import potfile`: maps what hashcat (or John) cracked back to the report's accounts and names each
// password's pattern with the audit's own families. The passwords live only in this function's locals while
// they are classified: never printed, logged or stored; the new report carries patterns, as a scan's does.
import { createHmac, randomBytes } from 'node:crypto';
import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AccountFindingCode, CandidateFamilyId } from '../../contract/codes.ts';
import type { AccountFinding, AccountReport, ScanReport } from '../../contract/report.ts';
import { likelyDefault } from '../audit/learning.ts';
import { groupMembers, PasswordGroups } from '../audit/shared-groups.ts';
import { rateStrength, userInputsFor } from '../candidates/strength.ts';
import { VigieError } from '../errors.ts';
import { summarize } from '../report/build-report.ts';
import { severityFor, worstSeverity } from '../report/severity.ts';
import { ACCOUNT_ID_PATTERN } from './account-id.ts';
import { accountRecord, readAccountMap, type AccountMap } from './account-map.ts';
import { HASHCAT_MODES } from './hashcat-modes.ts';
import { PlainClassifier, type PlainPattern } from './classify-plain.ts';
import { parseCrackedLine } from './potfile.ts';

const FAMILY_CODE: Record<CandidateFamilyId, AccountFindingCode> = {
  empty: 'EMPTY_PASSWORD',
  personal: 'PERSONAL_INFO_PASSWORD',
  school: 'SCHOOL_INFO_PASSWORD',
  common: 'COMMON_PASSWORD',
};
const WEAK_PASSWORD_CODES = new Set<AccountFindingCode>(Object.values(FAMILY_CODE));

/** A password no family generates: still guessable, since a cracker found it. */
export const CRACKED_OFFLINE_PATTERN = 'cracked-offline';

const LM_MODE = HASHCAT_MODES.LM!.mode;
const LM_EMPTY_HALF = 'aad3b435b51404ee';

export interface PotfileImportRequest {
  potfile: string;
  report: ScanReport;
  mapFile: string;
}

export interface PotfileImportResult {
  report: ScanReport;
  /** Accounts with a cracked password. */
  cracked: number;
  /** Of those, the ones the report had no weak-password finding for. */
  newFindings: number;
  /** Cracked accounts whose password no family generates (COMMON_PASSWORD, 'cracked-offline'). */
  unmatched: number;
}

interface ExportedHashes {
  /** hash → mode and the ids that store it (unsalted hashes repeat across accounts). */
  byHash: Map<string, { mode: number; ids: string[] }>;
  /** LM: every 16-hex half hashcat cracks on its own, and each account's full LM hash. */
  lmHalves: Set<string>;
  lmByAccount: Map<string, string>;
}

interface Crack {
  pattern: PlainPattern | null;
  strength: number;
  /** Found through LM only: the case of the password is unknown. */
  caseFolded: boolean;
  /** The password keyed with this import's own random key: equal passwords, equal fingerprints; null for LM. */
  fingerprint: string | null;
}

export async function importPotfile(request: PotfileImportRequest): Promise<PotfileImportResult> {
  const { report } = request;
  const map = await readAccountMap(request.mapFile);
  if (map.report.startedAt !== report.startedAt || map.report.location !== report.source.location) {
    throw new VigieError(
      `${request.mapFile} was made for another report (scan of ${map.report.location} started ${map.report.startedAt})`,
      'give the report the export was made from',
    );
  }
  const hashes = await readExportedHashes(path.dirname(request.mapFile), map);
  const classifier = new PlainClassifier(map.school);
  const cracks = new Map<string, Crack>();
  const lmHalfPlains = new Map<string, string>();
  // Equal cracked passwords group their accounts (issue #12 §1) by a keyed fingerprint: the key lives only in
  // this call, so no fingerprint can be checked against a guess later.
  const key = randomBytes(32);

  const classify = (id: string, plain: string, caseFolded: boolean): void => {
    const previous = cracks.get(id);
    if (previous && (caseFolded || !previous.caseFolded)) return;
    const account = accountRecord(map.accounts[id]!);
    cracks.set(id, {
      pattern: classifier.classify(plain, account, caseFolded),
      strength: rateStrength(plain, userInputsFor(account, map.school)),
      caseFolded,
      fingerprint: caseFolded ? null : createHmac('sha256', key).update(plain, 'utf8').digest('hex'),
    });
  };

  await forEachLine(request.potfile, (line) => {
    const cracked = parseCrackedLine(
      line,
      (h) => hashes.byHash.has(h) || hashes.lmHalves.has(h),
      (id) => ACCOUNT_ID_PATTERN.test(id) && map.accounts[id] !== undefined,
    );
    if (!cracked) return;
    const known = hashes.byHash.get(cracked.hash);
    if (known && known.mode !== LM_MODE) {
      for (const id of cracked.id ? [cracked.id] : known.ids) classify(id, cracked.plain, false);
      return;
    }
    if (known) {
      for (const id of cracked.id ? [cracked.id] : known.ids) classify(id, cracked.plain.toUpperCase(), true);
      return;
    }
    lmHalfPlains.set(cracked.hash, cracked.plain.toUpperCase());
  });
  // LM: the password is the two halves' plains, once both are cracked (an empty half is a short password).
  // Both halves empty proves nothing: Windows writes that constant when it keeps no LM hash at all.
  for (const [id, lm] of hashes.lmByAccount) {
    if (cracks.has(id) || lm === LM_EMPTY_HALF.repeat(2)) continue;
    const halves = [lm.slice(0, 16), lm.slice(16)].map((h) => (h === LM_EMPTY_HALF ? '' : lmHalfPlains.get(h)));
    if (halves[0] !== undefined && halves[1] !== undefined) classify(id, halves.join(''), true);
  }
  lmHalfPlains.clear();

  const byDn = new Map<string, string>();
  for (const [id, a] of Object.entries(map.accounts)) byDn.set(a.dn.toLowerCase(), id);
  let newFindings = 0;
  let unmatched = 0;
  let cracked = 0;
  const crackOf = (a: AccountReport): Crack | undefined => {
    const id = byDn.get(a.dn.toLowerCase());
    return id ? cracks.get(id) : undefined;
  };
  const withCracks = report.accounts.map((a): AccountReport => {
    const crack = crackOf(a);
    if (!crack) return a;
    cracked++;
    if (!crack.pattern) unmatched++;
    if (a.findings.some((f) => WEAK_PASSWORD_CODES.has(f.code))) return a;
    newFindings++;
    const findings = [...a.findings, offlineFinding(crack, a)];
    const { unchecked: _unchecked, ...rest } = a;
    return { ...rest, findings, risk: worstSeverity(findings.map((f) => f.severity)) };
  });
  const accounts = regroup(withCracks, withCracks.map(crackOf));
  cracks.clear();
  return {
    // Written by this Vigie: its findings are version 2's (ids and parameters), whatever version it read.
    report: { ...report, schemaVersion: 2, accounts, summary: summarize(accounts, report.directoryFindings) },
    cracked, newFindings, unmatched,
  };
}

/**
 * SHARED_PASSWORD groups again, the scan's and the cracked passwords' together: accounts whose cracked passwords
 * are equal share one, and a cracked account joins the group the scan had put an equal one in. Numbered as the
 * audit numbers them (largest first); a group of five or more that is not one common word is a likely default.
 */
function regroup(accounts: AccountReport[], cracks: readonly (Crack | undefined)[]): AccountReport[] {
  const groups = new PasswordGroups();
  accounts.forEach((a, i) => {
    const old = a.findings.find((f) => f.code === 'SHARED_PASSWORD');
    if (old?.groupId !== undefined) groups.key(i, `scan:${old.groupId}`);
    const fingerprint = cracks[i]?.fingerprint;
    if (fingerprint) groups.key(i, `crack:${fingerprint}`);
  });
  const numbered = groups.numbered();
  const members = groupMembers(numbered);
  const families = new Map<number, { family: CandidateFamilyId }>();
  accounts.forEach((a, i) => {
    const family = a.findings.find((f) => WEAK_PASSWORD_CODES.has(f.code))?.family;
    if (family) families.set(i, { family });
  });
  const defaults = new Set<number>();
  for (const [groupId, list] of members) {
    const flagged = list.some((i) => accounts[i]!.findings.some((f) => f.code === 'SHARED_PASSWORD' && f.likelyDefault));
    if (flagged || likelyDefault(list, families)) defaults.add(groupId);
  }
  return accounts.map((a, i) => {
    const g = numbered.get(i);
    const had = a.findings.some((f) => f.code === 'SHARED_PASSWORD');
    if (!g && !had) return a;
    const findings = a.findings.filter((f) => f.code !== 'SHARED_PASSWORD');
    if (g) {
      findings.push({
        code: 'SHARED_PASSWORD', severity: severityFor('SHARED_PASSWORD', a.profile), groupId: g.groupId, groupSize: g.size,
        ...(defaults.has(g.groupId) ? { likelyDefault: true as const } : {}),
      });
    }
    return { ...a, findings, risk: worstSeverity(findings.map((f) => f.severity)) };
  });
}

function offlineFinding(crack: Crack, account: AccountReport): AccountFinding {
  const code = crack.pattern ? FAMILY_CODE[crack.pattern.family] : 'COMMON_PASSWORD';
  return {
    code,
    severity: severityFor(code, account.profile),
    ...(crack.pattern
      ? { family: crack.pattern.family, patternId: crack.pattern.patternId }
      : { patternId: CRACKED_OFFLINE_PATTERN }),
    strength: crack.strength,
    params: { foundBy: 'offline-cracking' },
  };
}

/** The hash files written beside the map: how a potfile's hashes lead back to ids. */
async function readExportedHashes(dir: string, map: AccountMap): Promise<ExportedHashes> {
  const folder = path.join(dir, 'hashcat');
  let files: string[];
  try {
    files = (await readdir(folder)).filter((f) => /^m\d+\.hashes$/.test(f));
  } catch {
    files = [];
  }
  if (files.length === 0) {
    throw new VigieError(`no hash files in ${folder}`, 'keep the export folder whole: the map is read with the hashcat/ folder beside it');
  }
  const out: ExportedHashes = { byHash: new Map(), lmHalves: new Set(), lmByAccount: new Map() };
  for (const file of files) {
    const mode = Number(/\d+/.exec(file)![0]);
    const text = await readFile(path.join(folder, file), 'utf8');
    for (const line of text.split('\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const id = line.slice(0, colon);
      const hash = line.slice(colon + 1);
      if (map.accounts[id] === undefined) continue;
      const entry = out.byHash.get(hash) ?? out.byHash.set(hash, { mode, ids: [] }).get(hash)!;
      entry.ids.push(id);
      if (mode === LM_MODE && hash.length === 32) {
        out.lmHalves.add(hash.slice(0, 16));
        out.lmHalves.add(hash.slice(16));
        out.lmByAccount.set(id, hash);
      }
    }
  }
  return out;
}

async function forEachLine(file: string, onLine: (line: string) => void): Promise<void> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new VigieError(`no potfile at ${file}`, 'give hashcat\'s potfile or the output of hashcat --show --username');
    throw new VigieError(`cannot read ${file} (${code ?? 'error'})`);
  }
  try {
    for await (const line of handle.readLines({ encoding: 'utf8' })) onLine(line);
  } catch (e) {
    if (e instanceof VigieError) throw e;
    throw new VigieError(`cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    await handle.close();
  }
}
