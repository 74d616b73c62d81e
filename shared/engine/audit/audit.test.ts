// The audit on a handful of hand-made accounts: each weak family found under its code, strong ones not,
// storage findings, shared groups, cancellation, and a worker that cannot start.
import { existsSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HashSchemeName } from '../../contract/codes.ts';
import { patternLabel, shapeLabel } from '../../contract/pattern-labels.ts';
import type { AccountRecord, PasswordAttribute, SchoolContext } from '../directory/model.ts';
import { CancelledError, VigieError } from '../errors.ts';
import { schemeByName } from '../hash/classify.ts';
import { globalCandidates } from '../candidates/index.ts';
import { hybridPlan } from '../candidates/common/hybrid.ts';
import { AccountStore } from '../directory/account-store.ts';
import { corpusRecords, writeHibpFile } from '../breached/hibp-corpus.ts';
import { importBreachCorpus } from '../breached/import-corpus.ts';
import { costliestFirst, learnedRounds, runAudit, taskEnd, type AuditProgress, type AuditResult } from './audit.ts';

const school: SchoolContext = { names: ['Lycée Victor Hugo'], towns: ['Quimperlé'], uais: ['0291234X'], classes: ['2NDE1'], extra: [] };

async function account(login: string, surname: string, given: string, stored: [HashSchemeName, string][], profile: AccountRecord['profile'] = 'student'): Promise<AccountRecord> {
  const passwords = [];
  for (const [scheme, password] of stored) {
    const attribute: PasswordAttribute = scheme === 'NT' ? 'sambantpassword' : scheme === 'LM' ? 'sambalmpassword' : 'userpassword';
    const value = await schemeByName(scheme).create(password, scheme === 'BCRYPT' ? { cost: 4 } : {});
    passwords.push({ attribute, value: new TextEncoder().encode(value) });
  }
  return { dn: `uid=${login},ou=people,dc=test`, login, surnames: [surname], givenNames: [given], birthDate: { year: 2008, month: 7, day: 9 }, profile, classes: ['2NDE1'], passwords };
}

