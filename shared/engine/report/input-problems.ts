// The input's own problems (issue #15 §4): counted all, listed up to a cap, in the order they were met. A problem
// names where it is (LDIF line, DN, attribute), never a value: no password, no hash ever goes in one.
import type { InputProblemKind } from '../../contract/codes.ts';
import type { InputProblem, InputProblems } from '../../contract/report.ts';

/** How many problems a report lists; beyond, they are counted only. */
export const LISTED_INPUT_PROBLEMS = 200;

export class InputProblemLog {
  private total = 0;
  private readonly byKind: Partial<Record<InputProblemKind, number>> = {};
  private readonly listed: InputProblem[] = [];

  constructor(private readonly cap = LISTED_INPUT_PROBLEMS) {}

  add(problem: InputProblem): void {
    this.total += 1;
    this.byKind[problem.kind] = (this.byKind[problem.kind] ?? 0) + 1;
    if (this.listed.length < this.cap) this.listed.push(problem);
  }

  /** Another log's problems, after this one's: its counts whole, its list as far as the cap allows. */
  merge(other: InputProblems): void {
    this.total += other.total;
    for (const [kind, n] of Object.entries(other.byKind) as [InputProblemKind, number][]) this.byKind[kind] = (this.byKind[kind] ?? 0) + n;
    for (const p of other.listed) if (this.listed.length < this.cap) this.listed.push(p);
  }

  get size(): number {
    return this.total;
  }

  finish(): InputProblems {
    return { total: this.total, byKind: { ...this.byKind }, listed: [...this.listed] };
  }
}
