// yescrypt's KDF in TypeScript, following Openwall's reference implementation (yescrypt-ref.c): scrypt's
// structure (PBKDF2-SHA256, SMix over salsa20 BlockMix) with the read-write mode's pwxform S-boxes, the
// pre-hashing of large N, and the final SCRAM-like ClientKey/StoredKey step. Only the pwxform flavour libxcrypt
// uses ($y$j…: rounds 6, gather 4, simple 2, 12 KiB S-boxes) is supported, plus classic scrypt (flags 0).
// Slow by design and slower still in JavaScript: when the native addon is loaded (native/src/yescrypt.c, the
// same algorithm), SMix runs there, ≈ 10 times faster; this TypeScript stays the fallback and the yardstick.
import { createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import { kernel } from '../kernels/index.ts';
import { loadAddon } from '../kernels/native.ts';

export const YESCRYPT_RW = 0x002;
/** libxcrypt's YESCRYPT_DEFAULTS: RW | ROUNDS_6 | GATHER_4 | SIMPLE_2 | SBOX_12K. */
export const YESCRYPT_DEFAULTS = 0x0b6;
const YESCRYPT_WORM = 0x001;
const YESCRYPT_PREHASH = 0x10000000;

export interface YescryptParams {
  flags: number;
  N: number;
  r: number;
  p: number;
  t: number;
}

const PWX_SIMPLE = 2;
const PWX_GATHER = 4;
const PWX_ROUNDS = 6;
const SWIDTH = 8;
const PWX_WORDS = 16;
/** S-box size in 32-bit words: three boxes of 2^Swidth pairs of 64-bit lanes. */
const S_WORDS = (3 * (1 << SWIDTH) * PWX_SIMPLE * 8) / 4;
const S_MASK = ((1 << SWIDTH) - 1) * PWX_SIMPLE * 8;
const W_MASK = (1 << SWIDTH) * PWX_SIMPLE - 1;

export function isSupportedFlavour(flags: number): boolean {
  return flags === 0 || flags === YESCRYPT_WORM || flags === YESCRYPT_DEFAULTS;
}

const x = new Uint32Array(16);

/** Salsa20 core on a block kept in the reference's "SIMD shuffled" word order. */
function salsa20(B: Uint32Array, offset: number, rounds: number): void {
  for (let i = 0; i < 16; i++) x[(i * 5) % 16] = B[offset + i]!;
  let x0 = x[0]!, x1 = x[1]!, x2 = x[2]!, x3 = x[3]!, x4 = x[4]!, x5 = x[5]!, x6 = x[6]!, x7 = x[7]!;
  let x8 = x[8]!, x9 = x[9]!, x10 = x[10]!, x11 = x[11]!, x12 = x[12]!, x13 = x[13]!, x14 = x[14]!, x15 = x[15]!;
  let u: number;
  for (let i = 0; i < rounds; i += 2) {
    u = (x0 + x12) | 0; x4 ^= (u << 7) | (u >>> 25);
    u = (x4 + x0) | 0; x8 ^= (u << 9) | (u >>> 23);
    u = (x8 + x4) | 0; x12 ^= (u << 13) | (u >>> 19);
    u = (x12 + x8) | 0; x0 ^= (u << 18) | (u >>> 14);
    u = (x5 + x1) | 0; x9 ^= (u << 7) | (u >>> 25);
    u = (x9 + x5) | 0; x13 ^= (u << 9) | (u >>> 23);
    u = (x13 + x9) | 0; x1 ^= (u << 13) | (u >>> 19);
    u = (x1 + x13) | 0; x5 ^= (u << 18) | (u >>> 14);
    u = (x10 + x6) | 0; x14 ^= (u << 7) | (u >>> 25);
    u = (x14 + x10) | 0; x2 ^= (u << 9) | (u >>> 23);
    u = (x2 + x14) | 0; x6 ^= (u << 13) | (u >>> 19);
    u = (x6 + x2) | 0; x10 ^= (u << 18) | (u >>> 14);
    u = (x15 + x11) | 0; x3 ^= (u << 7) | (u >>> 25);
    u = (x3 + x15) | 0; x7 ^= (u << 9) | (u >>> 23);
    u = (x7 + x3) | 0; x11 ^= (u << 13) | (u >>> 19);
    u = (x11 + x7) | 0; x15 ^= (u << 18) | (u >>> 14);
    u = (x0 + x3) | 0; x1 ^= (u << 7) | (u >>> 25);
    u = (x1 + x0) | 0; x2 ^= (u << 9) | (u >>> 23);
    u = (x2 + x1) | 0; x3 ^= (u << 13) | (u >>> 19);
    u = (x3 + x2) | 0; x0 ^= (u << 18) | (u >>> 14);
    u = (x5 + x4) | 0; x6 ^= (u << 7) | (u >>> 25);
    u = (x6 + x5) | 0; x7 ^= (u << 9) | (u >>> 23);
    u = (x7 + x6) | 0; x4 ^= (u << 13) | (u >>> 19);
    u = (x4 + x7) | 0; x5 ^= (u << 18) | (u >>> 14);
    u = (x10 + x9) | 0; x11 ^= (u << 7) | (u >>> 25);
    u = (x11 + x10) | 0; x8 ^= (u << 9) | (u >>> 23);
    u = (x8 + x11) | 0; x9 ^= (u << 13) | (u >>> 19);
    u = (x9 + x8) | 0; x10 ^= (u << 18) | (u >>> 14);
    u = (x15 + x14) | 0; x12 ^= (u << 7) | (u >>> 25);
    u = (x12 + x15) | 0; x13 ^= (u << 9) | (u >>> 23);
    u = (x13 + x12) | 0; x14 ^= (u << 13) | (u >>> 19);
    u = (x14 + x13) | 0; x15 ^= (u << 18) | (u >>> 14);
  }
  x[0] = x0; x[1] = x1; x[2] = x2; x[3] = x3; x[4] = x4; x[5] = x5; x[6] = x6; x[7] = x7;
  x[8] = x8; x[9] = x9; x[10] = x10; x[11] = x11; x[12] = x12; x[13] = x13; x[14] = x14; x[15] = x15;
  for (let i = 0; i < 16; i++) B[offset + i] = (B[offset + i]! + x[(i * 5) % 16]!) | 0;
}

const mixX = new Uint32Array(16);

function blockmixSalsa8(B: Uint32Array, Y: Uint32Array, r: number): void {
  mixX.set(B.subarray((2 * r - 1) * 16, 2 * r * 16));
  for (let i = 0; i < 2 * r; i++) {
    for (let k = 0; k < 16; k++) mixX[k]! ^= B[i * 16 + k]!;
    salsa20(mixX, 0, 8);
    Y.set(mixX, i * 16);
  }
  for (let i = 0; i < r; i++) B.set(Y.subarray(i * 2 * 16, i * 2 * 16 + 16), i * 16);
  for (let i = 0; i < r; i++) B.set(Y.subarray((i * 2 + 1) * 16, (i * 2 + 1) * 16 + 16), (i + r) * 16);
}

/** pwxform's state: the S-box words and where S0, S1, S2 start (word offsets), and the write index. */
interface PwxformContext {
  S: Uint32Array;
  s0: number;
  s1: number;
  s2: number;
  w: number;
}

const TWO32 = 0x100000000;

function pwxform(B: Uint32Array, ctx: PwxformContext): void {
  const S = ctx.S;
  const s0 = ctx.s0, s1 = ctx.s1, s2 = ctx.s2;
  let w = ctx.w;
  for (let i = 0; i < PWX_ROUNDS; i++) {
    const store = i !== 0 && i !== PWX_ROUNDS - 1;
    for (let j = 0; j < PWX_GATHER; j++) {
      const base = j * PWX_SIMPLE * 2;
      const p0 = s0 + ((B[base]! & S_MASK) >>> 2);
      const p1 = s1 + ((B[base + 1]! & S_MASK) >>> 2);
      for (let k = 0; k < PWX_SIMPLE; k++) {
        const at = base + k * 2;
        const xl = B[at]! >>> 0, xh = B[at + 1]! >>> 0;
        // 64-bit (xh * xl + s0) ^ s1 in 32-bit halves: Math.imul gives the low word, 16-bit limbs the high one.
        const a0 = xh & 0xffff, a1 = xh >>> 16, b0 = xl & 0xffff, b1 = xl >>> 16;
        const p01 = a0 * b1, p10 = a1 * b0;
        const carry = (((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff)) >>> 16;
        let hi = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + carry;
        const lo = (Math.imul(xh, xl) >>> 0) + (S[p0 + 2 * k]! >>> 0);
        hi = hi + (S[p0 + 2 * k + 1]! >>> 0) + (lo >= TWO32 ? 1 : 0);
        const outLo = (lo ^ S[p1 + 2 * k]!) >>> 0;
        const outHi = (hi ^ S[p1 + 2 * k + 1]!) >>> 0;
        B[at] = outLo;
        B[at + 1] = outHi;
        if (store) {
          S[s2 + 2 * w] = outLo;
          S[s2 + 2 * w + 1] = outHi;
          w++;
        }
      }
    }
  }
  ctx.s0 = s2;
  ctx.s1 = s0;
  ctx.s2 = s1;
  ctx.w = w & W_MASK;
}

const pwxY = new Uint32Array(PWX_WORDS);

function blockmixPwxform(B: Uint32Array, ctx: PwxformContext, r: number): void {
  const r1 = (128 * r) / 64;
  pwxY.set(B.subarray((r1 - 1) * PWX_WORDS, r1 * PWX_WORDS));
  for (let i = 0; i < r1; i++) {
    if (r1 > 1) for (let k = 0; k < PWX_WORDS; k++) pwxY[k]! ^= B[i * PWX_WORDS + k]!;
    pwxform(pwxY, ctx);
    B.set(pwxY, i * PWX_WORDS);
  }
  let i = r1 - 1;
  salsa20(B, i * 16, 2);
  for (i++; i < 2 * r; i++) {
    for (let k = 0; k < 16; k++) B[i * 16 + k]! ^= B[(i - 1) * 16 + k]!;
    salsa20(B, i * 16, 2);
  }
}

/** Low 32 bits of Integerify(X): all that N ≤ 2^32 needs. */
function integerify(X: Uint32Array, r: number): number {
  return X[(2 * r - 1) * 16]! >>> 0;
}

function p2floor(v: number): number {
  let p = 1;
  while (p * 2 <= v) p *= 2;
  return p;
}

function wrap(v: number, i: number): number {
  const n = p2floor(i);
  return (v & (n - 1)) + (i - n);
}

function blockmix(X: Uint32Array, Y: Uint32Array, ctx: PwxformContext | null, r: number): void {
  if (ctx) blockmixPwxform(X, ctx, r);
  else blockmixSalsa8(X, Y, r);
}

function shuffleIn(B: Uint32Array, offset: number, X: Uint32Array, r: number): void {
  for (let k = 0; k < 2 * r; k++) for (let i = 0; i < 16; i++) X[k * 16 + i] = B[offset + k * 16 + ((i * 5) % 16)]!;
}

function shuffleOut(X: Uint32Array, B: Uint32Array, offset: number, r: number): void {
  for (let k = 0; k < 2 * r; k++) for (let i = 0; i < 16; i++) B[offset + k * 16 + ((i * 5) % 16)] = X[k * 16 + i]!;
}

function smix1(B: Uint32Array, offset: number, r: number, N: number, flags: number, V: Uint32Array, vOffset: number,
  X: Uint32Array, Y: Uint32Array, ctx: PwxformContext | null): void {
  const s = 32 * r;
  shuffleIn(B, offset, X, r);
  for (let i = 0; i < N; i++) {
    V.set(X.subarray(0, s), vOffset + i * s);
    if (flags & YESCRYPT_RW && i > 1) {
      const j = wrap(integerify(X, r), i);
      const at = vOffset + j * s;
      for (let k = 0; k < s; k++) X[k]! ^= V[at + k]!;
    }
    blockmix(X, Y, ctx, r);
  }
  shuffleOut(X, B, offset, r);
}

function smix2(B: Uint32Array, offset: number, r: number, N: number, nLoop: number, flags: number, V: Uint32Array,
  vOffset: number, X: Uint32Array, Y: Uint32Array, ctx: PwxformContext | null): void {
  const s = 32 * r;
  shuffleIn(B, offset, X, r);
  for (let i = 0; i < nLoop; i++) {
    const j = integerify(X, r) & (N - 1);
    const at = vOffset + j * s;
    for (let k = 0; k < s; k++) X[k]! ^= V[at + k]!;
    if (flags & YESCRYPT_RW) V.set(X.subarray(0, s), at);
    blockmix(X, Y, ctx, r);
  }
  shuffleOut(X, B, offset, r);
}

function wordsToBytes(words: Uint32Array, from = 0, count = words.length - from): Buffer {
  const out = Buffer.alloc(count * 4);
  for (let i = 0; i < count; i++) out.writeUInt32LE(words[from + i]! >>> 0, i * 4);
  return out;
}

function bytesToWords(bytes: Uint8Array, words: Uint32Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
}

function smix(B: Uint32Array, r: number, N: number, p: number, t: number, flags: number, V: Uint32Array,
  X: Uint32Array, Y: Uint32Array, contexts: PwxformContext[], passwd: { value: Buffer }): void {
  const s = 32 * r;
  let nChunk = Math.floor(N / p);
  let nLoopAll = nChunk;
  if (flags & YESCRYPT_RW) {
    if (t <= 1) {
      if (t) nLoopAll *= 2;
      nLoopAll = Math.floor((nLoopAll + 2) / 3);
    } else {
      nLoopAll *= t - 1;
    }
  } else if (t) {
    if (t === 1) nLoopAll += Math.floor((nLoopAll + 1) / 2);
    nLoopAll *= t;
  }
  let nLoopRw = flags & YESCRYPT_RW ? Math.floor(nLoopAll / p) : 0;
  nChunk -= nChunk % 2;
  nLoopAll += nLoopAll % 2;
  nLoopRw += nLoopRw % 2;

  for (let i = 0, vChunk = 0; i < p; i++, vChunk += nChunk) {
    const np = i < p - 1 ? nChunk : N - vChunk;
    let ctx: PwxformContext | null = null;
    if (flags & YESCRYPT_RW) {
      ctx = contexts[i]!;
      // The S-boxes come from a plain scrypt SMix1 of this block (r = 1, Sbytes / 128 blocks).
      smix1(B, i * s, 1, (S_WORDS * 4) / 128, 0, ctx.S, 0, X, Y, null);
      ctx.s2 = 0;
      ctx.s1 = (1 << SWIDTH) * PWX_SIMPLE * 2;
      ctx.s0 = 2 * ctx.s1;
      ctx.w = 0;
      if (i === 0) {
        passwd.value = createHmac('sha256', wordsToBytes(B, i * s + s - 16, 16)).update(passwd.value.subarray(0, 32)).digest();
      }
    }
    smix1(B, i * s, r, np, flags, V, vChunk * s, X, Y, ctx);
    smix2(B, i * s, r, p2floor(np), nLoopRw, flags, V, vChunk * s, X, Y, ctx);
  }
  for (let i = 0; i < p; i++) {
    smix2(B, i * s, r, N, nLoopAll - nLoopRw, flags & ~YESCRYPT_RW, V, 0, X, Y, flags & YESCRYPT_RW ? contexts[i]! : null);
  }
}

interface YescryptAddon {
  yescryptSmix(B: Uint8Array, N: number, r: number, p: number, t: number, flags: number, passwd: Uint8Array, tmto?: number): void;
}

let nativeSmix: YescryptAddon | null | undefined;

/** The addon's SMix when this process runs the native tier (VIGIE_KERNEL may force another) and it has one. */
export function nativeYescrypt(): YescryptAddon | null {
  if (nativeSmix === undefined) {
    const addon = kernel().tier === 'native' ? (loadAddon() as Partial<YescryptAddon> | null) : null;
    nativeSmix = typeof addon?.yescryptSmix === 'function' ? (addon as YescryptAddon) : null;
  }
  return nativeSmix;
}

/** Forces the TypeScript SMix (true) or the best available (false): tests compare the two. */
export function useTypeScriptYescrypt(force: boolean): void {
  nativeSmix = force ? null : undefined;
}

function kdfBody(password: Buffer, salt: Uint8Array, params: YescryptParams, length: number): Buffer {
  const { flags, N, r, p, t } = params;
  let passwd = password;
  if (flags) {
    passwd = createHmac('sha256', flags & YESCRYPT_PREHASH ? 'yescrypt-prehash' : 'yescrypt').update(passwd).digest();
  }
  const bBytes = pbkdf2Sync(passwd, salt, 1, 128 * r * p, 'sha256');
  // The reference keeps `passwd` in a buffer that now takes B's first 32 bytes and that SMix may rewrite.
  const state = { value: flags ? Buffer.from(bBytes.subarray(0, 32)) : passwd };
  const native = nativeYescrypt();
  if (native) {
    native.yescryptSmix(bBytes, N, r, p, t, flags, flags ? state.value : Buffer.alloc(32));
    return finish(state.value, bBytes, flags, length);
  }
  const B = new Uint32Array(32 * r * p);
  bytesToWords(bBytes, B);
  const V = new Uint32Array(32 * r * N);
  const X = new Uint32Array(32 * r);
  const Y = new Uint32Array(32 * r);
  if (flags & YESCRYPT_RW) {
    const contexts: PwxformContext[] = [];
    for (let i = 0; i < p; i++) contexts.push({ S: new Uint32Array(S_WORDS), s0: 0, s1: 0, s2: 0, w: 0 });
    smix(B, r, N, p, t, flags, V, X, Y, contexts, state);
  } else {
    for (let i = 0; i < p; i++) {
      const one = B.subarray(32 * r * i, 32 * r * (i + 1));
      smix(one, r, N, 1, t, flags, V, X, Y, [], state);
    }
  }
  return finish(state.value, wordsToBytes(B), flags, length);
}

function finish(passwd: Buffer, B: Uint8Array, flags: number, length: number): Buffer {
  const out = pbkdf2Sync(passwd, B, 1, length, 'sha256');
  if (flags && !(flags & YESCRYPT_PREHASH)) {
    const clientKey = createHmac('sha256', out.subarray(0, 32)).update('Client Key').digest();
    return createHash('sha256').update(clientKey).digest().subarray(0, Math.min(length, 32));
  }
  return out;
}

/** yescrypt_kdf: the 32-byte result for a password and a decoded salt. */
export function yescryptKdf(password: Buffer, salt: Uint8Array, params: YescryptParams): Buffer {
  let passwd = password;
  const { flags, N, r, p } = params;
  if (flags & YESCRYPT_RW && p >= 1 && N / p >= 0x100 && (N / p) * r >= 0x20000) {
    passwd = kdfBody(passwd, salt, { ...params, flags: flags | YESCRYPT_PREHASH, N: N / 64, t: 0 }, 32);
  }
  return kdfBody(passwd, salt, params, 32);
}

/**
 * Classic scrypt (yescrypt with flags 0) through the native SMix, keeping one block of V in `tmto` (hashcat's
 * time-memory trade-off): a tmto-th of the memory for more time. Null when the addon is not in use here.
 */
export function nativeScrypt(password: Buffer, salt: Uint8Array, N: number, r: number, p: number, length: number, tmto: number): Buffer | null {
  const native = nativeYescrypt();
  if (!native) return null;
  const B = pbkdf2Sync(password, salt, 1, 128 * r * p, 'sha256');
  native.yescryptSmix(B, N, r, p, 0, 0, Buffer.alloc(32), tmto);
  return pbkdf2Sync(password, B, 1, length, 'sha256');
}
