// The reference tier: the schemes' own TypeScript and node:crypto, one candidate at a time. The ground truth the
// fast tiers are tested against, and the last fallback.
import { createHash } from 'node:crypto';
import { md4 } from '../primitives/md4.ts';
import { md5crypt } from '../schemes/md5crypt.ts';
import { lmHex, LM_IMPOSSIBLE } from '../schemes/lm.ts';
import { sha256crypt, sha512crypt } from '../schemes/sha-crypt.ts';
import type { ReadableScheme } from '../schemes/readable-scheme.ts';
import type { CandidateBatch } from './batch.ts';
import { DIGEST_LENGTH, type CryptKind, type HashKernel, type KernelAlgorithm, type SuffixSet, type TargetSet } from './kernel.ts';
import { expandProduct, plainSuffixes } from './product.ts';

const NODE_NAME: Partial<Record<KernelAlgorithm, string>> = { MD5: 'md5', SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };
const CRYPT_SCHEME: Record<CryptKind, ReadableScheme> = { MD5CRYPT: md5crypt, SHA256CRYPT: sha256crypt, SHA512CRYPT: sha512crypt };
const CRYPT_ID: Record<CryptKind, string> = { MD5CRYPT: '1', SHA256CRYPT: '5', SHA512CRYPT: '6' };

/** One candidate's digest by the reference code. */
export function referenceDigest(algorithm: KernelAlgorithm, candidate: string, salt?: Uint8Array): Uint8Array {
  const node = NODE_NAME[algorithm];
  if (node) {
    const h = createHash(node).update(candidate, 'utf8');
    if (salt) h.update(salt);
    return h.digest();
  }
  if (algorithm === 'LM') {
    const hex = lmHex(candidate);
    return hex === LM_IMPOSSIBLE ? new Uint8Array(16) : Buffer.from(hex, 'hex');
  }
  let bytes: Uint8Array = algorithm === 'NT' ? Buffer.from(candidate, 'utf16le') : Buffer.from(candidate, 'utf8');
  if (salt) bytes = Buffer.concat([bytes, salt]);
  return md4(bytes);
}

interface ReferenceTargets extends TargetSet {
  keys: Set<string>;
}

export function referenceKernel(): HashKernel {
  const k: HashKernel = {
    tier: 'reference',
    isa: 'js',
    digest(algorithm: KernelAlgorithm, batch: CandidateBatch, salt?: Uint8Array): Uint8Array {
      const length = DIGEST_LENGTH[algorithm];
      const out = new Uint8Array(batch.count * length);
      batch.strings.forEach((c, i) => out.set(referenceDigest(algorithm, c, salt), i * length));
      return out;
    },
    targets(algorithm: KernelAlgorithm, digests: readonly Uint8Array[]): ReferenceTargets {
      return { algorithm, size: digests.length, keys: new Set(digests.map((d) => Buffer.from(d).toString('hex'))) };
    },
    match(targets: TargetSet, batch: CandidateBatch, salt?: Uint8Array): Uint32Array {
      const { keys, algorithm } = targets as ReferenceTargets;
      const hits: number[] = [];
      batch.strings.forEach((c, i) => {
        if (algorithm === 'LM' && lmHex(c) === LM_IMPOSSIBLE) return;
        if (keys.has(Buffer.from(referenceDigest(algorithm, c, salt)).toString('hex'))) hits.push(i);
      });
      return Uint32Array.from(hits);
    },
    crypt(kind: CryptKind, batch: CandidateBatch, salt: string, rounds: number, hash: string): number {
      const scheme = CRYPT_SCHEME[kind];
      const setting = kind === 'MD5CRYPT' ? `$1$${salt}$` : `$${CRYPT_ID[kind]}$rounds=${rounds}$${salt}$`;
      const parsed = scheme.read(setting + hash);
      if (parsed === null) return -1;
      return batch.strings.findIndex((c) => scheme.verify(parsed, c) === true);
    },
    suffixes: plainSuffixes,
    product(targets: TargetSet, stems: CandidateBatch, suffixes: SuffixSet, start: number, count: number): number[] {
      return expandProduct(k, targets, stems, suffixes, start, count);
    },
  };
  return k;
}
