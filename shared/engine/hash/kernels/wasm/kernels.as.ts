// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- AssemblyScript types (v128, u32, load…) are not TypeScript's
// @ts-nocheck — AssemblyScript, not TypeScript: compiled by asc (build/build-kernels.mjs), not by tsc.
// The portable tier's source: AssemblyScript compiled to WebAssembly SIMD (128 bits: 4 lanes of 32 bits) by
// build/build-kernels.mjs. MD5, MD4/NT, SHA-1 and SHA-256 run 8 candidates a call (two groups of 4 lanes; MD5
// and MD4 interleave the two, see rounds.ts); SHA-512 (2 lanes of 64 bits would gain little) and long candidates
// run one at a time. The host writes the packed candidates at `scratch()`; digests come back at `out`. `product`
// builds stems × suffixes in the lanes itself and tests each digest's first word against the host's bitmap. LM is
// left to the TypeScript reference in this tier.

const SHA256_IV: StaticArray<u32> = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const SHA512_K: StaticArray<u64> = [
  0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538, 0x59f111f1b605d019,
  0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
  0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3,
  0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65, 0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
  0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
  0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
  0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b, 0xa2bfe8a14cf10364, 0xa81a664bbc423001,
  0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
  0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb,
  0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
  0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c, 0xd186b8c721c0c207,
  0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
  0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a,
  0x5fcb6fab3ad6faec, 0x6c44198c4a475817];
const SHA512_IV: StaticArray<u64> = [0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
  0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179];

import { md4x4, md4x8, md5x4, md5x8, sha1x4, sha256x4 } from './rounds';

const MD5: i32 = 0, SHA1: i32 = 1, SHA256: i32 = 2, SHA512: i32 = 3, MD4: i32 = 4, NT: i32 = 5;

// Fixed work areas below the host's scratch space. ST holds the starting state (IV splats, or a chained
// state in lane 0) and receives the result.
const BLK: usize = memory.data(256, 16); // 16 words × 4 lanes, word-major
const ST: usize = memory.data(128, 16); // 8 state words × 4 lanes
const BLK2: usize = memory.data(256, 16); // lanes 4 … 7
const ST2: usize = memory.data(128, 16);
const MSG: usize = memory.data(256, 16); // one lane's final block(s)
const W: usize = memory.data(640, 16); // SHA-512's message schedule
const S64: usize = memory.data(64, 16); // SHA-512's state
const SAVED_BLK: usize = memory.data(512, 16); // lanes already packed (BLK, BLK2), kept while a long one runs
const LANE_INDEX: usize = memory.data(32, 16); // which candidate each lane holds
const LONG_CAP: i32 = 8192;
const LONG: usize = memory.data(LONG_CAP, 16); // one message, up to 8 KiB

/** Where the host may write its buffers: everything past the module's own data, 64-byte aligned. */
export function scratch(): usize {
  return (__heap_base + 63) & ~63;
}

function splat(x: u32): v128 {
  return i32x4.splat(x);
}

/** Hashes the lanes filled (1 … 8): the first 4 from BLK into ST, the next 4 from BLK2 into ST2. */
function hashLanes(algo: i32, filled: i32): void {
  const two = filled > 4;
  for (let w = 0; w < 8; w++) {
    const iv = splat(ivWord(algo, w));
    v128.store(ST + (<usize>w << 4), iv);
    if (two) v128.store(ST2 + (<usize>w << 4), iv);
  }
  if (algo == MD5) { if (two) md5x8(BLK, ST, BLK2, ST2); else md5x4(BLK, ST); }
  else if (algo == SHA1) { sha1x4(BLK, ST); if (two) sha1x4(BLK2, ST2); }
  else if (algo == SHA256) { sha256x4(BLK, ST); if (two) sha256x4(BLK2, ST2); }
  else { if (two) md4x8(BLK, ST, BLK2, ST2); else md4x4(BLK, ST); }
}

/** The padded message of `len` bytes at MSG into lane `l`'s block, word-major, with its bit length; `index` is
 * what the lane holds (a candidate, a pair). */
function packLane(l: i32, len: i32, little: bool, index: u32): void {
  const lane = laneBlk(l);
  for (let w = 0; w < 14; w++) {
    const v = load<u32>(MSG + (<usize>w << 2));
    store<u32>(lane + (<usize>w << 4), little ? v : bswap<u32>(v));
  }
  store<u32>(lane + (14 << 4), little ? <u32>(len << 3) : 0);
  store<u32>(lane + (15 << 4), little ? 0 : <u32>(len << 3));
  store<u32>(LANE_INDEX + (<usize>l << 2), index);
}

