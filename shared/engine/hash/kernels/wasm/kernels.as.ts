// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- AssemblyScript types (v128, u32, load…) are not TypeScript's
// @ts-nocheck — AssemblyScript, not TypeScript: compiled by asc (build/build-kernels.mjs), not by tsc.
// The portable tier's source: AssemblyScript compiled to WebAssembly SIMD (128 bits: 4 lanes of 32 bits) by
// build/build-kernels.mjs. MD5, MD4/NT, SHA-1 and SHA-256 run 4 candidates at a time; SHA-512 (2 lanes of 64
// bits would gain little) and long candidates run one at a time. The host writes the packed candidates at
// `scratch()`; digests come back at `out`. LM is left to the TypeScript reference in this tier.

const MD5_T: StaticArray<u32> = [
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af,
  0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa,
  0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
  0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
  0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244, 0x432aff97,
  0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
  0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391];
const MD5_R: StaticArray<i32> = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD4_G2: StaticArray<i32> = [0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15];
const MD4_G3: StaticArray<i32> = [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15];
const MD4_R: StaticArray<i32> = [3, 7, 11, 19, 3, 5, 9, 13, 3, 9, 11, 15];
const SHA256_K: StaticArray<u32> = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];
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

const MD5: i32 = 0, SHA1: i32 = 1, SHA256: i32 = 2, SHA512: i32 = 3, MD4: i32 = 4, NT: i32 = 5;

// Fixed work areas below the host's scratch space. ST holds the starting state (IV splats, or a chained
// state in lane 0) and receives the result.
const BLK: usize = memory.data(256, 16); // 16 words × 4 lanes, word-major
const ST: usize = memory.data(128, 16); // 8 state words × 4 lanes
const MSG: usize = memory.data(256, 16); // one lane's final block(s)
const W: usize = memory.data(640, 16); // SHA-512's message schedule
const S64: usize = memory.data(64, 16); // SHA-512's state
const SAVED_BLK: usize = memory.data(256, 16); // lanes already packed, kept while a long one runs
const LANE_INDEX: usize = memory.data(16, 16); // which candidate each lane holds
const LONG_CAP: i32 = 8192;
const LONG: usize = memory.data(LONG_CAP, 16); // one message, up to 8 KiB

/** Where the host may write its buffers: everything past the module's own data, 64-byte aligned. */
export function scratch(): usize {
  return (__heap_base + 63) & ~63;
}

function rol(x: v128, n: i32): v128 {
  return v128.or(i32x4.shl(x, n), i32x4.shr_u(x, 32 - n));
}
function ror(x: v128, n: i32): v128 {
  return v128.or(i32x4.shr_u(x, n), i32x4.shl(x, 32 - n));
}
function word(w: i32): v128 {
  return v128.load(BLK + (<usize>w << 4));
}
function splat(x: u32): v128 {
  return i32x4.splat(x);
}

function md5x4(): void {
  let a = v128.load(ST), b = v128.load(ST + 16), c = v128.load(ST + 32), d = v128.load(ST + 48);
  for (let i = 0; i < 64; i++) {
    let f: v128;
    let g: i32;
    if (i < 16) { f = v128.xor(d, v128.and(b, v128.xor(c, d))); g = i; }
    else if (i < 32) { f = v128.xor(c, v128.and(d, v128.xor(b, c))); g = (5 * i + 1) & 15; }
    else if (i < 48) { f = v128.xor(v128.xor(b, c), d); g = (3 * i + 5) & 15; }
    else { f = v128.xor(c, v128.or(b, v128.not(d))); g = (7 * i) & 15; }
    const t = i32x4.add(i32x4.add(a, f), i32x4.add(splat(unchecked(MD5_T[i])), word(g)));
    a = d; d = c; c = b;
    b = i32x4.add(b, rol(t, unchecked(MD5_R[(i >> 4) * 4 + (i & 3)])));
  }
  v128.store(ST, i32x4.add(a, v128.load(ST)));
  v128.store(ST + 16, i32x4.add(b, v128.load(ST + 16)));
  v128.store(ST + 32, i32x4.add(c, v128.load(ST + 32)));
  v128.store(ST + 48, i32x4.add(d, v128.load(ST + 48)));
}

function md4x4(): void {
  let a = v128.load(ST), b = v128.load(ST + 16), c = v128.load(ST + 32), d = v128.load(ST + 48);
  for (let i = 0; i < 48; i++) {
    let t: v128;
    if (i < 16) t = i32x4.add(i32x4.add(a, v128.or(v128.and(b, c), v128.andnot(d, b))), word(i));
    else if (i < 32) {
      const maj = v128.or(v128.or(v128.and(b, c), v128.and(b, d)), v128.and(c, d));
      t = i32x4.add(i32x4.add(a, maj), i32x4.add(word(unchecked(MD4_G2[i - 16])), splat(0x5a827999)));
    } else {
      t = i32x4.add(i32x4.add(a, v128.xor(v128.xor(b, c), d)), i32x4.add(word(unchecked(MD4_G3[i - 32])), splat(0x6ed9eba1)));
    }
    a = d; d = c; c = b;
    b = rol(t, unchecked(MD4_R[(i >> 4) * 4 + (i & 3)]));
  }
  v128.store(ST, i32x4.add(a, v128.load(ST)));
  v128.store(ST + 16, i32x4.add(b, v128.load(ST + 16)));
  v128.store(ST + 32, i32x4.add(c, v128.load(ST + 32)));
  v128.store(ST + 48, i32x4.add(d, v128.load(ST + 48)));
}

