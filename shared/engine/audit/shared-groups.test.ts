import { describe, expect, it } from 'vitest';
import { sharedPasswordGroups } from './shared-groups.ts';

describe('sharedPasswordGroups', () => {
  it('groups accounts with equal keys, transitively across key kinds, largest group first', () => {
    const g = sharedPasswordGroups([
      { index: 0, key: 'MD5:aa' },
      { index: 1, key: 'MD5:aa' },
      { index: 1, key: 'NT:bb' },
      { index: 2, key: 'NT:bb' },
      { index: 3, key: 'fp:x' },
      { index: 4, key: 'fp:x' },
      { index: 5, key: 'MD5:cc' },
    ]);
    expect(g.get(0)).toEqual({ groupId: 1, size: 3 });
    expect(g.get(2)).toEqual({ groupId: 1, size: 3 });
    expect(g.get(3)).toEqual({ groupId: 2, size: 2 });
    expect(g.get(4)).toEqual({ groupId: 2, size: 2 });
    expect(g.has(5)).toBe(false);
  });

  it('returns nothing when every password is different', () => {
    expect(sharedPasswordGroups([{ index: 0, key: 'a' }, { index: 1, key: 'b' }]).size).toBe(0);
  });
});
