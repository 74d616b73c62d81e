import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticPathFor } from './static-files.ts';

describe('staticPathFor', () => {
  const root = path.resolve('/srv/vigie/renderer');
  it('maps / to index.html and plain paths inside the root', () => {
    expect(staticPathFor(root, '/')).toBe(path.join(root, 'index.html'));
    expect(staticPathFor(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(staticPathFor(root, '/assets/caf%C3%A9.svg')).toBe(path.join(root, 'assets', 'café.svg'));
  });
  it('refuses .., encoded .., backslashes, NUL, dotfiles and bad escapes', () => {
    for (const p of ['/../etc/passwd', '/assets/../../x', '/%2e%2e/x', '/..%2fx', '/a\\..\\..\\x', '/a%5c..%5cx', '/x%00.js', '/.env', '/%E0%A4%A']) {
      expect(staticPathFor(root, p), p).toBeNull();
    }
  });
});
