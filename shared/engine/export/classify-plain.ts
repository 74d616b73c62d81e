// Names the pattern of a password cracked offline with the same families the audit uses: empty, then the
// account's personal candidates, then the school's words and common passwords. The deep lists are searched
// whatever the report's depth: a cracked password belongs to a family wherever it sits in it.
import type { CandidateFamilyId } from '../../contract/codes.ts';
import { accountCandidates, globalCandidates } from '../candidates/index.ts';
import type { AccountRecord, SchoolContext } from '../directory/model.ts';

export interface PlainPattern {
  family: CandidateFamilyId;
  patternId: string;
}

export class PlainClassifier {
  private global: Map<string, PlainPattern> | null = null;
  private folded: Map<string, PlainPattern> | null = null;

  constructor(private readonly school: SchoolContext) {}

  /**
   * `caseFolded`: the plain came from LM, which keeps only the upper-cased password; candidates are compared
   * upper-cased too.
   */
  classify(plain: string, account: AccountRecord, caseFolded = false): PlainPattern | null {
    const key = (p: string): string => (caseFolded ? p.toUpperCase() : p);
    if (plain === '') return { family: 'empty', patternId: 'empty' };
    for (const c of accountCandidates(account, this.school, 'deep')) {
      if (key(c.password) === plain) return { family: c.family, patternId: c.patternId };
    }
    return this.globalPatterns(caseFolded).get(plain) ?? null;
  }

  private globalPatterns(caseFolded: boolean): Map<string, PlainPattern> {
    if (!this.global) {
      this.global = new Map();
      for (const c of globalCandidates(this.school, 'deep')) {
        if (!this.global.has(c.password)) this.global.set(c.password, { family: c.family, patternId: c.patternId });
      }
    }
    if (!caseFolded) return this.global;
    if (!this.folded) {
      // LM keeps no case: the password was most likely typed in lower case ("motdepasse", a common password, not
      // the school default "MOTDEPASSE"), so lower-case candidates name it first, then the others in family order.
      this.folded = new Map();
      for (const lowerFirst of [true, false]) {
        for (const [p, pattern] of this.global) {
          if ((p === p.toLowerCase()) !== lowerFirst) continue;
          if (!this.folded.has(p.toUpperCase())) this.folded.set(p.toUpperCase(), pattern);
        }
      }
    }
    return this.folded;
  }
}
