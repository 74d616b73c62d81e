/* Scalar MD5, MD4, SHA-1, SHA-256, SHA-512 (any length), DES for LM, md5crypt and SHA-crypt.
 * The SIMD kernels cover one-block candidates; everything longer, and the crypt schemes' chains, run here. */
#include "scalar.h"
#include <string.h>

#define ROL32(x, n) (((x) << (n)) | ((x) >> (32 - (n))))
#define ROR32(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
#define ROR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static inline uint32_t le32(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static inline uint32_t be32(const uint8_t *p) { return (uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[0] << 24; }
static inline uint64_t be64(const uint8_t *p) { return (uint64_t)be32(p) << 32 | be32(p + 4); }

const uint32_t SHA256_K[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

const uint64_t SHA512_K[80] = {
  0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL, 0x3956c25bf348b538ULL,
  0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL, 0xd807aa98a3030242ULL, 0x12835b0145706fbeULL,
  0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL, 0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL,
  0xc19bf174cf692694ULL, 0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
  0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL, 0x983e5152ee66dfabULL,
  0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL, 0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
  0x06ca6351e003826fULL, 0x142929670a0e6e70ULL, 0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL,
  0x53380d139d95b3dfULL, 0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
  0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL, 0xd192e819d6ef5218ULL,
  0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL, 0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL,
  0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL, 0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL,
  0x682e6ff3d6b2b8a3ULL, 0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
  0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL, 0xca273eceea26619cULL,
  0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL, 0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL,
  0x113f9804bef90daeULL, 0x1b710b35131c471bULL, 0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL,
  0x431d67c49c100d4cULL, 0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL};

const uint32_t MD5_T[64] = {
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af,
  0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa,
  0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
  0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
  0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244, 0x432aff97,
  0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
  0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};

void md5_compress(uint32_t st[4], const uint8_t *blk) {
  const uint32_t *T = MD5_T;
  static const uint8_t R[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
  uint32_t w[16];
  for (int i = 0; i < 16; i++) w[i] = le32(blk + 4 * i);
  uint32_t a = st[0], b = st[1], c = st[2], d = st[3];
  for (int i = 0; i < 64; i++) {
    uint32_t f; int g;
    if (i < 16) { f = d ^ (b & (c ^ d)); g = i; }
    else if (i < 32) { f = c ^ (d & (b ^ c)); g = (5 * i + 1) & 15; }
    else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) & 15; }
    else { f = c ^ (b | ~d); g = (7 * i) & 15; }
    uint32_t t = a + f + T[i] + w[g];
    a = d; d = c; c = b;
    b = b + ROL32(t, R[i]);
  }
  st[0] += a; st[1] += b; st[2] += c; st[3] += d;
}

void md4_compress(uint32_t st[4], const uint8_t *blk) {
  static const uint8_t G2[16] = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
  static const uint8_t G3[16] = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
  static const uint8_t R1[4] = {3, 7, 11, 19}, R2[4] = {3, 5, 9, 13}, R3[4] = {3, 9, 11, 15};
  uint32_t w[16];
  for (int i = 0; i < 16; i++) w[i] = le32(blk + 4 * i);
  uint32_t a = st[0], b = st[1], c = st[2], d = st[3], t;
  for (int i = 0; i < 16; i++) { t = a + ((b & c) | (~b & d)) + w[i]; a = d; d = c; c = b; b = ROL32(t, R1[i & 3]); }
  for (int i = 0; i < 16; i++) { t = a + ((b & c) | (b & d) | (c & d)) + w[G2[i]] + 0x5a827999; a = d; d = c; c = b; b = ROL32(t, R2[i & 3]); }
  for (int i = 0; i < 16; i++) { t = a + (b ^ c ^ d) + w[G3[i]] + 0x6ed9eba1; a = d; d = c; c = b; b = ROL32(t, R3[i & 3]); }
  st[0] += a; st[1] += b; st[2] += c; st[3] += d;
}

