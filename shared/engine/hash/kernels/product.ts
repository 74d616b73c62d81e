// Stems × suffixes for the tiers without a product kernel of their own (wasm, reference): the pairs are
// concatenated into ordinary batches and matched. The native tier builds them in its lanes instead.
import { CandidateBatch } from './batch.ts';
import type { HashKernel, KernelAlgorithm, SuffixSet, TargetSet } from './kernel.ts';

const CHUNK = 4096;

export function plainSuffixes(algorithm: KernelAlgorithm, suffixes: readonly string[], salt?: Uint8Array): SuffixSet {
  if (algorithm === 'LM') throw new RangeError('no stems × suffixes product for LM');
  return { algorithm, size: suffixes.length, strings: suffixes, salt };
}

export function expandProduct(k: Pick<HashKernel, 'match'>, targets: TargetSet, stems: CandidateBatch, suffixes: SuffixSet, start: number, count: number): number[] {
  const hits: number[] = [];
  const size = suffixes.size;
  if (size === 0 || stems.count === 0) return hits;
  const end = Math.min(start + count, stems.count * size);
  const batch = new CandidateBatch(CHUNK);
  for (let first = start; first < end; first += CHUNK) {
    batch.clear();
    const last = Math.min(first + CHUNK, end);
    for (let p = first; p < last; p++) batch.push(stems.strings[Math.floor(p / size)]! + suffixes.strings[p % size]!);
    for (const i of k.match(targets, batch, suffixes.salt)) hits.push(first + i);
  }
  return hits;
}
