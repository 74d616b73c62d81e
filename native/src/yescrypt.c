/* yescrypt SMix, a line-by-line port of shared/engine/hash/primitives/yescrypt-kdf.ts (itself Openwall's
 * yescrypt-ref.c): blocks kept in the reference's SIMD-shuffled word order, pwxform with libxcrypt's
 * parameters (rounds 6, gather 4, simple 2, 12 KiB S-boxes). The TypeScript stays the fallback and the
 * yardstick: tests check both against libxcrypt's vectors. */
#include <stdlib.h>
#include <string.h>
#include "scalar.h"
#include "yescrypt.h"

#define YESCRYPT_RW 0x002u
#define PWX_SIMPLE 2
#define PWX_GATHER 4
#define PWX_ROUNDS 6
#define SWIDTH 8
#define PWX_WORDS 16
#define S_WORDS (3 * (1 << SWIDTH) * PWX_SIMPLE * 8 / 4)
#define S_MASK (((1u << SWIDTH) - 1) * PWX_SIMPLE * 8)
#define W_MASK ((1u << SWIDTH) * PWX_SIMPLE - 1)

typedef struct {
  uint32_t *S;
  size_t s0, s1, s2, w;
} pwxform_ctx;

#define ROTL(v, n) (((v) << (n)) | ((v) >> (32 - (n))))

static void salsa20(uint32_t *B, int rounds) {
  uint32_t x[16];
  for (int i = 0; i < 16; i++) x[(i * 5) % 16] = B[i];
  for (int i = 0; i < rounds; i += 2) {
    x[4] ^= ROTL(x[0] + x[12], 7);  x[8] ^= ROTL(x[4] + x[0], 9);
    x[12] ^= ROTL(x[8] + x[4], 13); x[0] ^= ROTL(x[12] + x[8], 18);
    x[9] ^= ROTL(x[5] + x[1], 7);   x[13] ^= ROTL(x[9] + x[5], 9);
    x[1] ^= ROTL(x[13] + x[9], 13); x[5] ^= ROTL(x[1] + x[13], 18);
    x[14] ^= ROTL(x[10] + x[6], 7); x[2] ^= ROTL(x[14] + x[10], 9);
    x[6] ^= ROTL(x[2] + x[14], 13); x[10] ^= ROTL(x[6] + x[2], 18);
    x[3] ^= ROTL(x[15] + x[11], 7); x[7] ^= ROTL(x[3] + x[15], 9);
    x[11] ^= ROTL(x[7] + x[3], 13); x[15] ^= ROTL(x[11] + x[7], 18);
    x[1] ^= ROTL(x[0] + x[3], 7);   x[2] ^= ROTL(x[1] + x[0], 9);
    x[3] ^= ROTL(x[2] + x[1], 13);  x[0] ^= ROTL(x[3] + x[2], 18);
    x[6] ^= ROTL(x[5] + x[4], 7);   x[7] ^= ROTL(x[6] + x[5], 9);
    x[4] ^= ROTL(x[7] + x[6], 13);  x[5] ^= ROTL(x[4] + x[7], 18);
    x[11] ^= ROTL(x[10] + x[9], 7); x[8] ^= ROTL(x[11] + x[10], 9);
    x[9] ^= ROTL(x[8] + x[11], 13); x[10] ^= ROTL(x[9] + x[8], 18);
    x[12] ^= ROTL(x[15] + x[14], 7); x[13] ^= ROTL(x[12] + x[15], 9);
    x[14] ^= ROTL(x[13] + x[12], 13); x[15] ^= ROTL(x[14] + x[13], 18);
  }
  for (int i = 0; i < 16; i++) B[i] += x[(i * 5) % 16];
}

static void blockmix_salsa8(uint32_t *B, uint32_t *Y, uint32_t r) {
  uint32_t X[16];
  memcpy(X, B + (2 * r - 1) * 16, 64);
  for (uint32_t i = 0; i < 2 * r; i++) {
    for (int k = 0; k < 16; k++) X[k] ^= B[i * 16 + k];
    salsa20(X, 8);
    memcpy(Y + i * 16, X, 64);
  }
  for (uint32_t i = 0; i < r; i++) memcpy(B + i * 16, Y + i * 2 * 16, 64);
  for (uint32_t i = 0; i < r; i++) memcpy(B + (i + r) * 16, Y + (i * 2 + 1) * 16, 64);
}

