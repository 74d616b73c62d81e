import { describe, expect, it } from 'vitest';
import { takeLaunchToken } from './launch-token.ts';

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
