// The portable tier: WebAssembly SIMD (4 lanes), built from wasm/kernels.as.ts by build/build-kernels.mjs and
// committed as wasm/kernels.wasm, so Node, Electron and every laptop run it without a compiler. The lookup
// against targets runs here in JavaScript over the digests (a bitmap on the first word, then a full compare);
// LM and the crypt schemes use the reference code in this tier.
import { readFileSync } from 'node:fs';
import type { CandidateBatch } from './batch.ts';
import { ALGORITHM_ID, DIGEST_LENGTH, type CryptKind, type HashKernel, type KernelAlgorithm, type SuffixSet, type TargetSet } from './kernel.ts';
import { expandProduct, plainSuffixes } from './product.ts';
import { referenceKernel } from './reference.ts';
import { packagePath } from '../../package-root.ts';

interface WasmExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  scratch(): number;
  digest(algo: number, buf: number, offs: number, count: number, salt: number, saltLength: number, out: number): void;
}

/** The project's lib settings (ES2023, Node types) do not declare WebAssembly: the little used here, typed. */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const WASM_FILE = packagePath('shared', 'engine', 'hash', 'kernels', 'wasm', 'kernels.wasm');
const BITMAP_BITS = 20;

interface WasmTargets extends TargetSet {
  bitmap: Uint32Array;
  /** Full digests by their first 32-bit word (big-endian). */
  byWord: Map<number, Uint8Array[]>;
}

function firstWord(d: Uint8Array, at: number): number {
  return ((d[at]! << 24) | (d[at + 1]! << 16) | (d[at + 2]! << 8) | d[at + 3]!) >>> 0;
}

export function loadWasmKernel(): HashKernel | null {
  let exports: WasmExports;
  try {
    const module = new wasmApi.Module(readFileSync(WASM_FILE));
    const env = { abort: (): never => { throw new Error('wasm kernel aborted'); } };
    exports = new wasmApi.Instance(module, { env }).exports as unknown as WasmExports;
  } catch {
    // No SIMD (a very old runtime) or the file is missing: the reference tier takes over.
    return null;
  }
  const reference = referenceKernel();
  const base = exports.scratch();

  /** Copies the batch (and salt) into the module's memory, runs it, returns a view of the digests. */
  function run(algorithm: KernelAlgorithm, batch: CandidateBatch, salt?: Uint8Array): Uint8Array {
    const bytes = batch.offsets[batch.count]!;
    const saltLength = salt?.length ?? 0;
    const offs = base;
    const buf = offs + 4 * (batch.count + 1);
    const saltAt = buf + bytes;
    const out = (saltAt + saltLength + 63) & ~63;
    const end = out + batch.count * DIGEST_LENGTH[algorithm];
    const memory = exports.memory;
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / 65536));
    const heap = new Uint8Array(memory.buffer);
    heap.set(new Uint8Array(batch.offsets.buffer, batch.offsets.byteOffset, 4 * (batch.count + 1)), offs);
    heap.set(batch.bytes.subarray(0, bytes), buf);
    if (salt) heap.set(salt, saltAt);
    exports.digest(ALGORITHM_ID[algorithm], buf, offs, batch.count, saltAt, saltLength, out);
    return new Uint8Array(memory.buffer, out, batch.count * DIGEST_LENGTH[algorithm]);
  }

  let hits = new Uint32Array(4096);
  const k: HashKernel = {
    tier: 'wasm',
    isa: 'wasm-simd128',
    digest(algorithm: KernelAlgorithm, batch: CandidateBatch, salt?: Uint8Array): Uint8Array {
      if (algorithm === 'LM') return reference.digest(algorithm, batch, salt);
      return run(algorithm, batch, salt).slice();
    },
    targets(algorithm: KernelAlgorithm, digests: readonly Uint8Array[]): WasmTargets {
      if (algorithm === 'LM') return { ...reference.targets(algorithm, digests), bitmap: new Uint32Array(0), byWord: new Map() };
      const bitmap = new Uint32Array(1 << (BITMAP_BITS - 5));
      const byWord = new Map<number, Uint8Array[]>();
      for (const d of digests) {
        const w = firstWord(d, 0);
        const slot = w >>> (32 - BITMAP_BITS);
        bitmap[slot >>> 5]! |= 1 << (slot & 31);
        const list = byWord.get(w);
        if (list) list.push(d);
        else byWord.set(w, [d]);
      }
      return { algorithm, size: digests.length, bitmap, byWord };
    },
    match(targets: TargetSet, batch: CandidateBatch, salt?: Uint8Array): Uint32Array {
      if (targets.algorithm === 'LM') return reference.match(targets, batch, salt);
      const { bitmap, byWord, algorithm } = targets as WasmTargets;
      const length = DIGEST_LENGTH[algorithm];
      const digests = run(algorithm, batch, salt);
      if (hits.length < batch.count) hits = new Uint32Array(batch.count);
      let n = 0;
      for (let i = 0; i < batch.count; i++) {
        const at = i * length;
        const w = firstWord(digests, at);
        const slot = w >>> (32 - BITMAP_BITS);
        if (!((bitmap[slot >>> 5]! >>> (slot & 31)) & 1)) continue;
        const candidates = byWord.get(w);
        if (!candidates) continue;
        for (const d of candidates) {
          let same = true;
          for (let k = 4; k < length && same; k++) same = d[k] === digests[at + k];
          if (same) {
            hits[n++] = i;
            break;
          }
        }
      }
      return hits.subarray(0, n);
    },
    crypt(kind: CryptKind, batch: CandidateBatch, salt: string, rounds: number, hash: string): number {
      return reference.crypt(kind, batch, salt, rounds, hash);
    },
    suffixes: plainSuffixes,
    product(targets: TargetSet, stems: CandidateBatch, suffixes: SuffixSet, start: number, count: number): number[] {
      return expandProduct(k, targets, stems, suffixes, start, count);
    },
  };
  return k;
}