static void pwxform(uint32_t *B, pwxform_ctx *ctx) {
  uint32_t *S = ctx->S;
  size_t s0 = ctx->s0, s1 = ctx->s1, s2 = ctx->s2, w = ctx->w;
  for (int i = 0; i < PWX_ROUNDS; i++) {
    int store = i != 0 && i != PWX_ROUNDS - 1;
    for (int j = 0; j < PWX_GATHER; j++) {
      size_t base = (size_t)j * PWX_SIMPLE * 2;
      const uint32_t *p0 = S + s0 + ((B[base] & S_MASK) >> 2);
      const uint32_t *p1 = S + s1 + ((B[base + 1] & S_MASK) >> 2);
      for (int k = 0; k < PWX_SIMPLE; k++) {
        size_t at = base + (size_t)k * 2;
        uint64_t x = (uint64_t)B[at + 1] * B[at];
        x += ((uint64_t)p0[2 * k + 1] << 32) | p0[2 * k];
        x ^= ((uint64_t)p1[2 * k + 1] << 32) | p1[2 * k];
        B[at] = (uint32_t)x;
        B[at + 1] = (uint32_t)(x >> 32);
        if (store) {
          S[s2 + 2 * w] = (uint32_t)x;
          S[s2 + 2 * w + 1] = (uint32_t)(x >> 32);
          w++;
        }
      }
    }
  }
  ctx->s0 = s2;
  ctx->s1 = s0;
  ctx->s2 = s1;
  ctx->w = w & W_MASK;
}

static void blockmix_pwxform(uint32_t *B, pwxform_ctx *ctx, uint32_t r) {
  uint32_t r1 = 2 * r;
  uint32_t Y[PWX_WORDS];
  memcpy(Y, B + (r1 - 1) * PWX_WORDS, 64);
  for (uint32_t i = 0; i < r1; i++) {
    if (r1 > 1) for (int k = 0; k < PWX_WORDS; k++) Y[k] ^= B[i * PWX_WORDS + k];
    pwxform(Y, ctx);
    memcpy(B + i * PWX_WORDS, Y, 64);
  }
  salsa20(B + (r1 - 1) * 16, 2);
}

static void blockmix(uint32_t *X, uint32_t *Y, pwxform_ctx *ctx, uint32_t r) {
  if (ctx) blockmix_pwxform(X, ctx, r);
  else blockmix_salsa8(X, Y, r);
}

static inline uint32_t integerify(const uint32_t *X, uint32_t r) { return X[(2 * r - 1) * 16]; }

static uint64_t p2floor(uint64_t v) {
  uint64_t p = 1;
  while (p * 2 <= v) p *= 2;
  return p;
}

static uint64_t wrap(uint64_t v, uint64_t i) {
  uint64_t n = p2floor(i);
  return (v & (n - 1)) + (i - n);
}

static void shuffle_in(const uint32_t *B, uint32_t *X, uint32_t r) {
  for (uint32_t k = 0; k < 2 * r; k++) for (int i = 0; i < 16; i++) X[k * 16 + i] = B[k * 16 + (i * 5) % 16];
}

static void shuffle_out(const uint32_t *X, uint32_t *B, uint32_t r) {
  for (uint32_t k = 0; k < 2 * r; k++) for (int i = 0; i < 16; i++) B[k * 16 + (i * 5) % 16] = X[k * 16 + i];
}

static void smix1(uint32_t *B, uint32_t r, uint64_t N, uint32_t flags, uint32_t *V, uint32_t *X, uint32_t *Y, pwxform_ctx *ctx) {
  size_t s = 32 * (size_t)r;
  shuffle_in(B, X, r);
  for (uint64_t i = 0; i < N; i++) {
    memcpy(V + i * s, X, s * 4);
    if ((flags & YESCRYPT_RW) && i > 1) {
      const uint32_t *v = V + wrap(integerify(X, r), i) * s;
      for (size_t k = 0; k < s; k++) X[k] ^= v[k];
    }
    blockmix(X, Y, ctx, r);
  }
  shuffle_out(X, B, r);
}

