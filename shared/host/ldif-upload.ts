// The loopback host's side of an LDIF given by a file picker or a drop (issue #13 §7): the request's body streamed
// into `<data folder>/uploads/`, a folder only its owner opens (0700), as a file only its owner reads (0600),
// never over MAX_LDIF_UPLOAD_BYTES. A name is made here (date, random part, the file's own name made safe): the
// client's name never chooses a path. A refused or broken upload leaves no file behind.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, unlink } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { MAX_LDIF_UPLOAD_BYTES, type LdifUpload } from '../contract/upload.ts';

export class UploadRefused extends Error {
  constructor(readonly status: 400 | 413, message: string) {
    super(message);
  }
}

/** The uploads' folder in a data folder. */
export function ldifUploadDir(dataDir: string): string {
  return path.join(dataDir, 'uploads');
}

/** « Annuaire Collège (2026).ldif » → "Annuaire-College-2026-.ldif": letters, digits, . _ - only, 80 at most. */
export function safeUploadName(name: string | null): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(-80);
  return clean === '' ? 'annuaire.ldif' : clean;
}

export async function receiveLdifUpload(req: IncomingMessage, dir: string, name: string | null, limit = MAX_LDIF_UPLOAD_BYTES): Promise<LdifUpload> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new UploadRefused(413, tooLarge(limit));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const file = path.join(dir, `${stamp}-${randomBytes(4).toString('hex')}-${safeUploadName(name)}`);
  const handle = await open(file, 'wx', 0o600);
  let bytes = 0;
  let kept = false;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > limit) throw new UploadRefused(413, tooLarge(limit));
      await handle.write(chunk);
    }
    if (!req.complete) throw new UploadRefused(400, 'the upload was cut short: send the file again');
    if (bytes === 0) throw new UploadRefused(400, 'the file is empty: nothing to audit');
    kept = true;
    return { file, bytes };
  } finally {
    await handle.close();
    if (!kept) await unlink(file).catch(() => undefined);
  }
}

function tooLarge(limit: number): string {
  return `file too large: the limit is ${limit / (1024 * 1024)} MB — give its path instead`;
}
