import { describe, expect, it } from 'vitest';
import { printRequestOf } from './print-mode.ts';

describe('printRequestOf', () => {
  it('reads the report and language Electron asks to print', () => {
    expect(printRequestOf('app://vigie/index.html?print=r-123&lang=en')).toEqual({ reportId: 'r-123', language: 'en' });
    expect(printRequestOf('app://vigie/index.html?print=r-123')).toEqual({ reportId: 'r-123', language: 'fr' });
  });

  it('ignores a normal start and an id the API would refuse', () => {
    expect(printRequestOf('app://vigie/index.html')).toBeNull();
    expect(printRequestOf('app://vigie/index.html?print=../../etc')).toBeNull();
  });
});
