// Memory-hard checks share one memory budget across the audit's workers. A stored value's own parameters set what
// one check allocates (argon2 m=64 MiB; scrypt N=2^17, r=8: 32 MiB with the native SMix's trade-off, 128 MiB
// without): two workers checking such values at once doubled the scan's peak. A worker takes a lease on the bytes
// before its checks and gives it back after; a check larger than the whole budget still runs, alone.
const USED = 0;

export interface MemoryBudget {
  /** One Int32 in shared memory: the KiB leased now. */
  cell: SharedArrayBuffer;
  capKiB: number;
}

/**
 * The default budget for memory-hard checks running at the same time, all workers together: two of OWASP's
 * argon2id m=46 MiB fit, two of m=64 MiB take turns (issue #6: 100,000 accounts in 500 MB).
 */
export const MEMORY_HARD_BUDGET_MIB = 96;

export function memoryBudget(capMiB = MEMORY_HARD_BUDGET_MIB): MemoryBudget {
  return { cell: new SharedArrayBuffer(4), capKiB: capMiB * 1024 };
}

export class MemoryLease {
  private readonly used: Int32Array;

  constructor(private readonly budget: MemoryBudget) {
    this.used = new Int32Array(budget.cell);
  }

  /** Waits (blocking this thread: workers only) until `bytes` fit in the budget, then takes them. Returns the KiB taken. */
  acquire(bytes: number): number {
    // Counted in KiB, at most the whole budget: a check larger than the budget takes all of it and runs alone.
    const kib = Math.min(Math.ceil(bytes / 1024), this.budget.capKiB);
    for (;;) {
      const now = Atomics.load(this.used, USED);
      if (now + kib <= this.budget.capKiB) {
        if (Atomics.compareExchange(this.used, USED, now, now + kib) === now) return kib;
        continue;
      }
      // Woken by a release; the timeout only guards against a lost wake-up.
      Atomics.wait(this.used, USED, now, 1_000);
    }
  }

  release(kib: number): void {
    Atomics.sub(this.used, USED, kib);
    Atomics.notify(this.used, USED);
  }

  /** KiB leased now, all workers together. */
  get leasedKiB(): number {
    return Atomics.load(this.used, USED);
  }
}
