// What the audit learns from the directory it reads (issue #12): which password shapes each profile uses, which
// passwords many accounts share, and whether one shape is a formula imposed on a whole profile. The main thread
// sees recoveries' shapes and keyed fingerprints only; the passwords stay in the workers.
import type { CandidateFamilyId, Profile, Severity } from '../../contract/codes.ts';
import type { DirectoryFinding } from '../../contract/report.ts';
import type { ShapeWeight } from '../candidates/shape.ts';
import type { LearnedModel, Recovery, ReuseWeight, Sighting } from './protocol.ts';

/** When one account's password is found by several families, the most telling one names it. */
export const FAMILY_PRIORITY: CandidateFamilyId[] = ['empty', 'personal', 'school', 'common'];

/** Shapes and reused passwords in the model, at most: it goes with every task of the learned pass. */
const MAX_SHAPES = 24;
const MODEL_REUSE = 400;
/** Known passwords handed between workers and tried on every unsalted value, at most, most shared first. */
const MAX_REUSE = 20_000;
/** A share is estimated over at least this many accounts: two finds among three checked say little. */
const MIN_DENOMINATOR = 20;
/** What another profile's habits say about this one: counted at this fraction. */
const OTHER_PROFILES = 0.5;

/** Issue #12 §3: a shape covering this share of a profile's checkable accounts, and at least this many, is imposed. */
export const IMPOSED_MIN_SHARE = 0.3;
export const IMPOSED_MIN_ACCOUNTS = 20;
/** A shared password is likely a default handed out when this many accounts share it. */
const DEFAULT_MIN_GROUP = 5;

/**
 * Two shards can recover the same account with different candidates (LM folds case: "password" and "Password"
 * both match): whichever finishes first must not decide the report. The more telling family wins, then the more
 * specific pattern, then the pattern id's order, so the same directory always gives the same findings.
 */
export function betterRecovery(a: Recovery, b: Recovery): boolean {
  // An exact match (MD5, NT…) names the password as typed; an LM match only in some capitals.
  if ((a.caseFolded === true) !== (b.caseFolded === true)) return b.caseFolded === true;
  const fa = FAMILY_PRIORITY.indexOf(a.family);
  const fb = FAMILY_PRIORITY.indexOf(b.family);
  if (fa !== fb) return fa < fb;
  if (a.patternId.length !== b.patternId.length) return a.patternId.length > b.patternId.length;
  // The fingerprint is keyed per run: it must not decide. The candidate found first in its stream does.
  return a.patternId > b.patternId || (a.patternId === b.patternId && a.ordinal < b.ordinal);
}

interface Counts {
  checked: number;
  shapes: Map<string, number>;
  fingerprints: Map<string, number>;
}

export class DirectoryLearning {
  /** Each account's best recovery, and the fingerprint of a password known without a pattern. */
  readonly best = new Map<number, Recovery>();
  readonly sighted = new Map<number, string>();
  private readonly checked = new Set<number>();
  private model: LearnedModel | null = null;
  private reuse: ReuseWeight[] = [];

  constructor(private readonly profileOf: (index: number) => Profile) {}

  /** An account whose checks are done (found or not): it counts in its profile's shares. */
  checkedAccount(index: number): void {
    this.checked.add(index);
    this.model = null;
  }

  recovered(r: Recovery): void {
    const prev = this.best.get(r.index);
    if (!prev || betterRecovery(r, prev)) this.best.set(r.index, r);
    this.model = null;
  }

  sighting(s: Sighting): void {
    if (!this.sighted.has(s.index)) this.sighted.set(s.index, s.fingerprint);
    this.model = null;
  }

  found(index: number): boolean {
    return this.best.has(index) || this.sighted.has(index);
  }

  private counts(): { byProfile: Map<Profile, Counts>; all: Counts } {
    const fresh = (): Counts => ({ checked: 0, shapes: new Map(), fingerprints: new Map() });
    const byProfile = new Map<Profile, Counts>();
    const all = fresh();
    const of = (i: number): Counts => {
      const p = this.profileOf(i);
      return byProfile.get(p) ?? byProfile.set(p, fresh()).get(p)!;
    };
    for (const i of this.checked) {
      of(i).checked++;
      all.checked++;
    }
    const fingerprintOf = new Map(this.sighted);
    for (const [i, r] of this.best) {
      fingerprintOf.set(i, r.fingerprint);
      if (r.family === 'empty') continue;
      for (const c of [of(i), all]) c.shapes.set(r.shape, (c.shapes.get(r.shape) ?? 0) + 1);
    }
    for (const [i, f] of fingerprintOf) for (const c of [of(i), all]) c.fingerprints.set(f, (c.fingerprints.get(f) ?? 0) + 1);
    return { byProfile, all };
  }

