// MD4 (RFC 1320) in TypeScript: OpenSSL 3 hides it from node:crypto, and NT hashes need it in Node and Electron.
// Buffers are reused across calls so the NT hot loop does not allocate per candidate.

const block = new Uint32Array(16);
const state = new Uint32Array(4);
let padded = new Uint8Array(128);

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

function compress(words: Uint32Array): void {
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!;
  const x = words;
  // Round 1: F(b,c,d) = (b & c) | (~b & d)
  for (let i = 0; i < 16; i += 4) {
    a = rotl((a + ((b & c) | (~b & d)) + x[i]!) | 0, 3);
    d = rotl((d + ((a & b) | (~a & c)) + x[i + 1]!) | 0, 7);
    c = rotl((c + ((d & a) | (~d & b)) + x[i + 2]!) | 0, 11);
    b = rotl((b + ((c & d) | (~c & a)) + x[i + 3]!) | 0, 19);
  }
  // Round 2: G(b,c,d) = majority, constant 0x5a827999
  for (let i = 0; i < 4; i++) {
    a = rotl((a + ((b & c) | (b & d) | (c & d)) + x[i]! + 0x5a827999) | 0, 3);
    d = rotl((d + ((a & b) | (a & c) | (b & c)) + x[i + 4]! + 0x5a827999) | 0, 5);
    c = rotl((c + ((d & a) | (d & b) | (a & b)) + x[i + 8]! + 0x5a827999) | 0, 9);
    b = rotl((b + ((c & d) | (c & a) | (d & a)) + x[i + 12]! + 0x5a827999) | 0, 13);
  }
  // Round 3: H = b ^ c ^ d, constant 0x6ed9eba1, word order 0 8 4 12 2 10 6 14 1 9 5 13 3 11 7 15
  for (const i of ROUND3_ORDER) {
    a = rotl((a + (b ^ c ^ d) + x[i]! + 0x6ed9eba1) | 0, 3);
    d = rotl((d + (a ^ b ^ c) + x[i + 8]! + 0x6ed9eba1) | 0, 9);
    c = rotl((c + (d ^ a ^ b) + x[i + 4]! + 0x6ed9eba1) | 0, 11);
    b = rotl((b + (c ^ d ^ a) + x[i + 12]! + 0x6ed9eba1) | 0, 15);
  }
  state[0] = state[0]! + a;
  state[1] = state[1]! + b;
  state[2] = state[2]! + c;
  state[3] = state[3]! + d;
}
const ROUND3_ORDER = [0, 2, 1, 3] as const;

/**
 * MD4 of `length` bytes of `input`, written as 16 bytes into `out` (both reused by hot callers).
 */
export function md4Into(input: Uint8Array, length: number, out: Uint8Array): void {
  const total = ((length + 8) >>> 6) * 64 + 64;
  if (padded.length < total) padded = new Uint8Array(total * 2);
  padded.set(input.subarray(0, length));
  padded.fill(0, length, total);
  padded[length] = 0x80;
  const bits = length * 8;
  padded[total - 8] = bits & 0xff;
  padded[total - 7] = (bits >>> 8) & 0xff;
  padded[total - 6] = (bits >>> 16) & 0xff;
  padded[total - 5] = (bits >>> 24) & 0xff;
  padded[total - 4] = Math.floor(length / 0x20000000) & 0xff;
  state[0] = 0x67452301; state[1] = 0xefcdab89; state[2] = 0x98badcfe; state[3] = 0x10325476;
  for (let offset = 0; offset < total; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const p = offset + i * 4;
      block[i] = padded[p]! | (padded[p + 1]! << 8) | (padded[p + 2]! << 16) | (padded[p + 3]! << 24);
    }
    compress(block);
  }
  for (let i = 0; i < 4; i++) {
    const s = state[i]!;
    out[i * 4] = s & 0xff;
    out[i * 4 + 1] = (s >>> 8) & 0xff;
    out[i * 4 + 2] = (s >>> 16) & 0xff;
    out[i * 4 + 3] = (s >>> 24) & 0xff;
  }
}

export function md4(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  md4Into(input, input.length, out);
  return out;
}
