// Accounts that share a password: identical unsalted stored values, or equal recovered passwords
// (compared by the run's keyed fingerprint, never by the password itself).

/** Union-find over account indexes. */
class Groups {
  private readonly parent = new Map<number, number>();
  find(a: number): number {
    let root = a;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let x = a;
    while (x !== root) {
      const next = this.parent.get(x) ?? root;
      this.parent.set(x, root);
      x = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (!this.parent.has(ra)) this.parent.set(ra, ra);
    if (ra !== rb) this.parent.set(rb, ra);
  }
  members(): number[] {
    return [...this.parent.keys()];
  }
}

/**
 * Groups of ≥ 2 accounts sharing a password. `keys` are equality keys per account: e.g. "MD5:<digest>"
 * or "fp:<fingerprint>"; accounts with an equal key end up in one group. Groups are numbered from 1,
 * largest first (ties in account order), so the same directory gives the same numbers.
 */
export function sharedPasswordGroups(keys: Iterable<{ index: number; key: string }>): Map<number, { groupId: number; size: number }> {
  const groups = new PasswordGroups();
  for (const { index, key } of keys) groups.key(index, key);
  return groups.numbered();
}

/**
 * The same grouping, fed as the audit learns it: pairs it already knows share (equal stored digests, found side
 * by side in the sorted digest index) and equality keys (recovered passwords' fingerprints).
 */
export class PasswordGroups {
  private readonly groups = new Groups();
  private readonly first = new Map<string, number>();

  same(a: number, b: number): void {
    this.groups.union(a, b);
  }

  key(index: number, key: string): void {
    const seen = this.first.get(key);
    if (seen === undefined) this.first.set(key, index);
    else this.groups.union(seen, index);
  }

  /** Numbered from 1, largest first, ties in account order. */
  numbered(): Map<number, { groupId: number; size: number }> {
    const byRoot = new Map<number, number[]>();
    for (const m of this.groups.members()) {
      const r = this.groups.find(m);
      const list = byRoot.get(r) ?? byRoot.set(r, []).get(r)!;
      list.push(m);
    }
    const sorted = [...byRoot.values()]
      .filter((g) => g.length > 1)
      .map((g) => g.sort((a, b) => a - b))
      .sort((a, b) => b.length - a.length || a[0]! - b[0]!);
    const out = new Map<number, { groupId: number; size: number }>();
    sorted.forEach((g, i) => {
      for (const m of g) out.set(m, { groupId: i + 1, size: g.length });
    });
    return out;
  }
}

/** Each group's accounts, by group id, from `numbered()`'s account → group map. */
export function groupMembers(numbered: ReadonlyMap<number, { groupId: number }>): Map<number, number[]> {
  const members = new Map<number, number[]>();
  for (const [i, g] of numbered) (members.get(g.groupId) ?? members.set(g.groupId, []).get(g.groupId)!).push(i);
  return members;
}