static void smix2(uint32_t *B, uint32_t r, uint64_t N, uint64_t nloop, uint32_t flags, uint32_t *V, uint32_t *X, uint32_t *Y,
  pwxform_ctx *ctx) {
  size_t s = 32 * (size_t)r;
  shuffle_in(B, X, r);
  for (uint64_t i = 0; i < nloop; i++) {
    uint32_t *v = V + (uint64_t)(integerify(X, r) & (N - 1)) * s;
    for (size_t k = 0; k < s; k++) X[k] ^= v[k];
    if (flags & YESCRYPT_RW) memcpy(v, X, s * 4);
    blockmix(X, Y, ctx, r);
  }
  shuffle_out(X, B, r);
}

static void bytes_to_words(const uint8_t *in, size_t count, uint32_t *w) {
  for (size_t i = 0; i < count; i++) {
    w[i] = (uint32_t)in[4 * i] | (uint32_t)in[4 * i + 1] << 8 | (uint32_t)in[4 * i + 2] << 16 | (uint32_t)in[4 * i + 3] << 24;
  }
}

static void words_to_bytes(const uint32_t *w, size_t count, uint8_t *out) {
  for (size_t i = 0; i < count; i++) {
    out[4 * i] = (uint8_t)w[i]; out[4 * i + 1] = (uint8_t)(w[i] >> 8);
    out[4 * i + 2] = (uint8_t)(w[i] >> 16); out[4 * i + 3] = (uint8_t)(w[i] >> 24);
  }
}

/* HMAC-SHA256 with a 64-byte key (a block) over a 32-byte message: the read-write mode's password update. */
static void hmac_sha256_64(const uint8_t key[64], const uint8_t msg[32], uint8_t out[32]) {
  uint8_t pad[64], inner[32];
  hash_ctx c;
  for (int i = 0; i < 64; i++) pad[i] = key[i] ^ 0x36;
  hash_init(&c, ALGO_SHA256); hash_update(&c, pad, 64); hash_update(&c, msg, 32); hash_final(&c, inner);
  for (int i = 0; i < 64; i++) pad[i] = key[i] ^ 0x5c;
  hash_init(&c, ALGO_SHA256); hash_update(&c, pad, 64); hash_update(&c, inner, 32); hash_final(&c, out);
}

static void smix(uint32_t *B, uint32_t r, uint64_t N, uint32_t p, uint32_t t, uint32_t flags, uint32_t *V, uint32_t *X,
  uint32_t *Y, pwxform_ctx *contexts, uint8_t passwd[32]) {
  size_t s = 32 * (size_t)r;
  uint64_t nchunk = N / p, nloop_all = nchunk, nloop_rw = 0;
  if (flags & YESCRYPT_RW) {
    if (t <= 1) {
      if (t) nloop_all *= 2;
      nloop_all = (nloop_all + 2) / 3;
    } else {
      nloop_all *= t - 1;
    }
  } else if (t) {
    if (t == 1) nloop_all += (nloop_all + 1) / 2;
    nloop_all *= t;
  }
  if (flags & YESCRYPT_RW) nloop_rw = nloop_all / p;
  nchunk -= nchunk % 2;
  nloop_all += nloop_all % 2;
  nloop_rw += nloop_rw % 2;

  uint64_t vchunk = 0;
  for (uint32_t i = 0; i < p; i++, vchunk += nchunk) {
    uint64_t np = i < p - 1 ? nchunk : N - vchunk;
    pwxform_ctx *ctx = 0;
    if (flags & YESCRYPT_RW) {
      ctx = &contexts[i];
      smix1(B + i * s, 1, (S_WORDS * 4) / 128, 0, ctx->S, X, Y, 0);
      ctx->s2 = 0;
      ctx->s1 = (1 << SWIDTH) * PWX_SIMPLE * 2;
      ctx->s0 = 2 * ctx->s1;
      ctx->w = 0;
      if (i == 0) {
        uint8_t key[64];
        words_to_bytes(B + i * s + s - 16, 16, key);
        hmac_sha256_64(key, passwd, passwd);
      }
    }
    smix1(B + i * s, r, np, flags, V + vchunk * s, X, Y, ctx);
    smix2(B + i * s, r, p2floor(np), nloop_rw, flags, V + vchunk * s, X, Y, ctx);
  }
  for (uint32_t i = 0; i < p; i++) {
    smix2(B + i * s, r, N, nloop_all - nloop_rw, flags & ~YESCRYPT_RW, V, X, Y, (flags & YESCRYPT_RW) ? &contexts[i] : 0);
  }
}