describe('runAudit', () => {
  let accounts: AccountRecord[];
  let result: AuditResult;
  const codes = (login: string): string[] => result.accounts.find((a) => a.account.login === login)!.findings.map((f) => f.code).sort();

  beforeAll(async () => {
    accounts = [
      await account('ines.martin', 'Martin', 'Inès', [['MD5', 'martin09072008'], ['NT', 'martin09072008']]),
      await account('paul.roche', 'Roche', 'Paul', [['SSHA', 'azerty']]),
      await account('lea.morel', 'Morel', 'Léa', [['BCRYPT', 'victorhugo2025']], 'teacher'),
      await account('jo.vide', 'Vide', 'Jo', [['NT', '']]),
      await account('zoe.fort', 'Fort', 'Zoé', [['SSHA512', 'k9#Qe!v2Lr8@xW5z']]),
      await account('tom.clair', 'Clair', 'Tom', [['CLEARTEXT', 'Tr0ub4dor&3-Horse']], 'admin'),
      await account('a.one', 'One', 'Ana', [['MD5', 'Bienvenue-2NDE1-x7']]),
      await account('b.two', 'Two', 'Ben', [['MD5', 'Bienvenue-2NDE1-x7']]),
      await account('no.password', 'Sans', 'Noé', []),
      await account('old.lm', 'Lemaire', 'Lou', [['LM', 'q7!Kd2#pXw9'], ['NT', 'q7!Kd2#pXw9']]),
    ];
    result = await runAudit(accounts, { school, depth: 'standard', workers: 2 });
  }, 120_000);

  it('finds a personal password under an unsalted hash, and flags the storage', () => {
    expect(codes('ines.martin')).toEqual(['LEGACY_HASH', 'PERSONAL_INFO_PASSWORD']);
    const f = result.accounts[0]!.findings.find((x) => x.code === 'PERSONAL_INFO_PASSWORD')!;
    expect(f.patternId).toBe('surname+birthdate:DDMMYYYY');
    expect(f).not.toHaveProperty('pattern');
    expect(patternLabel(f.patternId!, 'fr')).toBe('nom + date de naissance (JJMMAAAA)');
    expect(f.strength).toBeLessThanOrEqual(1);
  });

  it('finds a common password under a salted hash within the budget', () => {
    expect(codes('paul.roche')).toEqual(['COMMON_PASSWORD', 'LEGACY_HASH']);
  });

  it("finds the school's name under bcrypt and raises a teacher's severity", () => {
    const a = result.accounts.find((x) => x.account.login === 'lea.morel')!;
    const f = a.findings.find((x) => x.code === 'SCHOOL_INFO_PASSWORD');
    expect(f?.severity).toBe('critical');
    expect(a.findings.map((x) => x.code)).toContain('WEAK_HASH_PARAMETERS');
  });

  it('finds an empty password', () => {
    expect(codes('jo.vide')).toContain('EMPTY_PASSWORD');
  });

  it('never flags a strong password as weak', () => {
    expect(codes('zoe.fort')).toEqual(['LEGACY_HASH']);
    expect(codes('tom.clair')).toEqual(['CLEARTEXT_PASSWORD']);
    expect(codes('old.lm')).toEqual(['LEGACY_HASH', 'LM_HASH']);
    expect(codes('no.password')).toEqual([]);
  });

  it('groups accounts whose unsalted hashes are equal', () => {
    const a = result.accounts.find((x) => x.account.login === 'a.one')!.findings.find((f) => f.code === 'SHARED_PASSWORD');
    const b = result.accounts.find((x) => x.account.login === 'b.two')!.findings.find((f) => f.code === 'SHARED_PASSWORD');
    expect(a?.groupSize).toBe(2);
    expect(a?.groupId).toBe(b?.groupId);
  });

  it('names the weakest scheme of each account', () => {
    expect(result.accounts.map((a) => a.hashScheme)).toEqual(['NT', 'SSHA', 'BCRYPT', 'NT', 'SSHA512', 'CLEARTEXT', 'MD5', 'MD5', 'NONE', 'LM']);
  });

  it("reports the global phase's progress against the number of candidates the workers count", async () => {
    const events: AuditProgress[] = [];
    // Three shards over a list whose length is not a multiple of three: each counts its own share.
    await runAudit(AccountStore.of(accounts.slice(0, 2)), { school, depth: 'standard', workers: 3, onProgress: (p) => events.push(p) });
    const global = events.filter((e) => e.phase === 'global');
    let listed = 0;
    for (const _ of globalCandidates(school, 'standard')) listed++;
    const expected = listed + (hybridPlan('standard')?.size ?? 0);
    expect(global.length).toBeGreaterThan(1);
    expect(new Set(global.map((e) => e.total))).toEqual(new Set([expected]));
    expect(global.every((e) => e.done <= e.total)).toBe(true);
    expect(global.at(-1)!.done).toBe(expected);
  });

  it('stops within a second when cancelled', async () => {
    const many = Array.from({ length: 40 }, () => accounts[2]!);
    const controller = new AbortController();
    let abortedAt = 0;
    const run = runAudit(many, {
      school, depth: 'deep', workers: 2, signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'accounts' && !abortedAt) {
          abortedAt = Date.now();
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(abortedAt).toBeGreaterThan(0);
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
  });
});

describe('an audit that learns from the directory (issue #12)', () => {
  // Invented people; the formula « NOM.AA » is not among the first candidates a slow hash gets by itself.
  const people = [
    'Abadie', 'Barbier', 'Carpentier', 'Dumas', 'Etienne', 'Fabre', 'Gautier', 'Huet', 'Imbert', 'Jacquet', 'Klein', 'Lacroix',
    'Marchand', 'Noel', 'Olivier', 'Perrin', 'Quere', 'Renaud', 'Sauvage', 'Tessier', 'Urbain', 'Vidal', 'Wagner', 'Yvon',
    'Zeller', 'Arnaud', 'Benard', 'Collet', 'Delorme', 'Esnault',
  ];
  const formula = (surname: string, year: number): string => `${surname.toUpperCase()}.${String(year).slice(2)}`;
  const staffDefault = 'Vq7!Rentree-x2';
  let result: AuditResult;
  let accounts: AccountRecord[];
  const byLogin = (login: string) => result.accounts.find((a) => a.account.login === login)!;

  beforeAll(async () => {
    accounts = [];
    for (const [n, surname] of people.entries()) {
      // 24 pupils under {SSHA} teach the formula; 6 under bcrypt get it from what was learnt.
      const scheme: HashSchemeName = n < 24 ? 'SSHA' : 'BCRYPT';
      accounts.push(await account(`p${n}`, surname, 'Camille', [[scheme, formula(surname, 2008)]]));
    }
    // A staff default: readable in clear on three accounts, salted or slow on the others.
    const staff: HashSchemeName[] = ['CLEARTEXT', 'CLEARTEXT', 'CLEARTEXT', 'SSHA', 'SSHA', 'SSHA512', 'BCRYPT', 'BCRYPT'];
    for (const [n, scheme] of staff.entries()) accounts.push(await account(`s${n}`, `Agent${n}`, 'Dominique', [[scheme, staffDefault]], 'teacher'));
    accounts.push(await account('strong.one', 'Fort', 'Zoé', [['BCRYPT', 'k9#Qe!v2Lr8@xW5z']]));
    result = await runAudit(accounts, { school, depth: 'standard', workers: 2 });
  }, 120_000);

  it('finds an imposed formula on the bcrypt accounts from what the {SSHA} ones showed', () => {
    for (let n = 24; n < 30; n++) {
      const f = byLogin(`p${n}`).findings.find((x) => x.code === 'PERSONAL_INFO_PASSWORD');
      expect(f, `p${n}`).toMatchObject({ patternId: 'surname+birthdate:YY', shape: 'surname+birthdate:YY|upper|.', imposedScheme: true });
    }
  });

  it('raises IMPOSED_PASSWORD_SCHEME for the pupils, naming the shape', () => {
    const imposed = result.directoryFindings.filter((f) => f.code === 'IMPOSED_PASSWORD_SCHEME');
    expect(imposed).toHaveLength(1);
    expect(imposed[0]).toMatchObject({ profile: 'student', accounts: 30, shape: 'surname+birthdate:YY|upper|.' });
    expect(shapeLabel(imposed[0]!.shape!, 'fr')).toBe('nom + date de naissance (AA) — MAJUSCULES, avec « . »');
  });

  it('tries a password read in clear on every account, slow ones included, and calls the group a likely default', () => {
    const groups = new Set<number>();
    for (let n = 0; n < 8; n++) {
      const f = byLogin(`s${n}`).findings.find((x) => x.code === 'SHARED_PASSWORD');
      expect(f, `s${n}`).toMatchObject({ groupSize: 8, likelyDefault: true });
      groups.add(f!.groupId!);
    }
    expect(groups.size).toBe(1);
    expect(byLogin('strong.one').findings.map((f) => f.code)).toEqual(['WEAK_HASH_PARAMETERS']);
  });

  it('gives the same findings when run again: the learned order does not follow the workers\' timing', async () => {
    // Three workers this time, a different split of the same tasks: one truth for one directory.
    const again = await runAudit(accounts, { school, depth: 'standard', workers: 3 });
    const findings = (r: AuditResult) => r.accounts.map((a) => [a.account.login, a.findings]);
    expect(findings(again)).toEqual(findings(result));
    expect(again.directoryFindings).toEqual(result.directoryFindings);
  }, 120_000);

  it('lets no password, not even a shape with its letters, into the result', () => {
    const text = JSON.stringify(result);
    for (const secret of [staffDefault, ...people.map((s) => formula(s, 2008))]) expect(text).not.toContain(secret);
  });
});

describe('an account whose only stored value is LM', () => {
  // Twins under LM alone (no NT beside it): their personal password is found in some capitals only. Every spelling
  // of it is in the breach corpus, so a count or a group could only come from a lookup of the wrong case. Beside
  // them, an exact NT value of a breached password: the corpus is read (by the worker that recovers it).
  const spellings = ['lemaire2008', 'Lemaire2008', 'LEMAIRE2008', 'lemaire09072008', 'Lemaire09072008', 'LEMAIRE09072008'];
  let dir: string;
  let result: AuditResult;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vigie-lm-only-'));
    const corpus = path.join(dir, 'sha1.txt');
    await writeHibpFile(corpus, corpusRecords('sha1', [...spellings.map((p, i) => [p, 100 + i] as const), ['azerty', 5000]], 50));
    await importBreachCorpus(corpus, { indexDir: path.join(dir, 'index') });
    const twins = [
      await account('lou.lemaire', 'Lemaire', 'Lou', [['LM', 'Lemaire2008']]),
      await account('leo.lemaire', 'Lemaire', 'Léo', [['LM', 'Lemaire2008']]),
      await account('max.roux', 'Roux', 'Max', [['NT', 'azerty']]),
    ];
    result = await runAudit(twins, { school, depth: 'standard', workers: 2, breachIndexDir: path.join(dir, 'index') });
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is found case-folded: no breach count, no shared group', () => {
    for (const a of result.accounts.slice(0, 2)) {
      expect(a.findings.map((f) => f.code).sort(), a.account.login).toEqual(['LM_HASH', 'PERSONAL_INFO_PASSWORD']);
    }
    expect(result.accounts[2]!.findings).toContainEqual(expect.objectContaining({ code: 'BREACHED_PASSWORD', breachCount: 5000 }));
  });

  // A worker keeps the index open from its first recovered password (max.roux's): its files must close with it.
  it.skipIf(!existsSync('/proc/self/fd'))('leaves no breach index file open once the audit is over', () => {
    const index = realpathSync(dir);
    const open = readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).startsWith(index);
      } catch {
        return false; // closed between the listing and the look
      }
    });
    expect(open).toEqual([]);
  });
});