void sha1_compress(uint32_t st[5], const uint8_t *blk) {
  uint32_t w[80];
  for (int i = 0; i < 16; i++) w[i] = be32(blk + 4 * i);
  for (int i = 16; i < 80; i++) w[i] = ROL32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  uint32_t a = st[0], b = st[1], c = st[2], d = st[3], e = st[4];
  for (int i = 0; i < 80; i++) {
    uint32_t f, k;
    if (i < 20) { f = d ^ (b & (c ^ d)); k = 0x5a827999; }
    else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
    else if (i < 60) { f = (b & c) | (d & (b | c)); k = 0x8f1bbcdc; }
    else { f = b ^ c ^ d; k = 0xca62c1d6; }
    uint32_t t = ROL32(a, 5) + f + e + k + w[i];
    e = d; d = c; c = ROL32(b, 30); b = a; a = t;
  }
  st[0] += a; st[1] += b; st[2] += c; st[3] += d; st[4] += e;
}

void sha256_compress(uint32_t st[8], const uint8_t *blk) {
  uint32_t w[64];
  for (int i = 0; i < 16; i++) w[i] = be32(blk + 4 * i);
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = ROR32(w[i - 15], 7) ^ ROR32(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = ROR32(w[i - 2], 17) ^ ROR32(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = st[0], b = st[1], c = st[2], d = st[3], e = st[4], f = st[5], g = st[6], h = st[7];
  for (int i = 0; i < 64; i++) {
    uint32_t t1 = h + (ROR32(e, 6) ^ ROR32(e, 11) ^ ROR32(e, 25)) + (g ^ (e & (f ^ g))) + SHA256_K[i] + w[i];
    uint32_t t2 = (ROR32(a, 2) ^ ROR32(a, 13) ^ ROR32(a, 22)) + ((a & b) | (c & (a | b)));
    h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  st[0] += a; st[1] += b; st[2] += c; st[3] += d; st[4] += e; st[5] += f; st[6] += g; st[7] += h;
}

void sha512_compress(uint64_t st[8], const uint8_t *blk) {
  uint64_t w[80];
  for (int i = 0; i < 16; i++) w[i] = be64(blk + 8 * i);
  for (int i = 16; i < 80; i++) {
    uint64_t s0 = ROR64(w[i - 15], 1) ^ ROR64(w[i - 15], 8) ^ (w[i - 15] >> 7);
    uint64_t s1 = ROR64(w[i - 2], 19) ^ ROR64(w[i - 2], 61) ^ (w[i - 2] >> 6);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint64_t a = st[0], b = st[1], c = st[2], d = st[3], e = st[4], f = st[5], g = st[6], h = st[7];
  for (int i = 0; i < 80; i++) {
    uint64_t t1 = h + (ROR64(e, 14) ^ ROR64(e, 18) ^ ROR64(e, 41)) + (g ^ (e & (f ^ g))) + SHA512_K[i] + w[i];
    uint64_t t2 = (ROR64(a, 28) ^ ROR64(a, 34) ^ ROR64(a, 39)) + ((a & b) | (c & (a | b)));
    h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  st[0] += a; st[1] += b; st[2] += c; st[3] += d; st[4] += e; st[5] += f; st[6] += g; st[7] += h;
}

static const uint32_t SHA256_IV[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
static const uint64_t SHA512_IV[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
  0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};

size_t hash_digest_length(int algo) {
  switch (algo) {
    case ALGO_SHA1: return 20;
    case ALGO_SHA256: return 32;
    case ALGO_SHA512: return 64;
    default: return 16;
  }
}

void hash_init(hash_ctx *c, int algo) {
  c->length = 0; c->fill = 0; c->algo = algo == ALGO_NT ? ALGO_MD4 : algo;
  c->blockSize = c->algo == ALGO_SHA512 ? 128 : 64;
  switch (c->algo) {
    case ALGO_MD5: case ALGO_MD4: case ALGO_SHA1:
      c->state.w32[0] = 0x67452301; c->state.w32[1] = 0xefcdab89; c->state.w32[2] = 0x98badcfe; c->state.w32[3] = 0x10325476;
      c->state.w32[4] = 0xc3d2e1f0;
      break;
    case ALGO_SHA256: memcpy(c->state.w32, SHA256_IV, 32); break;
    case ALGO_SHA512: memcpy(c->state.w64, SHA512_IV, 64); break;
  }
}

static void compress(hash_ctx *c, const uint8_t *blk) {
  switch (c->algo) {
    case ALGO_MD5: md5_compress(c->state.w32, blk); break;
    case ALGO_MD4: md4_compress(c->state.w32, blk); break;
    case ALGO_SHA1: sha1_compress(c->state.w32, blk); break;
    case ALGO_SHA256: sha256_compress(c->state.w32, blk); break;
    case ALGO_SHA512: sha512_compress(c->state.w64, blk); break;
  }
}

void hash_update(hash_ctx *c, const uint8_t *data, size_t len) {
  c->length += len;
  while (len) {
    if (c->fill == 0 && len >= c->blockSize) {
      compress(c, data); data += c->blockSize; len -= c->blockSize; continue;
    }
    size_t take = c->blockSize - c->fill;
    if (take > len) take = len;
    memcpy(c->block + c->fill, data, take);
    c->fill += (uint32_t)take; data += take; len -= take;
    if (c->fill == c->blockSize) { compress(c, c->block); c->fill = 0; }
  }
}

size_t hash_final(hash_ctx *c, uint8_t *out) {
  uint64_t bits = c->length * 8;
  uint32_t lenBytes = c->blockSize == 128 ? 16 : 8;
  c->block[c->fill++] = 0x80;
  if (c->fill > c->blockSize - lenBytes) {
    memset(c->block + c->fill, 0, c->blockSize - c->fill);
    compress(c, c->block); c->fill = 0;
  }
  memset(c->block + c->fill, 0, c->blockSize - c->fill);
  int little = c->algo == ALGO_MD5 || c->algo == ALGO_MD4;
  for (int i = 0; i < 8; i++) {
    uint8_t byte = (uint8_t)(bits >> (8 * i));
    if (little) c->block[c->blockSize - 8 + i] = byte; else c->block[c->blockSize - 1 - i] = byte;
  }
  compress(c, c->block);
  size_t n = hash_digest_length(c->algo);
  if (c->algo == ALGO_SHA512) {
    for (size_t i = 0; i < n; i++) out[i] = (uint8_t)(c->state.w64[i / 8] >> (56 - 8 * (i % 8)));
  } else {
    for (size_t i = 0; i < n; i++) {
      uint32_t w = c->state.w32[i / 4];
      out[i] = little ? (uint8_t)(w >> (8 * (i % 4))) : (uint8_t)(w >> (24 - 8 * (i % 4)));
    }
  }
  return n;
}

size_t hash_once(int algo, const uint8_t *a, size_t alen, const uint8_t *b, size_t blen, uint8_t *out) {
  hash_ctx c;
  hash_init(&c, algo);
  hash_update(&c, a, alen);
  if (blen) hash_update(&c, b, blen);
  return hash_final(&c, out);
}

/* ---- DES, enough for LM: S-boxes merged with P at first use, permutations bit by bit. ---- */
static const uint8_t IP[64] = {58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56,
  48, 40, 32, 24, 16, 8, 57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39,
  31, 23, 15, 7};
static const uint8_t FP[64] = {40, 8, 48, 16, 56, 24, 64, 32, 39, 7, 47, 15, 55, 23, 63, 31, 38, 6, 46, 14, 54, 22, 62, 30, 37, 5,
  45, 13, 53, 21, 61, 29, 36, 4, 44, 12, 52, 20, 60, 28, 35, 3, 43, 11, 51, 19, 59, 27, 34, 2, 42, 10, 50, 18, 58, 26, 33, 1, 41, 9,
  49, 17, 57, 25};
static const uint8_t E[48] = {32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17, 16, 17, 18, 19,
  20, 21, 20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1};
static const uint8_t P[32] = {16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6,
  22, 11, 4, 25};
static const uint8_t PC1[56] = {57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52,
  44, 36, 63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4};
static const uint8_t PC2[48] = {14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2, 41, 52, 31,
  37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32};
static const uint8_t SHIFTS[16] = {1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1};
static const uint8_t SBOX[8][64] = {
  {14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
   4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13},
  {15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
   0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9},
  {10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
   13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12},
  {7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
   10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14},
  {2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
   4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3},
  {12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
   9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13},
  {4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
   1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12},
  {13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
   7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11}};

/* Bit i of `in` counted from the MSB of an `inBits`-bit value (1-based positions, as FIPS 46 lists them). */
static uint64_t permute(uint64_t in, const uint8_t *map, int outBits, int inBits) {
  uint64_t out = 0;
  for (int i = 0; i < outBits; i++) out = out << 1 | ((in >> (inBits - map[i])) & 1);
  return out;
}

static uint32_t SP[8][64];
static int spReady = 0;

static void sp_init(void) {
  for (int s = 0; s < 8; s++)
    for (int x = 0; x < 64; x++) {
      int row = ((x >> 4) & 2) | (x & 1), col = (x >> 1) & 15;
      uint32_t nibble = SBOX[s][row * 16 + col];
      uint32_t pre = nibble << (28 - 4 * s);
      SP[s][x] = (uint32_t)permute(pre, P, 32, 32);
    }
  spReady = 1;
}

static uint64_t des_encrypt(uint64_t key, uint64_t block) {
  if (!spReady) sp_init();
  uint64_t cd = permute(key, PC1, 56, 64);
  uint32_t c = (uint32_t)(cd >> 28) & 0x0fffffff, d = (uint32_t)cd & 0x0fffffff;
  uint64_t ks[16];
  for (int r = 0; r < 16; r++) {
    int s = SHIFTS[r];
    c = ((c << s) | (c >> (28 - s))) & 0x0fffffff;
    d = ((d << s) | (d >> (28 - s))) & 0x0fffffff;
    ks[r] = permute((uint64_t)c << 28 | d, PC2, 48, 56);
  }
  uint64_t lr = permute(block, IP, 64, 64);
  uint32_t l = (uint32_t)(lr >> 32), rr = (uint32_t)lr;
  for (int r = 0; r < 16; r++) {
    uint64_t e = permute(rr, E, 48, 32) ^ ks[r];
    uint32_t f = 0;
    for (int s = 0; s < 8; s++) f |= SP[s][(e >> (42 - 6 * s)) & 63];
    uint32_t next = l ^ f;
    l = rr; rr = next;
  }
  return permute((uint64_t)rr << 32 | l, FP, 64, 64);
}

void lm_hash(const uint8_t oem[14], uint8_t out[16]) {
  for (int half = 0; half < 2; half++) {
    const uint8_t *s = oem + 7 * half;
    uint64_t bits = 0;
    for (int i = 0; i < 7; i++) bits = bits << 8 | s[i];
    uint64_t key = 0;
    for (int i = 0; i < 8; i++) key = key << 8 | (((bits >> (49 - 7 * i)) & 0x7f) << 1);
    uint64_t v = des_encrypt(key, 0x4b47532140232425ULL);
    for (int i = 0; i < 8; i++) out[8 * half + i] = (uint8_t)(v >> (56 - 8 * i));
  }
}

/* ---- crypt schemes ---- */
static const char CRYPT64[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

static char *encode_group(char *p, uint32_t v, int n) {
  while (n--) { *p++ = CRYPT64[v & 63]; v >>= 6; }
  return p;
}

/* md5crypt's digest before its 1000 rounds (the "final" of Kamp's code), from the password and the salt. */
void md5crypt_prepare(const uint8_t *pw, size_t pwlen, const uint8_t *salt, size_t saltlen, uint8_t fin[16]) {
  uint8_t alt[16];
  hash_ctx c;
  hash_init(&c, ALGO_MD5);
  hash_update(&c, pw, pwlen); hash_update(&c, salt, saltlen); hash_update(&c, pw, pwlen);
  hash_final(&c, alt);
  hash_init(&c, ALGO_MD5);
  hash_update(&c, pw, pwlen); hash_update(&c, (const uint8_t *)"$1$", 3); hash_update(&c, salt, saltlen);
  for (size_t left = pwlen; left > 0; left -= left > 16 ? 16 : left) hash_update(&c, alt, left > 16 ? 16 : left);
  const uint8_t zero = 0;
  for (size_t i = pwlen; i; i >>= 1) hash_update(&c, (i & 1) ? &zero : (pwlen ? pw : &zero), 1);
  hash_final(&c, fin);
}

/* md5crypt's 22 hash characters of its last digest, in its byte order. */
void md5crypt_encode(const uint8_t f[16], char out[22]) {
  char *p = out;
  p = encode_group(p, (uint32_t)f[0] << 16 | f[6] << 8 | f[12], 4);
  p = encode_group(p, (uint32_t)f[1] << 16 | f[7] << 8 | f[13], 4);
  p = encode_group(p, (uint32_t)f[2] << 16 | f[8] << 8 | f[14], 4);
  p = encode_group(p, (uint32_t)f[3] << 16 | f[9] << 8 | f[15], 4);
  p = encode_group(p, (uint32_t)f[4] << 16 | f[10] << 8 | f[5], 4);
  encode_group(p, f[11], 2);
}

void md5crypt_hash(const uint8_t *pw, size_t pwlen, const uint8_t *salt, size_t saltlen, char out[22]) {
  uint8_t fin[16];
  hash_ctx c;
  md5crypt_prepare(pw, pwlen, salt, saltlen, fin);
  for (int i = 0; i < 1000; i++) {
    hash_init(&c, ALGO_MD5);
    if (i & 1) hash_update(&c, pw, pwlen); else hash_update(&c, fin, 16);
    if (i % 3) hash_update(&c, salt, saltlen);
    if (i % 7) hash_update(&c, pw, pwlen);
    if (i & 1) hash_update(&c, fin, 16); else hash_update(&c, pw, pwlen);
    hash_final(&c, fin);
  }
  md5crypt_encode(fin, out);
}

static void repeat_to(const uint8_t *src, size_t srclen, uint8_t *dst, size_t len) {
  for (size_t i = 0; i < len; i += srclen) memcpy(dst + i, src, len - i < srclen ? len - i : srclen);
}

/* sha-crypt's hash characters of its final digest (43 or 86), in its byte order. */
void shacrypt_encode(int bits, const uint8_t *cc, char *o) {
  if (bits == 512) {
    for (int i = 0; i < 21; i++) {
      int x = i, y = i + 21, z = i + 42, t0, t1, t2;
      if (i % 3 == 0) { t0 = x; t1 = y; t2 = z; } else if (i % 3 == 1) { t0 = y; t1 = z; t2 = x; } else { t0 = z; t1 = x; t2 = y; }
      o = encode_group(o, (uint32_t)cc[t0] << 16 | cc[t1] << 8 | cc[t2], 4);
    }
    encode_group(o, cc[63], 2);
  } else {
    for (int i = 0; i < 10; i++) {
      int x = i, y = i + 10, z = i + 20, t0, t1, t2;
      if (i % 3 == 0) { t0 = x; t1 = y; t2 = z; } else if (i % 3 == 1) { t0 = z; t1 = x; t2 = y; } else { t0 = y; t1 = z; t2 = x; }
      o = encode_group(o, (uint32_t)cc[t0] << 16 | cc[t1] << 8 | cc[t2], 4);
    }
    encode_group(o, (uint32_t)cc[31] << 8 | cc[30], 3);
  }
}

void shacrypt_hash(int bits, const uint8_t *pw, size_t pwlen, const uint8_t *s, size_t slen, uint32_t rounds, char *out) {
  int algo = bits == 512 ? ALGO_SHA512 : ALGO_SHA256;
  size_t n = bits / 8;
  uint8_t b[64], a[64], dp[64], ds[64];
  uint8_t p[256], sb[16];
  if (pwlen > sizeof p) pwlen = sizeof p; /* longer passwords are never generated as candidates */
  hash_ctx c;
  hash_init(&c, algo);
  hash_update(&c, pw, pwlen); hash_update(&c, s, slen); hash_update(&c, pw, pwlen);
  hash_final(&c, b);
  hash_init(&c, algo);
  hash_update(&c, pw, pwlen); hash_update(&c, s, slen);
  for (size_t left = pwlen; left > 0; left -= left > n ? n : left) hash_update(&c, b, left > n ? n : left);
  for (size_t i = pwlen; i > 0; i >>= 1) { if (i & 1) hash_update(&c, b, n); else hash_update(&c, pw, pwlen); }
  hash_final(&c, a);
  hash_init(&c, algo);
  for (size_t i = 0; i < pwlen; i++) hash_update(&c, pw, pwlen);
  hash_final(&c, dp);
  repeat_to(dp, n, p, pwlen);
  hash_init(&c, algo);
  for (size_t i = 0; i < 16u + a[0]; i++) hash_update(&c, s, slen);
  hash_final(&c, ds);
  memcpy(sb, ds, slen);
  uint8_t *cc = a;
  for (uint32_t i = 0; i < rounds; i++) {
    hash_init(&c, algo);
    if (i & 1) hash_update(&c, p, pwlen); else hash_update(&c, cc, n);
    if (i % 3) hash_update(&c, sb, slen);
    if (i % 7) hash_update(&c, p, pwlen);
    if (i & 1) hash_update(&c, cc, n); else hash_update(&c, p, pwlen);
    hash_final(&c, cc);
  }
  shacrypt_encode(bits, cc, out);
}