function sha1x4(): void {
  let a = v128.load(ST), b = v128.load(ST + 16), c = v128.load(ST + 32), d = v128.load(ST + 48), e = v128.load(ST + 64);
  for (let i = 0; i < 80; i++) {
    if (i >= 16) {
      const x = v128.xor(v128.xor(word((i - 3) & 15), word((i - 8) & 15)), v128.xor(word((i - 14) & 15), word(i & 15)));
      v128.store(BLK + (<usize>(i & 15) << 4), rol(x, 1));
    }
    let f: v128;
    let k: u32;
    if (i < 20) { f = v128.xor(d, v128.and(b, v128.xor(c, d))); k = 0x5a827999; }
    else if (i < 40) { f = v128.xor(v128.xor(b, c), d); k = 0x6ed9eba1; }
    else if (i < 60) { f = v128.or(v128.and(b, c), v128.and(d, v128.or(b, c))); k = 0x8f1bbcdc; }
    else { f = v128.xor(v128.xor(b, c), d); k = 0xca62c1d6; }
    const t = i32x4.add(i32x4.add(rol(a, 5), f), i32x4.add(i32x4.add(e, splat(k)), word(i & 15)));
    e = d; d = c; c = rol(b, 30); b = a; a = t;
  }
  v128.store(ST, i32x4.add(a, v128.load(ST)));
  v128.store(ST + 16, i32x4.add(b, v128.load(ST + 16)));
  v128.store(ST + 32, i32x4.add(c, v128.load(ST + 32)));
  v128.store(ST + 48, i32x4.add(d, v128.load(ST + 48)));
  v128.store(ST + 64, i32x4.add(e, v128.load(ST + 64)));
}

function sha256x4(): void {
  let a = v128.load(ST), b = v128.load(ST + 16), c = v128.load(ST + 32), d = v128.load(ST + 48);
  let e = v128.load(ST + 64), f = v128.load(ST + 80), g = v128.load(ST + 96), h = v128.load(ST + 112);
  for (let i = 0; i < 64; i++) {
    if (i >= 16) {
      const x = word((i - 15) & 15), y = word((i - 2) & 15);
      const s0 = v128.xor(v128.xor(ror(x, 7), ror(x, 18)), i32x4.shr_u(x, 3));
      const s1 = v128.xor(v128.xor(ror(y, 17), ror(y, 19)), i32x4.shr_u(y, 10));
      v128.store(BLK + (<usize>(i & 15) << 4), i32x4.add(i32x4.add(word(i & 15), s0), i32x4.add(word((i - 7) & 15), s1)));
    }
    const S1 = v128.xor(v128.xor(ror(e, 6), ror(e, 11)), ror(e, 25));
    const ch = v128.xor(g, v128.and(e, v128.xor(f, g)));
    const t1 = i32x4.add(i32x4.add(h, S1), i32x4.add(i32x4.add(ch, splat(unchecked(SHA256_K[i]))), word(i & 15)));
    const S0 = v128.xor(v128.xor(ror(a, 2), ror(a, 13)), ror(a, 22));
    const maj = v128.or(v128.and(a, b), v128.and(c, v128.or(a, b)));
    const t2 = i32x4.add(S0, maj);
    h = g; g = f; f = e; e = i32x4.add(d, t1); d = c; c = b; b = a; a = i32x4.add(t1, t2);
  }
  v128.store(ST, i32x4.add(a, v128.load(ST)));
  v128.store(ST + 16, i32x4.add(b, v128.load(ST + 16)));
  v128.store(ST + 32, i32x4.add(c, v128.load(ST + 32)));
  v128.store(ST + 48, i32x4.add(d, v128.load(ST + 48)));
  v128.store(ST + 64, i32x4.add(e, v128.load(ST + 64)));
  v128.store(ST + 80, i32x4.add(f, v128.load(ST + 80)));
  v128.store(ST + 96, i32x4.add(g, v128.load(ST + 96)));
  v128.store(ST + 112, i32x4.add(h, v128.load(ST + 112)));
}

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
  if (algo == MD5) md5x4(); else if (algo == SHA1) sha1x4(); else if (algo == SHA256) sha256x4(); else md4x4();
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
    while (filled < 4 && i < count) {
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
        hashOne(algo, LONG, len, out + <usize>i * n);
        memory.copy(BLK, SAVED_BLK, 256);
        i++;
        continue;
      }
      memory.fill(MSG, 0, 64);
      memory.copy(MSG, LONG, len);
      store<u8>(MSG + len, 0x80);
      for (let w = 0; w < 14; w++) {
        const v = load<u32>(MSG + (<usize>w << 2));
        store<u32>(BLK + (<usize>w << 4) + (<usize>filled << 2), little ? v : bswap<u32>(v));
      }
      store<u32>(BLK + (14 << 4) + (<usize>filled << 2), little ? <u32>(len << 3) : 0);
      store<u32>(BLK + (15 << 4) + (<usize>filled << 2), little ? 0 : <u32>(len << 3));
      store<i32>(LANE_INDEX + (<usize>filled << 2), i);
      filled++;
      i++;
    }
    if (!filled) continue;
    for (let w = 0; w < 8; w++) v128.store(ST + (<usize>w << 4), splat(ivWord(algo, w)));
    if (algo == MD5) md5x4(); else if (algo == SHA1) sha1x4(); else if (algo == SHA256) sha256x4(); else md4x4();
    for (let l = 0; l < filled; l++) {
      const dst = out + <usize>load<i32>(LANE_INDEX + (<usize>l << 2)) * n;
      for (let w = 0; w < (n >> 2); w++) {
        const v = load<u32>(ST + (<usize>w << 4) + (<usize>l << 2));
        store<u32>(dst + (<usize>w << 2), little ? v : bswap<u32>(v));
      }
    }
  }
}
