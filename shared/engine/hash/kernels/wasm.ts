// The portable tier: WebAssembly SIMD (4 lanes), built from wasm/kernels.as.ts by build/build-kernels.mjs and
// committed as wasm/kernels.wasm, so Node, Electron and every laptop run it without a compiler. The lookup
// against targets runs here in JavaScript over the digests (a bitmap on the first word, then a full compare);
// LM and the crypt schemes use the reference code in this tier.
import { readFileSync } from 'node:fs';
import { CandidateBatch } from './batch.ts';
import { ALGORITHM_ID, DIGEST_LENGTH, type CryptKind, type HashKernel, type KernelAlgorithm, type SuffixSet, type TargetSet } from './kernel.ts';
import { expandProduct, plainSuffixes } from './product.ts';
import { referenceKernel } from './reference.ts';
import { packagePath } from '../../package-root.ts';

interface WasmExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  scratch(): number;
  digest(algo: number, buf: number, offs: number, count: number, salt: number, saltLength: number, out: number): void;
  product(algo: number, stems: number, stemOffs: number, stemCount: number, sfx: number, sfxOffs: number, sfxCount: number,
    startSuffix: number, count: number, salt: number, saltLength: number, bitmap: number, out: number): number;
}

/** The project's lib settings (ES2023, Node types) do not declare WebAssembly: the little used here, typed. */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const WASM_FILE = packagePath('shared', 'engine', 'hash', 'kernels', 'wasm', 'kernels.wasm');
const BITMAP_BITS = 20;

/** Pairs per call of the module's product; an output entry is 40 bytes (pair, kind, 32 digest bytes). */
const PRODUCT_CHUNK = 65536;
const ENTRY = 40;

