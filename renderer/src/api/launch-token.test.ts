import { describe, expect, it } from 'vitest';
import { sessionLaunchToken, takeLaunchToken, TOKEN_STORAGE_KEY } from './launch-token.ts';

describe('takeLaunchToken', () => {
  it('takes the token and keeps the rest of the address', () => {
    const taken = takeLaunchToken('http://127.0.0.1:4312/?lang=en&token=abc123#summary');
    expect(taken.token).toBe('abc123');
    expect(taken.cleanUrl).toBe('http://127.0.0.1:4312/?lang=en#summary');
  });

  it('leaves an address without a token alone', () => {
    expect(takeLaunchToken('app://vigie/index.html')).toEqual({ token: null, cleanUrl: null });
  });

  it('treats an empty token as none but still cleans the address', () => {
    expect(takeLaunchToken('http://127.0.0.1:1/?token=')).toEqual({ token: null, cleanUrl: 'http://127.0.0.1:1/' });
  });
});

describe('sessionLaunchToken', () => {
  const memory = () => {
    const items = new Map<string, string>();
    return { items, getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
  };

  it('keeps the token of the address for the tab, and finds it again after a reload', () => {
    const storage = memory();
    expect(sessionLaunchToken('http://127.0.0.1:4312/?token=abc123', storage)).toEqual({ token: 'abc123', cleanUrl: 'http://127.0.0.1:4312/' });
    expect(storage.items.get(TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(sessionLaunchToken('http://127.0.0.1:4312/', storage)).toEqual({ token: 'abc123', cleanUrl: null });
  });

  it('prefers a new token in the address over the kept one', () => {
    const storage = memory();
    storage.setItem(TOKEN_STORAGE_KEY, 'old');
    expect(sessionLaunchToken('http://127.0.0.1:4312/?token=new', storage).token).toBe('new');
    expect(storage.items.get(TOKEN_STORAGE_KEY)).toBe('new');
  });

  it('works in memory only where storage is refused or absent', () => {
    const refusing = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('SecurityError'); } };
    expect(sessionLaunchToken('http://127.0.0.1:1/?token=t', refusing).token).toBe('t');
    expect(sessionLaunchToken('http://127.0.0.1:1/', refusing).token).toBeNull();
    expect(sessionLaunchToken('http://127.0.0.1:1/', null).token).toBeNull();
  });
});
