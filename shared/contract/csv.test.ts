import { describe, expect, it } from 'vitest';
import { csvField } from './csv.ts';

describe('csvField', () => {
  it('neutralises what a spreadsheet would run as a formula', () => {
    for (const value of ['=HYPERLINK("x")', '+33', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvField(value).startsWith("'") || csvField(value).startsWith('"\'')).toBe(true);
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('élève')).toBe('élève');
  });

  it('quotes the separator in use, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a,b', ';')).toBe('a,b');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a;b')).toBe('a;b');
    expect(csvField('dit "non"', ';')).toBe('"dit ""non"""');
    expect(csvField('deux\nlignes', ';')).toBe('"deux\nlignes"');
    expect(csvField('=a;b', ';')).toBe('"\'=a;b"');
  });
});