describe('learnedRounds', () => {
  const list = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  it('splits a long learned pass in growing rounds that keep every account once, in order', () => {
    const rounds = learnedRounds(list(3_000));
    expect(rounds.map((r) => r.length)).toEqual([150, 450, 2_400]);
    expect(rounds.flat()).toEqual(list(3_000));
  });
  it('keeps a short pass in one round, and an empty one as one empty round (its phase is said done)', () => {
    expect(learnedRounds(list(100))).toEqual([list(100)]);
    expect(learnedRounds([])).toEqual([[]]);
  });
});

describe('scheduling the per-account tasks', () => {
  it('sends the costliest accounts first, equal ones in list order, each with its work', () => {
    const work: Record<number, number> = { 7: 5, 3: 900, 9: 5, 4: 40, 1: 900 };
    const { order, work: sorted } = costliestFirst([7, 3, 9, 4, 1], (i) => work[i]!);
    expect([...order]).toEqual([3, 1, 4, 7, 9]);
    expect([...sorted]).toEqual([900, 900, 40, 5, 5]);
    expect([...costliestFirst([], () => 1).order]).toEqual([]);
  });

  it('gives the longest account a task of its own and shortens the tasks as the round ends', () => {
    // A round as the learned pass has it: two accounts of a few seconds (scrypt, PBKDF2 with a million iterations),
    // then 200 of the usual 75 ms budget, costliest first.
    const work = Float64Array.from([5e6, 2.5e6, ...Array.from({ length: 200 }, () => 75_000)]);
    const tasks: { from: number; end: number; sum: number }[] = [];
    let left = work.reduce((a, b) => a + b, 0);
    for (let from = 0; from < work.length;) {
      const end = taskEnd(work, from, left, 2);
      let sum = 0;
      for (let k = from; k < end; k++) sum += work[k]!;
      tasks.push({ from, end, sum });
      left -= sum;
      from = end;
    }
    // Every account once, in order; never an empty task, never more than 32 accounts.
    expect(tasks[0]!.from).toBe(0);
    expect(tasks.at(-1)!.end).toBe(work.length);
    for (let t = 1; t < tasks.length; t++) expect(tasks[t]!.from).toBe(tasks[t - 1]!.end);
    for (const t of tasks) expect(t.end - t.from).toBeGreaterThanOrEqual(1);
    for (const t of tasks) expect(t.end - t.from).toBeLessThanOrEqual(32);
    // The five-second account alone; the next task (the 2.5 s one and a few usual ones) no longer than it.
    expect(tasks[0]!.end).toBe(1);
    expect(tasks[1]!.sum).toBeLessThanOrEqual(5e6);
    expect(tasks[1]!.end - tasks[1]!.from).toBeLessThan(32);
    // The full tasks of the middle hold 32 accounts (2.4 s); the last ones hold at most the 0.25 s floor's worth.
    expect(Math.max(...tasks.map((t) => t.end - t.from))).toBe(32);
    expect(tasks.at(-1)!.sum).toBeLessThanOrEqual(250_000);
    expect(tasks.at(-2)!.sum).toBeLessThanOrEqual(250_000);
  });
});

describe('a worker that cannot start', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vigie-worker-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('fails the audit with one line instead of hanging', async () => {
    const broken = path.join(dir, 'broken-worker.mjs');
    await writeFile(broken, "throw new Error('cannot load argon2');\n");
    const one = await account('x.y', 'Y', 'X', [['SSHA', 'secret']]);
    const run = runAudit([one], { school, depth: 'quick', workers: 1, workerUrl: pathToFileURL(broken) });
    await expect(run).rejects.toBeInstanceOf(VigieError);
    await expect(run).rejects.toThrow(/audit worker failed: cannot load argon2$/);
  });
});
