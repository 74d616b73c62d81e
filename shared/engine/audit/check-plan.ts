// What the workers check of each account, decided once, by the main thread's classification (issue #14 §5): the
// value its candidates go against and the values read in clear, each named with the descriptor that read it. The
// worker reads those values with those descriptors and classifies nothing. Between the classification and the
// account's task (the whole global phase) only this plan is kept, a few bytes an account: the parsed values
// themselves would be hundreds of bytes an account, gigabytes for a regional directory.
import type { Depth } from '../../contract/codes.ts';
import type { AccountRecord } from '../directory/model.ts';
import { SCHEMES } from '../hash/registry.ts';
import type { StoredHash } from '../hash/scheme.ts';
import type { ReadableScheme } from '../hash/schemes/readable-scheme.ts';
import { estimatedWork } from './budget.ts';
import type { AccountToCheck, ClassifiedValue } from './protocol.ts';

/** How an account is checked: with the unsalted lookups, as a fast salted value, as a slow one; null: not at all. */
export type Speed = 'unsalted' | 'fast' | 'slow';

/**
 * A salted value this cheap to check (SSHA, SMD5… through the kernels) is checked in the first pass, with the
 * unsalted ones: they teach the learned pass which shapes the directory uses before the slow values are tried.
 */
const FAST_COST = 5;

const SPEEDS = [null, 'unsalted', 'fast', 'slow'] as const;
/** A value no descriptor read (UNKNOWN). */
const UNREAD = 255;
if (SCHEMES.length >= UNREAD) throw new Error('check-plan.ts keeps a descriptor in one byte: too many hash schemes');
const POSITION = new Map<ReadableScheme, number>(SCHEMES.map((s, i) => [s, i]));

export class CheckPlans {
  /** The registry position of the descriptor that read each stored value, account after account (UNREAD: none). */
  private descriptors = new Uint8Array(1024);
  /** Where account i's values start in `descriptors` (i + 1: where they end). */
  private readonly start: Uint32Array;
  /** 1 + the position among the account's values of the one its candidates are checked against; 0: none. */
  private readonly checked: Uint16Array;
  private readonly speeds: Uint8Array;
  /** The checked value's cost per candidate (its descriptor's `cost`), for scheduling. */
  private readonly costs: Float32Array;
  private count = 0;

  constructor(readonly length: number) {
    this.start = new Uint32Array(length + 1);
    this.checked = new Uint16Array(length);
    this.speeds = new Uint8Array(length);
    this.costs = new Float32Array(length);
  }

  /** The next account's classified values, in its record's order: says how the account is checked. */
  add(values: readonly StoredHash[]): Speed | null {
    const i = this.count++;
    const from = this.start[i]!;
    if (from + values.length > this.descriptors.length) this.grow(from + values.length);
    values.forEach((v, k) => (this.descriptors[from + k] = v.descriptor ? POSITION.get(v.descriptor)! : UNREAD));
    this.start[i + 1] = from + values.length;
    const { position, speed } = checkedValue(values);
    this.checked[i] = position + 1;
    this.speeds[i] = SPEEDS.indexOf(speed);
    if (position >= 0) this.costs[i] = values[position]!.descriptor!.cost(values[position]!.parsed);
    return speed;
  }

  speed(i: number): Speed | null {
    return SPEEDS[this.speeds[i]!] ?? null;
  }

  /** About how much work account i's check is (budget.ts `estimatedWork`); 0 when it is not checked. */
  work(i: number, depth: Depth, headOnly: boolean): number {
    const speed = this.speed(i);
    if (speed === null) return 0;
    const checked = SCHEMES[this.descriptors[this.start[i]! + this.checked[i]! - 1]!]!;
    return estimatedWork(depth, speed, this.costs[i]!, checked.storage === 'fast', headOnly);
  }

  /**
   * Account i as its task sends it: who it is (its record, stored values left out) and the values the worker reads,
   * with their descriptors. `account` is the record the plan was made from, made again from the store.
   */
  toCheck(i: number, account: AccountRecord, headOnly: boolean, reusedOnly = false): AccountToCheck {
    const from = this.start[i]!;
    if (this.start[i + 1]! - from !== account.passwords.length) throw new Error(`account ${i} is not the one its check plan was made from`);
    const classified = (k: number): ClassifiedValue => ({ scheme: SCHEMES[this.descriptors[from + k]!]!.id, ...account.passwords[k]! });
    const clear: ClassifiedValue[] = [];
    account.passwords.forEach((_, k) => {
      const d = this.descriptors[from + k]!;
      if (d !== UNREAD && SCHEMES[d]!.storage === 'cleartext') clear.push(classified(k));
    });
    const checked = this.checked[i]!;
    return {
      index: i,
      account: { ...account, passwords: [] },
      clear,
      ...(checked > 0 ? { check: classified(checked - 1) } : {}),
      ...(headOnly ? { headOnly: true as const } : {}),
      ...(headOnly && reusedOnly ? { reusedOnly: true as const } : {}),
    };
  }

  private grow(need: number): void {
    const bigger = new Uint8Array(Math.max(need, 2 * this.descriptors.length));
    bigger.set(this.descriptors);
    this.descriptors = bigger;
  }
}

/**
 * The value an account's candidates are checked against, and how fast that is: its unsalted value first (exact
 * ones before LM, which folds case and cuts at 14 characters: the descriptors' `lookupOrder`), else its cheapest
 * salted one. Position -1: no value Vigie can check.
 */
function checkedValue(values: readonly StoredHash[]): { position: number; speed: Speed | null } {
  let unsalted = -1;
  let salted = -1;
  let cheapest = Infinity;
  values.forEach((v, k) => {
    if (!v.descriptor) return;
    if (v.unsaltedKey !== null) {
      if (unsalted < 0 || v.descriptor.lookupOrder < values[unsalted]!.descriptor!.lookupOrder) unsalted = k;
      return;
    }
    const cost = v.descriptor.cost(v.parsed);
    if (cost < cheapest) {
      salted = k;
      cheapest = cost;
    }
  });
  if (unsalted >= 0) return { position: unsalted, speed: 'unsalted' };
  if (salted < 0) return { position: -1, speed: null };
  return { position: salted, speed: cheapest <= FAST_COST ? 'fast' : 'slow' };
}
