import { describe, expect, it } from 'vitest';
import { exportBlob, safeFileName } from './export-file.ts';

describe('exportBlob', () => {
  it('keeps text as UTF-8', async () => {
    const blob = exportBlob({ fileName: 'a.csv', mimeType: 'text/csv', encoding: 'utf8', data: 'élève;6A\n' });
    expect(blob.type).toBe('text/csv');
    expect(await blob.text()).toBe('élève;6A\n');
  });

  it('decodes base64 to bytes', async () => {
    const blob = exportBlob({ fileName: 'a.pdf', mimeType: 'application/pdf', encoding: 'base64', data: btoa('%PDF-1.4\n\u00ff') });
    expect([...new Uint8Array(await blob.arrayBuffer())].slice(-2)).toEqual([0x0a, 0xff]);
    expect(blob.size).toBe(10);
  });
});

describe('safeFileName', () => {
  it('drops folders and odd characters', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('rapport:"x".csv')).toBe('rapport__x_.csv');
    expect(safeFileName('..')).toBe('vigie-export');
  });
});