/** Where lane l (0 … 7) of the blocks and of the states is. */
function laneBlk(l: i32): usize { return (l < 4 ? BLK : BLK2) + (<usize>(l & 3) << 2); }
function laneSt(l: i32): usize { return (l < 4 ? ST : ST2) + (<usize>(l & 3) << 2); }

// ---- one candidate at a time: SHA-512, and candidates longer than one block ----

function rotr64(x: u64, n: u64): u64 { return (x >>> n) | (x << (64 - n)); }

function sha512Block(p: usize): void {
  for (let i = 0; i < 16; i++) store<u64>(W + (<usize>i << 3), bswap<u64>(load<u64>(p + (<usize>i << 3))));
  for (let i = 16; i < 80; i++) {
    const x = load<u64>(W + (<usize>(i - 15) << 3)), y = load<u64>(W + (<usize>(i - 2) << 3));
    const s0 = rotr64(x, 1) ^ rotr64(x, 8) ^ (x >>> 7), s1 = rotr64(y, 19) ^ rotr64(y, 61) ^ (y >>> 6);
    store<u64>(W + (<usize>i << 3), load<u64>(W + (<usize>(i - 16) << 3)) + s0 + load<u64>(W + (<usize>(i - 7) << 3)) + s1);
  }
  let a = load<u64>(S64), b = load<u64>(S64 + 8), c = load<u64>(S64 + 16), d = load<u64>(S64 + 24);
  let e = load<u64>(S64 + 32), f = load<u64>(S64 + 40), g = load<u64>(S64 + 48), h = load<u64>(S64 + 56);
  for (let i = 0; i < 80; i++) {
    const t1 = h + (rotr64(e, 14) ^ rotr64(e, 18) ^ rotr64(e, 41)) + (g ^ (e & (f ^ g))) + unchecked(SHA512_K[i]) + load<u64>(W + (<usize>i << 3));
    const t2 = (rotr64(a, 28) ^ rotr64(a, 34) ^ rotr64(a, 39)) + ((a & b) | (c & (a | b)));
    h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  store<u64>(S64, load<u64>(S64) + a); store<u64>(S64 + 8, load<u64>(S64 + 8) + b);
  store<u64>(S64 + 16, load<u64>(S64 + 16) + c); store<u64>(S64 + 24, load<u64>(S64 + 24) + d);
  store<u64>(S64 + 32, load<u64>(S64 + 32) + e); store<u64>(S64 + 40, load<u64>(S64 + 40) + f);
  store<u64>(S64 + 48, load<u64>(S64 + 48) + g); store<u64>(S64 + 56, load<u64>(S64 + 56) + h);
}

function littleEndian(algo: i32): bool { return algo == MD5 || algo == MD4 || algo == NT; }

function ivWord(algo: i32, w: i32): u32 {
  if (algo == SHA256) return SHA256_IV[w];
  return w == 0 ? 0x67452301 : w == 1 ? 0xefcdab89 : w == 2 ? 0x98badcfe : w == 3 ? 0x10325476 : 0xc3d2e1f0;
}

/** One 64-byte block into lane 0 of the 4-lane code (the other lanes idle). */
function block32(algo: i32, p: usize): void {
  const little = littleEndian(algo);
  for (let w = 0; w < 16; w++) {
    const v = load<u32>(p + (<usize>w << 2));
    store<u32>(BLK + (<usize>w << 4), little ? v : bswap<u32>(v));
  }
  if (algo == MD5) md5x4(BLK, ST); else if (algo == SHA1) sha1x4(BLK, ST); else if (algo == SHA256) sha256x4(BLK, ST); else md4x4(BLK, ST);
}

function digestLength(algo: i32): i32 {
  return algo == SHA1 ? 20 : algo == SHA256 ? 32 : algo == SHA512 ? 64 : 16;
}

/** Any length, one candidate: the message at p, the digest to out. */
function hashOne(algo: i32, p: usize, len: i32, out: usize): void {
  const wide = algo == SHA512;
  const size = wide ? 128 : 64;
  if (wide) for (let w = 0; w < 8; w++) store<u64>(S64 + (<usize>w << 3), SHA512_IV[w]);
  else for (let w = 0; w < 8; w++) store<u32>(ST + (<usize>w << 4), ivWord(algo, w));
  let done = 0;
  for (; done + size <= len; done += size) {
    if (wide) sha512Block(p + done); else block32(algo, p + done);
  }
  const rest = len - done;
  memory.fill(MSG, 0, 256);
  memory.copy(MSG, p + done, rest);
  store<u8>(MSG + rest, 0x80);
  let last = MSG + size;
  if (rest >= size - (wide ? 16 : 8)) {
    if (wide) sha512Block(MSG); else block32(algo, MSG);
    last = MSG + 2 * size;
  } else last = MSG + size;
  const bits: u64 = <u64>len << 3;
  if (littleEndian(algo)) store<u64>(last - 8, bits); else store<u64>(last - 8, bswap<u64>(bits));
  if (wide) sha512Block(last - size); else block32(algo, last - size);
  const n = digestLength(algo);
  if (wide) {
    for (let w = 0; w < 8; w++) store<u64>(out + (<usize>w << 3), bswap<u64>(load<u64>(S64 + (<usize>w << 3))));
  } else {
    for (let w = 0; w < (n >> 2); w++) {
      const v = load<u32>(ST + (<usize>w << 4));
      store<u32>(out + (<usize>w << 2), littleEndian(algo) ? v : bswap<u32>(v));
    }
  }
}

/** UTF-8 to UTF-16LE at dst; returns the byte length or -1 when malformed or longer than cap. */
function utf16le(src: usize, n: i32, dst: usize, cap: i32): i32 {
  let o = 0;
  for (let i = 0; i < n;) {
    let cp: u32 = load<u8>(src + i);
    const extra = cp < 0x80 ? 0 : cp < 0xe0 ? 1 : cp < 0xf0 ? 2 : 3;
    if (extra) {
      if (i + extra >= n) return -1;
      cp &= 0x3f >> extra;
    }
    for (let k = 1; k <= extra; k++) cp = (cp << 6) | (load<u8>(src + i + k) & 0x3f);
    i += extra + 1;
    if (cp >= 0x10000) {
      if (o + 4 > cap) return -1;
      cp -= 0x10000;
      store<u16>(dst + o, 0xd800 | (cp >> 10));
      store<u16>(dst + o + 2, 0xdc00 | (cp & 0x3ff));
      o += 4;
    } else {
      if (o + 2 > cap) return -1;
      store<u16>(dst + o, cp);
      o += 2;
    }
  }
  return o;
}

/**
 * Digests of `count` candidates: bytes at buf, offsets (u32, count + 1) at offs, `salt` appended to each;
 * `count × digest length` bytes written at out.
 */
export function digest(algo: i32, buf: usize, offs: usize, count: i32, salt: usize, saltLength: i32, out: usize): void {
  const n = digestLength(algo);
  const little = littleEndian(algo);
  const longCap = LONG_CAP;
  for (let i = 0; i < count;) {
    let filled = 0;
    while (filled < 8 && i < count) {
      const start = load<u32>(offs + (<usize>i << 2));
      const length = <i32>(load<u32>(offs + (<usize>(i + 1) << 2)) - start);
      let len: i32;
      if (algo == NT) len = utf16le(buf + start, length, LONG, longCap - saltLength);
      else if (length <= longCap - saltLength) { memory.copy(LONG, buf + start, length); len = length; }
      else len = -1;
      if (len < 0) { memory.fill(out + <usize>i * n, 0, n); i++; continue; }
      memory.copy(LONG + len, salt, saltLength);
      len += saltLength;
      if (algo == SHA512 || len > 55) {
        // The one-at-a-time path runs in lane 0 of the same work area: keep the lanes packed so far.
        memory.copy(SAVED_BLK, BLK, 256);
        memory.copy(SAVED_BLK + 256, BLK2, 256);
        hashOne(algo, LONG, len, out + <usize>i * n);
        memory.copy(BLK, SAVED_BLK, 256);
        memory.copy(BLK2, SAVED_BLK + 256, 256);
        i++;
        continue;
      }
      memory.fill(MSG, 0, 64);
      memory.copy(MSG, LONG, len);
      store<u8>(MSG + len, 0x80);
      packLane(filled, len, little, i);
      filled++;
      i++;
    }
    if (!filled) continue;
    hashLanes(algo, filled);
    for (let l = 0; l < filled; l++) {
      const dst = out + <usize>load<i32>(LANE_INDEX + (<usize>l << 2)) * n;
      const st = laneSt(l);
      for (let w = 0; w < (n >> 2); w++) {
        const v = load<u32>(st + (<usize>w << 4));
        store<u32>(dst + (<usize>w << 2), little ? v : bswap<u32>(v));
      }
    }
  }
}

// ---- stems × suffixes (hashcat's hybrid attack), built in the lanes ----

const STEM: usize = memory.data(128, 16); // the current stem, encoded (NT: UTF-16LE)
const ENTRY: i32 = 40; // an entry of product's output: u32 pair (from the first), u32 kind, 32 digest bytes

/**
 * Checks `count` pairs, from stem 0 and suffix `startSuffix`, of `stemCount` stems (UTF-8 at stems, offsets
 * (u32, stemCount + 1) at stemOffs) × `sfxCount` suffixes (already encoded for the algorithm — NT: UTF-16LE —
 * at sfx, offsets at sfxOffs), `salt` appended; 32-bit algorithms only (not SHA-512). Writes an entry at `out`
 * for each pair whose digest's first word (big-endian) is in the bitmap (2^20 bits, u32 words at `bitmap`):
 * kind 0 with the digest, for the host to compare in full — and for each pair that does not fit in one block or
 * whose stem is not valid UTF-8: kind 1, for the host to check the ordinary way. Returns the number of entries.
 */
export function product(algo: i32, stems: usize, stemOffs: usize, stemCount: i32, sfx: usize, sfxOffs: usize, sfxCount: i32,
  startSuffix: i32, count: i32, salt: usize, saltLength: i32, bitmap: usize, out: usize): i32 {
  const n = digestLength(algo);
  const little = littleEndian(algo);
  let entries = 0;
  let stem = 0, suffix = startSuffix, left = count, pair = 0;
  let stemLength = -1;
  let loaded = -1;
  while (left > 0 && stem < stemCount) {
    let filled = 0;
    while (filled < 8 && left > 0 && stem < stemCount) {
      if (loaded != stem) {
        const s0 = load<u32>(stemOffs + (<usize>stem << 2));
        const sl = <i32>(load<u32>(stemOffs + (<usize>(stem + 1) << 2)) - s0);
        memory.fill(STEM, 0, 128);
        if (algo == NT) stemLength = utf16le(stems + s0, sl, STEM, 56);
        else if (sl <= 56) { memory.copy(STEM, stems + s0, sl); stemLength = sl; }
        else stemLength = -1;
        loaded = stem;
      }
      const x0 = load<u32>(sfxOffs + (<usize>suffix << 2));
      const xl = <i32>(load<u32>(sfxOffs + (<usize>(suffix + 1) << 2)) - x0);
      const len = stemLength + xl + saltLength;
      if (stemLength < 0 || len > 55) {
        store<u32>(out + <usize>entries * ENTRY, pair);
        store<u32>(out + <usize>entries * ENTRY + 4, 1);
        entries++;
      } else {
        // The message: the stem's words (zeros after it), then suffix, salt and pad byte written over them.
        v128.store(MSG, v128.load(STEM));
        v128.store(MSG, v128.load(STEM, 16), 16);
        v128.store(MSG, v128.load(STEM, 32), 32);
        v128.store(MSG, v128.load(STEM, 48), 48);
        let at = MSG + stemLength;
        const from = sfx + x0;
        for (let k = 0; k < xl; k++) store<u8>(at + k, load<u8>(from + k));
        at += xl;
        for (let k = 0; k < saltLength; k++) store<u8>(at + k, load<u8>(salt + k));
        store<u8>(at + saltLength, 0x80);
        packLane(filled, len, little, pair);
        filled++;
      }
      pair++;
      left--;
      suffix++;
      if (suffix >= sfxCount) { suffix = 0; stem++; }
    }
    if (!filled) continue;
    hashLanes(algo, filled);
    for (let l = 0; l < filled; l++) {
      const st = laneSt(l);
      const v0 = load<u32>(st);
      const first = little ? bswap<u32>(v0) : v0;
      const slot = first >>> 12;
      if (!((load<u32>(bitmap + (<usize>(slot >>> 5) << 2)) >>> (slot & 31)) & 1)) continue;
      const at = out + <usize>entries * ENTRY;
      store<u32>(at, load<u32>(LANE_INDEX + (<usize>l << 2)));
      store<u32>(at + 4, 0);
      for (let w = 0; w < (n >> 2); w++) {
        const v = load<u32>(st + (<usize>w << 4));
        store<u32>(at + 8 + (<usize>w << 2), little ? v : bswap<u32>(v));
      }
      entries++;
    }
  }
  return entries;
}
