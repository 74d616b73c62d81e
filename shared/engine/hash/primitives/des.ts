// DES (FIPS 46-3) in TypeScript: OpenSSL 3 hides it from node:crypto, and LM hashes and traditional crypt(3)
// need it in Node and Electron. Blocks are two 32-bit halves; permutations are per-chunk lookup tables, the
// S-boxes are merged with P, and crypt(3)'s 12-bit salt swaps expansion bits 0–11 with 24–35.

const IP = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
  57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
];
const FP = [
  40, 8, 48, 16, 56, 24, 64, 32, 39, 7, 47, 15, 55, 23, 63, 31, 38, 6, 46, 14, 54, 22, 62, 30, 37, 5, 45, 13, 53, 21, 61, 29,
  36, 4, 44, 12, 52, 20, 60, 28, 35, 3, 43, 11, 51, 19, 59, 27, 34, 2, 42, 10, 50, 18, 58, 26, 33, 1, 41, 9, 49, 17, 57, 25,
];
const E = [
  32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17,
  16, 17, 18, 19, 20, 21, 20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1,
];
const P = [16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25];
const PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
  63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];
const PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
  41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];
const SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
const S = [
  [14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
    4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13],
  [15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
    0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9],
  [10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
    13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12],
  [7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
    10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14],
  [2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
    4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3],
  [12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
    9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13],
  [4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
    1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12],
  [13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
    7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11],
];

/**
 * A bit permutation (1-based input positions per output bit, MSB first) applied chunk by chunk: the input is
 * two words of `inWordBits` bits, the output two words of `outWordBits` bits.
 */
class BitPermutation {
  private readonly first: Uint32Array;
  private readonly second: Uint32Array;
  private readonly chunks: number;
  private readonly chunksPerWord: number;
  out0 = 0;
  out1 = 0;

  constructor(
    map: readonly number[], private readonly inWordBits: number, outWordBits: number, private readonly chunkBits: number,
    inputWords: 1 | 2 = 2,
  ) {
    this.chunks = (inputWords * inWordBits) / chunkBits;
    this.chunksPerWord = inWordBits / chunkBits;
    const size = 1 << chunkBits;
    this.first = new Uint32Array(this.chunks * size);
    this.second = new Uint32Array(this.chunks * size);
    for (let chunk = 0; chunk < this.chunks; chunk++) {
      for (let value = 0; value < size; value++) {
        let w0 = 0, w1 = 0;
        map.forEach((inputPosition, outputBit) => {
          const inputBit = inputPosition - 1 - chunk * chunkBits;
          if (inputBit < 0 || inputBit >= chunkBits) return;
          if (!((value >>> (chunkBits - 1 - inputBit)) & 1)) return;
          if (outputBit < outWordBits) w0 |= 1 << (outWordBits - 1 - outputBit);
          else w1 |= 1 << (2 * outWordBits - 1 - outputBit);
        });
        this.first[chunk * size + value] = w0 >>> 0;
        this.second[chunk * size + value] = w1 >>> 0;
      }
    }
  }

  apply(in0: number, in1: number): void {
    let w0 = 0, w1 = 0;
    const mask = (1 << this.chunkBits) - 1;
    const size = 1 << this.chunkBits;
    for (let chunk = 0; chunk < this.chunks; chunk++) {
      const word = chunk < this.chunksPerWord ? in0 : in1;
      const shift = this.inWordBits - this.chunkBits * ((chunk % this.chunksPerWord) + 1);
      const index = chunk * size + ((word >>> shift) & mask);
      w0 |= this.first[index]!;
      w1 |= this.second[index]!;
    }
    this.out0 = w0 >>> 0;
    this.out1 = w1 >>> 0;
  }
}

const initialPermutation = new BitPermutation(IP, 32, 32, 8);
const finalPermutation = new BitPermutation(FP, 32, 32, 8);
// E reads one 32-bit word; out: two 24-bit halves.
const expansion = new BitPermutation(E, 32, 24, 8, 1);
const choice1 = new BitPermutation(PC1, 32, 28, 8);
const choice2 = new BitPermutation(PC2, 28, 24, 7);

/** S-box s merged with P: 6-bit input (b1 b2 b3 b4 b5 b6) → the 32-bit P output of its 4 bits. */
const SP: Uint32Array[] = S.map((box, s) => {
  const table = new Uint32Array(64);
  for (let input = 0; input < 64; input++) {
    const row = ((input >>> 4) & 2) | (input & 1);
    const column = (input >>> 1) & 15;
    const nibble = box[row * 16 + column]!;
    let out = 0;
    P.forEach((position, outputBit) => {
      const bit = position - 1 - s * 4;
      if (bit >= 0 && bit < 4 && (nibble >>> (3 - bit)) & 1) out |= 1 << (31 - outputBit);
    });
    table[input] = out >>> 0;
  }
  return table;
});
const [SP0, SP1, SP2, SP3, SP4, SP5, SP6, SP7] = SP as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];

/** The 16 round keys of one DES key: two 24-bit halves each. Reused by callers to avoid allocation. */
export class DesKeySchedule {
  readonly left = new Uint32Array(16);
  readonly right = new Uint32Array(16);

  /** Key from 8 bytes (parity bits ignored). */
  set(key: Uint8Array): void {
    const k0 = ((key[0]! << 24) | (key[1]! << 16) | (key[2]! << 8) | key[3]!) >>> 0;
    const k1 = ((key[4]! << 24) | (key[5]! << 16) | (key[6]! << 8) | key[7]!) >>> 0;
    choice1.apply(k0, k1);
    let c = choice1.out0, d = choice1.out1;
    for (let round = 0; round < 16; round++) {
      const shift = SHIFTS[round]!;
      c = ((c << shift) | (c >>> (28 - shift))) & 0x0fffffff;
      d = ((d << shift) | (d >>> (28 - shift))) & 0x0fffffff;
      choice2.apply(c, d);
      this.left[round] = choice2.out0;
      this.right[round] = choice2.out1;
    }
  }
}

/** The block being enciphered, as two 32-bit halves; `saltBits` is crypt(3)'s 24-bit swap mask (0 for DES). */
export class DesBlock {
  high = 0;
  low = 0;

  encrypt(keys: DesKeySchedule, saltBits = 0): void {
    initialPermutation.apply(this.high, this.low);
    let l = initialPermutation.out0, r = initialPermutation.out1;
    const kl = keys.left, kr = keys.right;
    for (let round = 0; round < 16; round++) {
      expansion.apply(r, 0);
      let el = expansion.out0, er = expansion.out1;
      const swap = (el ^ er) & saltBits;
      el ^= swap ^ kl[round]!;
      er ^= swap ^ kr[round]!;
      const f =
        SP0[(el >>> 18) & 63]! | SP1[(el >>> 12) & 63]! | SP2[(el >>> 6) & 63]! | SP3[el & 63]! |
        SP4[(er >>> 18) & 63]! | SP5[(er >>> 12) & 63]! | SP6[(er >>> 6) & 63]! | SP7[er & 63]!;
      const next = (l ^ f) >>> 0;
      l = r;
      r = next;
    }
    finalPermutation.apply(r, l);
    this.high = finalPermutation.out0;
    this.low = finalPermutation.out1;
  }
}