  /**
   * The model the learned pass spends budgets by: per profile, the shapes recovered most, each weighted by its
   * share of the profile's checked accounts (what other profiles show counts at half); recovered passwords by how
   * many accounts share them. Shapes seen once are noise, not a habit: left out.
   */
  current(): LearnedModel {
    if (this.model) return this.model;
    const { byProfile, all } = this.counts();
    const share = (count: number, c: Counts | undefined): number => (c ? count / Math.max(c.checked, MIN_DENOMINATOR) : 0);
    const shapes: LearnedModel['shapes'] = {};
    const profiles = new Set<Profile>([...byProfile.keys()]);
    for (const p of ['student', 'parent', 'teacher', 'staff', 'admin', 'unknown'] as Profile[]) profiles.add(p);
    for (const p of profiles) {
      const mine = byProfile.get(p);
      const weights = new Map<string, number>();
      for (const [shape, n] of all.shapes) if (n >= 2) weights.set(shape, OTHER_PROFILES * share(n, all));
      for (const [shape, n] of mine?.shapes ?? []) if (n >= 2) weights.set(shape, Math.max(weights.get(shape) ?? 0, share(n, mine)));
      const list: ShapeWeight[] = [...weights].map(([shape, weight]) => ({ shape, weight }));
      list.sort((a, b) => b.weight - a.weight || (a.shape < b.shape ? -1 : 1));
      if (list.length > 0) shapes[p] = list.slice(0, MAX_SHAPES);
    }
    // Ties go to the password seen on the lowest account index: fingerprints are keyed per run, so ordering by
    // them would give two scans of one directory different learned orders (and findings).
    const first = new Map<string, number>();
    for (const [i, r] of this.best) if (!((first.get(r.fingerprint) ?? Infinity) <= i)) first.set(r.fingerprint, i);
    for (const [i, f] of this.sighted) if (!((first.get(f) ?? Infinity) <= i)) first.set(f, i);
    const reuse: ReuseWeight[] = [];
    for (const [fingerprint, n] of all.fingerprints) {
      const weight: ReuseWeight['weight'] = {};
      for (const [p, c] of byProfile) {
        const k = c.fingerprints.get(fingerprint);
        if (k !== undefined) weight[p] = Math.max(share(k, c), OTHER_PROFILES * share(n, all));
      }
      reuse.push({ fingerprint, weight, other: OTHER_PROFILES * share(n, all), accounts: n });
    }
    reuse.sort((a, b) => b.accounts - a.accounts || first.get(a.fingerprint)! - first.get(b.fingerprint)!);
    this.reuse = reuse;
    this.model = { shapes, reuse: reuse.slice(0, MODEL_REUSE) };
    return this.model;
  }

  /** The known passwords worth trying everywhere, most shared first: every worker gets them, every account meets them. */
  reused(): string[] {
    this.current();
    return this.reuse.slice(0, MAX_REUSE).map((r) => r.fingerprint);
  }
}

export interface ImposedScheme {
  finding: DirectoryFinding;
  /** The accounts found with the imposed shape: their weak finding is marked, the plan renews them by force. */
  accounts: number[];
}

/**
 * Imposed schemes (issue #12 §3): per profile, the personal shape most of its checkable accounts were found with,
 * when it covers at least 30 % of them and 20 accounts. Only shapes built from the person (a formula applied to
 * each account); a common word many picked is not a formula.
 */
export function imposedSchemes(best: ReadonlyMap<number, Recovery>, checkable: ReadonlyMap<Profile, number>, profileOf: (i: number) => Profile): ImposedScheme[] {
  const byProfile = new Map<Profile, Map<string, number[]>>();
  for (const [i, r] of best) {
    if (r.family !== 'personal') continue;
    const p = profileOf(i);
    const shapes = byProfile.get(p) ?? byProfile.set(p, new Map()).get(p)!;
    (shapes.get(r.shape) ?? shapes.set(r.shape, []).get(r.shape)!).push(i);
  }
  const out: ImposedScheme[] = [];
  for (const [profile, shapes] of byProfile) {
    const [shape, accounts] = [...shapes].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0]!;
    const total = checkable.get(profile) ?? 0;
    const share = total > 0 ? accounts.length / total : 0;
    if (accounts.length < IMPOSED_MIN_ACCOUNTS || share < IMPOSED_MIN_SHARE) continue;
    const severity: Severity = profile === 'student' || profile === 'parent' || profile === 'unknown' ? 'high' : 'critical';
    const percent = Math.round(share * 100);
    out.push({
      accounts,
      finding: {
        code: 'IMPOSED_PASSWORD_SCHEME',
        severity,
        params: { percent },
        profile,
        shape,
        accounts: accounts.length,
        share: Math.round(share * 1000) / 1000,
      },
    });
  }
  return out.sort((a, b) => b.accounts.length - a.accounts.length);
}

/** A group of accounts sharing one password looks like a default handed out, not a coincidence of choice. */
export function likelyDefault(members: readonly number[], best: ReadonlyMap<number, Pick<Recovery, 'family'>>): boolean {
  if (members.length < DEFAULT_MIN_GROUP) return false;
  // Thirty pupils who each picked "azerty" share it by chance: a common word alone is not a default.
  return !members.every((i) => best.get(i)?.family === 'common');
}

