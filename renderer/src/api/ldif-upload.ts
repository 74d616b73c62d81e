// An LDIF given by the Scan page's file picker or a drop, sent to the loopback host (issue #13 §7): a page cannot
// learn a file's path, so the host keeps a copy in the app's data folder (0600) and answers with its path, which
// the form scans like a typed one. Electron's host has no such route: there the path is typed (its dialog later).
import type { VigieApi } from '../../../shared/contract/index.ts';
import { LDIF_UPLOAD_PATH, MAX_LDIF_UPLOAD_BYTES, type LdifUpload } from '../../../shared/contract/upload.ts';
import { readHostError } from './host-error.ts';

export interface LdifUploader {
  uploadLdif(file: Blob, name: string): Promise<LdifUpload>;
}

export function canUploadLdif(api: VigieApi): api is VigieApi & LdifUploader {
  return typeof (api as Partial<LdifUploader>).uploadLdif === 'function';
}

export function tooLargeToUpload(file: Blob): boolean {
  return file.size > MAX_LDIF_UPLOAD_BYTES;
}

export const MAX_UPLOAD_MB = MAX_LDIF_UPLOAD_BYTES / (1024 * 1024);

export function ldifUploader(options: { origin: string; token: string | null; fetch?: typeof fetch }): LdifUploader {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  return {
    async uploadLdif(file, name) {
      const url = new URL(LDIF_UPLOAD_PATH, options.origin);
      url.searchParams.set('name', name);
      const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
      if (options.token !== null) headers.authorization = `Bearer ${options.token}`;
      let response: Response;
      try {
        response = await doFetch(url.toString(), { method: 'POST', headers, body: file });
      } catch {
        throw new Error('Vigie did not answer the upload: is vigie ui still running?');
      }
      if (!response.ok) throw await readHostError(response);
      return (await response.json()) as LdifUpload;
    },
  };
}
