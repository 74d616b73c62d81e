// An export as something the browser can save: a Blob with the right type.
import type { ExportFile } from '../../../shared/contract/index.ts';

export function exportBlob(file: ExportFile): Blob {
  if (file.encoding === 'utf8') return new Blob([file.data], { type: file.mimeType });
  const binary = atob(file.data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: file.mimeType });
}

/** A file name safe to offer in a download attribute: no folders, no control characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return clean === '' || clean === '.' || clean === '..' ? 'vigie-export' : clean;
}