/* Classic scrypt's SMix (flags 0) keeping one block in `k` (hashcat's scrypt TMTO): V holds N/k blocks, a block
 * that was not kept is made again from the one kept before it, (j mod k) BlockMix calls away. The second loop then
 * costs 1 + (k - 1)/2 BlockMix calls a step on average instead of 1: k = 4 is a quarter of the memory for 1.75x the
 * time. Only classic scrypt: yescrypt's read-write mode writes V in its second loop. */
static void smix_tmto(uint32_t *B, uint32_t r, uint64_t N, uint64_t nloop, uint32_t k, uint32_t *V, uint32_t *X, uint32_t *Y,
  uint32_t *T) {
  size_t s = 32 * (size_t)r;
  shuffle_in(B, X, r);
  for (uint64_t i = 0; i < N; i++) {
    if (i % k == 0) memcpy(V + (i / k) * s, X, s * 4);
    blockmix_salsa8(X, Y, r);
  }
  for (uint64_t i = 0; i < nloop; i++) {
    uint64_t j = integerify(X, r) & (N - 1);
    memcpy(T, V + (j / k) * s, s * 4);
    for (uint64_t m = j % k; m > 0; m--) blockmix_salsa8(T, Y, r);
    for (size_t w = 0; w < s; w++) X[w] ^= T[w];
    blockmix_salsa8(X, Y, r);
  }
  shuffle_out(X, B, r);
}

static uint64_t classic_nloop(uint64_t N, uint32_t t) {
  uint64_t nloop = N;
  if (t) {
    if (t == 1) nloop += (nloop + 1) / 2;
    nloop *= t;
  }
  return nloop + nloop % 2;
}

int yescrypt_smix_all(uint8_t *bytes, uint64_t N, uint32_t r, uint32_t p, uint32_t t, uint32_t flags, uint8_t passwd[32],
  uint32_t tmto) {
  if (tmto < 1 || (tmto > 1 && flags != 0)) return -1;
  size_t s = 32 * (size_t)r, words = s * p;
  uint32_t *B = malloc(words * 4);
  uint32_t *V = malloc(s * ((N + tmto - 1) / tmto) * 4);
  uint32_t *XY = malloc(3 * s * 4); /* X, Y and the TMTO path's block made again */
  uint32_t *S = (flags & YESCRYPT_RW) ? malloc((size_t)p * S_WORDS * 4) : 0;
  pwxform_ctx *contexts = (flags & YESCRYPT_RW) ? calloc(p, sizeof *contexts) : 0;
  int ok = B && V && XY && (!(flags & YESCRYPT_RW) || (S && contexts));
  if (ok) {
    bytes_to_words(bytes, words, B);
    if (flags & YESCRYPT_RW) {
      for (uint32_t i = 0; i < p; i++) contexts[i].S = S + (size_t)i * S_WORDS;
      smix(B, r, N, p, t, flags, V, XY, XY + s, contexts, passwd);
    } else if (tmto > 1) {
      for (uint32_t i = 0; i < p; i++) smix_tmto(B + i * s, r, N, classic_nloop(N, t), tmto, V, XY, XY + s, XY + 2 * s);
    } else {
      for (uint32_t i = 0; i < p; i++) smix(B + i * s, r, N, 1, t, flags, V, XY, XY + s, 0, passwd);
    }
    words_to_bytes(B, words, bytes);
  }
  free(B); free(V); free(XY); free(S); free(contexts);
  return ok ? 0 : -1;
}
