/* sha256crypt / sha512crypt over a batch: the 1000s of rounds of several candidates at once, one candidate per
 * SIMD lane (8 lanes of SHA-512 or 16 of SHA-256 with AVX-512, half that with AVX2). A round's message layout
 * depends only on the round number and the lengths, so everything but the previous digest is prepared once per
 * candidate; lanes may hold candidates of different lengths (the batches are small: an account's budget buys a
 * few dozen sha-crypt candidates), the digest's place in the message is shifted per lane. The preamble (before
 * the rounds), long candidates and a nearly empty last group run through the scalar shacrypt_hash code. */
#include "shacrypt_simd.h"
#include "crypt_layout.h"
#include <string.h>

#define SC_MAXPW 64   /* longer candidates take the scalar path */
#define SC_MAXSALT 16 /* sha-crypt's salts have at most 16 characters */
#define SC512_BLOCKS 2 /* 64 + 2 * 64 + 16 bytes and the padding fit in 2 SHA-512 blocks */
#define SC256_BLOCKS 3 /* 32 + 2 * 64 + 16 bytes and the padding fit in 3 SHA-256 blocks */
#define SC_MAXLANES CRYPT_MAXLANES

static const uint64_t SC512_IV[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
  0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
static const uint32_t SC256_IV[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

#define SIMD_BODY "shacrypt_lanes.inc"
#include "simd_variants.inc"

typedef void (*rounds_fn)(const crypt_layout *g, uint32_t rounds, void *cout);
typedef struct {
  rounds_fn r512, r256;
  uint32_t lanes32;          /* SHA-256 lanes; SHA-512 has half */
  uint32_t gain512, gain256; /* a lane's speed over the scalar code (measured, one EPYC core, rounded down);
                                0: slower than scalar (SSE2 has no 64-bit rotate: 2 SHA-512 lanes lose) */
} sc_isa;

#define SC_ISA(sfx, lanes, g512, g256) {sc512_rounds_##sfx, sc256_rounds_##sfx, lanes, g512, g256}
static const sc_isa ISAS[] = {
  {0, 0, 0, 0, 0}, SC_ISA(base, 4, 0, 1),
#if defined(__x86_64__) || defined(__i386__)
  SC_ISA(avx2, 8, 2, 4), SC_ISA(avx512, 16, 8, 10),
#endif
};

/* The candidate's inputs to the rounds, computed as shacrypt_hash does before its loop. */
typedef struct {
  uint8_t c[64];
  uint8_t p[SC_MAXPW];
  uint8_t s[SC_MAXSALT];
  size_t pwlen;
} sc_lane;

static void prepare(int bits, const uint8_t *pw, size_t pwlen, const uint8_t *s, size_t slen, sc_lane *out) {
  int algo = bits == 512 ? ALGO_SHA512 : ALGO_SHA256;
  size_t n = (size_t)bits / 8;
  uint8_t b[64], dp[64], ds[64];
  hash_ctx ctx;
  hash_init(&ctx, algo);
  hash_update(&ctx, pw, pwlen); hash_update(&ctx, s, slen); hash_update(&ctx, pw, pwlen);
  hash_final(&ctx, b);
  hash_init(&ctx, algo);
  hash_update(&ctx, pw, pwlen); hash_update(&ctx, s, slen);
  for (size_t left = pwlen; left > 0; left -= left > n ? n : left) hash_update(&ctx, b, left > n ? n : left);
  for (size_t i = pwlen; i > 0; i >>= 1) { if (i & 1) hash_update(&ctx, b, n); else hash_update(&ctx, pw, pwlen); }
  hash_final(&ctx, out->c);
  hash_init(&ctx, algo);
  for (size_t i = 0; i < pwlen; i++) hash_update(&ctx, pw, pwlen);
  hash_final(&ctx, dp);
  for (size_t i = 0; i < pwlen; i += n) memcpy(out->p + i, dp, pwlen - i < n ? pwlen - i : n);
  hash_init(&ctx, algo);
  for (size_t i = 0; i < 16u + out->c[0]; i++) hash_update(&ctx, s, slen);
  hash_final(&ctx, ds);
  memcpy(out->s, ds, slen);
  out->pwlen = pwlen;
}

static inline uint64_t load_be(const uint8_t *p, size_t ws) {
  uint64_t v = 0;
  for (size_t i = 0; i < ws; i++) v = v << 8 | p[i];
  return v;
}

static inline void store_word(uint8_t *base, size_t index, size_t ws, uint64_t v) {
  if (ws == 8) memcpy(base + index * 8, &v, 8);
  else { uint32_t w = (uint32_t)v; memcpy(base + index * 4, &w, 4); }
}

/* Lays out `lanes` prepared candidates for the vector code (word size ws: 8 for SHA-512, 4 for SHA-256). */
static void lay_out(const sc_lane *lane, uint32_t lanes, size_t ws, size_t slen, uint32_t maxb, crypt_layout *g,
                    uint8_t *tmpl, uint8_t *cbuf) {
  const size_t n = 8 * ws, blockBytes = 16 * ws, lenBytes = 2 * ws, win = (size_t)maxb * 16;
  uint8_t msg[SC512_BLOCKS * 128 > SC256_BLOCKS * 64 ? SC512_BLOCKS * 128 : SC256_BLOCKS * 64];
  for (uint32_t t = 0; t < 8; t++) g->maxnb[t] = 0;
  for (uint32_t l = 0; l < lanes; l++) {
    const sc_lane *x = &lane[l];
    const size_t pw = x->pwlen;
    for (uint32_t t = 0; t < 8; t++) {
      memset(msg, 0, win * ws);
      size_t pos = 0;
      if (t & 1) { memcpy(msg, x->p, pw); pos = pw; } else pos = n;
      if (t & 2) { memcpy(msg + pos, x->s, slen); pos += slen; }
      if (t & 4) { memcpy(msg + pos, x->p, pw); pos += pw; }
      if (t & 1) { g->q[t][l] = (uint8_t)(pos / ws); g->r[t][l] = (uint8_t)(pos % ws); pos += n; }
      else { memcpy(msg + pos, x->p, pw); pos += pw; g->q[t][l] = 0; g->r[t][l] = 0; }
      msg[pos] = 0x80;
      const size_t blocks = (pos + 1 + lenBytes + blockBytes - 1) / blockBytes;
      const uint64_t bitsLength = (uint64_t)pos * 8;
      for (int i = 0; i < 8; i++) msg[blocks * blockBytes - 1 - i] = (uint8_t)(bitsLength >> (8 * i));
      g->nb[t][l] = (uint8_t)blocks;
      if (blocks > g->maxnb[t]) g->maxnb[t] = (uint32_t)blocks;
      for (size_t w = 0; w < win; w++) store_word(tmpl, (t * win + w) * lanes + l, ws, load_be(msg + w * ws, ws));
    }
    for (size_t k = 0; k < 8; k++) store_word(cbuf, k * lanes + l, ws, load_be(x->c + k * ws, ws));
  }
  g->tmpl = tmpl;
  g->c = cbuf;
}

typedef struct {
  int bits;
  const batch_job *job;
  uint32_t rounds;
  const char *target; /* or NULL: every hash into `all` */
  char *all;
  size_t chars;
  int32_t best;
} sc_run;

/* One candidate through the scalar code (long ones, no lanes, a nearly empty last group). */
static void run_scalar(sc_run *run, uint32_t i) {
  const batch_job *job = run->job;
  char out[96];
  shacrypt_hash(run->bits, job->buf + job->offsets[i], job->offsets[i + 1] - job->offsets[i], job->salt, job->saltLength,
                run->rounds, out);
  if (run->all) memcpy(run->all + (size_t)i * run->chars, out, run->chars);
  else if (!memcmp(out, run->target, run->chars) && (run->best < 0 || (int32_t)i < run->best)) run->best = (int32_t)i;
}

/* Candidates idx[0..k) (ascending) in one group of lanes; unused lanes repeat the first candidate. */
static void run_group(sc_run *run, const sc_isa *isa, const uint32_t *idx, uint32_t k) {
  const batch_job *job = run->job;
  const int wide = run->bits == 512;
  const uint32_t lanes = wide ? isa->lanes32 / 2 : isa->lanes32;
  const size_t ws = wide ? 8 : 4;
  const uint32_t maxb = wide ? SC512_BLOCKS : SC256_BLOCKS;
  sc_lane lane[SC_MAXLANES];
  uint8_t tmpl[8 * 48 * 16 * 4] __attribute__((aligned(64)));
  uint8_t cbuf[8 * 64] __attribute__((aligned(64)));
  uint8_t cout[8 * 64] __attribute__((aligned(64)));
  crypt_layout g;
  for (uint32_t l = 0; l < k; l++) {
    const uint32_t i = idx[l];
    prepare(run->bits, job->buf + job->offsets[i], job->offsets[i + 1] - job->offsets[i], job->salt, job->saltLength, &lane[l]);
  }
  for (uint32_t l = k; l < lanes; l++) lane[l] = lane[0];
  lay_out(lane, lanes, ws, job->saltLength, maxb, &g, tmpl, cbuf);
  (wide ? isa->r512 : isa->r256)(&g, run->rounds, cout);
  for (uint32_t l = 0; l < k; l++) {
    uint8_t digest[64];
    char out[96];
    for (size_t w = 0; w < 8; w++) {
      uint64_t v = 0;
      if (wide) memcpy(&v, cout + (w * lanes + l) * 8, 8);
      else { uint32_t v32; memcpy(&v32, cout + (w * lanes + l) * 4, 4); v = v32; }
      for (size_t b = 0; b < ws; b++) digest[w * ws + b] = (uint8_t)(v >> (8 * (ws - 1 - b)));
    }
    shacrypt_encode(run->bits, digest, out);
    if (run->all) memcpy(run->all + (size_t)idx[l] * run->chars, out, run->chars);
    else if (!memcmp(out, run->target, run->chars) && (run->best < 0 || (int32_t)idx[l] < run->best)) run->best = (int32_t)idx[l];
  }
}

int32_t shacrypt_run(int level, int bits, const batch_job *job, uint32_t rounds, const char *target, char *all) {
  const sc_isa *isa = &ISAS[level < 0 ? 0 : level >= (int)(sizeof ISAS / sizeof *ISAS) ? (int)(sizeof ISAS / sizeof *ISAS) - 1 : level];
  sc_run run = {bits, job, rounds, target, all, bits == 256 ? 43 : 86, -1};
  const uint32_t gain = bits == 512 ? isa->gain512 : isa->gain256;
  const uint32_t lanes = gain ? (bits == 512 ? isa->lanes32 / 2 : isa->lanes32) : 0;
  const int lanesOk = lanes && job->saltLength <= SC_MAXSALT;
  uint32_t idx[SC_MAXLANES], k = 0;
  for (uint32_t i = 0; i < job->count; i++) {
    /* Batch order: nothing after a match can be the first one. */
    if (!all && run.best >= 0 && (int32_t)i > run.best) break;
    if (!lanesOk || job->offsets[i + 1] - job->offsets[i] > SC_MAXPW) { run_scalar(&run, i); continue; }
    idx[k++] = i;
    if (k == lanes) { run_group(&run, isa, idx, k); k = 0; }
  }
  /* The last group, part empty, costs as much as a full one: its few candidates may be cheaper one by one. */
  if (k && k * gain >= lanes) run_group(&run, isa, idx, k);
  else for (uint32_t l = 0; l < k; l++) run_scalar(&run, idx[l]);
  return run.best;
}

int32_t shacrypt_find(int bits, const batch_job *job, uint32_t rounds, const char *target, size_t targetLength) {
  if (targetLength != (bits == 256 ? 43u : 86u)) return -1;
  return shacrypt_run(kernel_level(), bits, job, rounds, target, 0);
}