/** Suffixes already encoded as the algorithm hashes them (NT: UTF-16LE), for the module's product. */
interface WasmSuffixes extends SuffixSet {
  encoded: Uint8Array;
  offsets: Uint32Array;
}

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
  /** What the product left in the scratch space (bitmap, then suffixes), so the next call of the same job reuses it. */
  let loaded: { targets: TargetSet; suffixes: SuffixSet } | null = null;

  function ensure(end: number): Uint8Array {
    const memory = exports.memory;
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / 65536));
    return new Uint8Array(memory.buffer);
  }

  /** The 32-bit algorithms' product, built in the module's lanes; long pairs go through `match`. */
  function wasmProduct(targets: WasmTargets, stems: CandidateBatch, suffixes: WasmSuffixes, start: number, count: number): number[] {
    const hits: number[] = [];
    const size = suffixes.size;
    const end = Math.min(start + count, stems.count * size);
    const { algorithm, bitmap, byWord } = targets;
    const length = DIGEST_LENGTH[algorithm];
    const saltLength = suffixes.salt?.length ?? 0;
    const bitmapAt = base;
    const sfxOffsAt = bitmapAt + bitmap.byteLength;
    const sfxAt = sfxOffsAt + 4 * (size + 1);
    const saltAt = sfxAt + suffixes.encoded.length;
    const stemOffsAt = (saltAt + saltLength + 3) & ~3;
    const long = new CandidateBatch(256);
    const longPairs: number[] = [];
    for (let first = start; first < end; first += PRODUCT_CHUNK) {
      // The bitmap and the suffixes, unless the last call left them there (matching long pairs overwrites them).
      if (!loaded || loaded.targets !== targets || loaded.suffixes !== suffixes) {
        const heap = ensure(stemOffsAt);
        heap.set(new Uint8Array(bitmap.buffer, bitmap.byteOffset, bitmap.byteLength), bitmapAt);
        heap.set(new Uint8Array(suffixes.offsets.buffer, suffixes.offsets.byteOffset, suffixes.offsets.byteLength), sfxOffsAt);
        heap.set(suffixes.encoded, sfxAt);
        if (suffixes.salt) heap.set(suffixes.salt, saltAt);
        loaded = { targets, suffixes };
      }
      const last = Math.min(first + PRODUCT_CHUNK, end);
      const s0 = Math.floor(first / size), s1 = Math.floor((last - 1) / size);
      const stemCount = s1 - s0 + 1;
      const o0 = stems.offsets[s0]!, stemBytes = stems.offsets[s1 + 1]! - o0;
      const stemsAt = stemOffsAt + 4 * (stemCount + 1);
      const outAt = (stemsAt + stemBytes + 63) & ~63;
      const heap = ensure(outAt + ENTRY * (last - first));
      const offsets = new Uint32Array(heap.buffer, stemOffsAt, stemCount + 1);
      for (let i = 0; i <= stemCount; i++) offsets[i] = stems.offsets[s0 + i]! - o0;
      heap.set(stems.bytes.subarray(o0, o0 + stemBytes), stemsAt);
      const entries = exports.product(ALGORITHM_ID[algorithm], stemsAt, stemOffsAt, stemCount, sfxAt, sfxOffsAt, size,
        first % size, last - first, saltAt, saltLength, bitmapAt, outAt);
      const view = new DataView(heap.buffer, outAt, entries * ENTRY);
      const bytes = new Uint8Array(heap.buffer, outAt, entries * ENTRY);
      // Every entry is read before the long pairs are matched: matching uses (and may grow) the same memory.
      for (let e = 0; e < entries; e++) {
        const at = e * ENTRY;
        const pair = first + view.getUint32(at, true);
        if (view.getUint32(at + 4, true) === 1) {
          longPairs.push(pair);
          continue;
        }
        const candidates = byWord.get(view.getUint32(at + 8, false));
        if (!candidates) continue;
        for (const d of candidates) {
          let same = true;
          for (let i = 4; i < length && same; i++) same = d[i] === bytes[at + 8 + i];
          if (same) {
            hits.push(pair);
            break;
          }
        }
      }
      for (let i = 0; i < longPairs.length; i += long.capacity) {
        const some = longPairs.slice(i, i + long.capacity);
        long.clear();
        for (const pair of some) long.push(stems.strings[Math.floor(pair / size)]! + suffixes.strings[pair % size]!);
        for (const j of k.match(targets, long, suffixes.salt)) hits.push(some[j]!);
      }
      longPairs.length = 0;
    }
    return hits.sort((a, b) => a - b);
  }

  /** Copies the batch (and salt) into the module's memory, runs it, returns a view of the digests. */
  function run(algorithm: KernelAlgorithm, batch: CandidateBatch, salt?: Uint8Array): Uint8Array {
    loaded = null; // the scratch space is overwritten: the product's bitmap and suffixes are no longer there
    const bytes = batch.offsets[batch.count]!;
    const saltLength = salt?.length ?? 0;
    const offs = base;
    const buf = offs + 4 * (batch.count + 1);
    const saltAt = buf + bytes;
    const out = (saltAt + saltLength + 63) & ~63;
    const end = out + batch.count * DIGEST_LENGTH[algorithm];
    const heap = ensure(end);
    heap.set(new Uint8Array(batch.offsets.buffer, batch.offsets.byteOffset, 4 * (batch.count + 1)), offs);
    heap.set(batch.bytes.subarray(0, bytes), buf);
    if (salt) heap.set(salt, saltAt);
    exports.digest(ALGORITHM_ID[algorithm], buf, offs, batch.count, saltAt, saltLength, out);
    return new Uint8Array(heap.buffer, out, batch.count * DIGEST_LENGTH[algorithm]);
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
    suffixes(algorithm: KernelAlgorithm, strings: readonly string[], salt?: Uint8Array): SuffixSet {
      const plain = plainSuffixes(algorithm, strings, salt);
      if (algorithm === 'SHA512') return plain;
      // As the other tiers hash them: UTF-8 (a lone surrogate becomes U+FFFD), NT's then as UTF-16LE.
      const parts = strings.map((x) => (algorithm === 'NT' ? Buffer.from(Buffer.from(x, 'utf8').toString('utf8'), 'utf16le') : Buffer.from(x, 'utf8')));
      const offsets = new Uint32Array(parts.length + 1);
      parts.forEach((part, i) => (offsets[i + 1] = offsets[i]! + part.length));
      const encoded: WasmSuffixes = { ...plain, encoded: Buffer.concat(parts), offsets };
      return encoded;
    },
    product(targets: TargetSet, stems: CandidateBatch, suffixes: SuffixSet, start: number, count: number): number[] {
      if ('encoded' in suffixes && targets.algorithm === suffixes.algorithm && suffixes.size > 0 && stems.count > 0)
        return wasmProduct(targets as WasmTargets, stems, suffixes as WasmSuffixes, start, count);
      return expandProduct(k, targets, stems, suffixes, start, count);
    },
  };
  return k;
}
