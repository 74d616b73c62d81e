/* md5crypt over a batch: the 1000 rounds of several candidates at once, one candidate per SIMD lane (16 lanes with
 * AVX-512, 8 with AVX2, 4 with SSE2/NEON). The same design as shacrypt_simd.c: a round's message layout depends only
 * on the round number and the lengths, so everything but the previous digest is prepared once per candidate, and
 * lanes may hold candidates of different lengths. The preamble (Kamp's "final" before the rounds: two MD5s), long
 * candidates, long salts and a nearly empty last group run through the scalar code (scalar.c). md5crypt is the
 * legacy crypt an account keeps from SambaEdu or an old PAM: an attacker runs it at GPU speed, so Vigie's budget for
 * it is counted in candidates like the fast schemes' (audit/budget.ts) — what this file buys is more of them. */
#include "md5crypt_simd.h"
#include "crypt_layout.h"
#include <string.h>

#define MC_MAXPW 47   /* 47 + 8 + 47 + 16 bytes, 0x80 and the length fit in 2 MD5 blocks; longer take the scalar path */
#define MC_MAXSALT 8  /* md5crypt's salts have at most 8 characters */
#define MC_BLOCKS 2
#define MC_STAGES 5   /* c's word offset is at most (47 + 8 + 47) / 4 = 25: 5 bits */
#define MC_MAXLANES CRYPT_MAXLANES

#define MC_T MD5_T /* scalar.h */
static const uint8_t MC_R[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

#define SIMD_BODY "md5crypt_lanes.inc"
#include "simd_variants.inc"

typedef void (*mc_rounds_fn)(const crypt_layout *g, void *cout);
typedef struct {
  mc_rounds_fn rounds;
  uint32_t lanes;
  uint32_t gain; /* a lane group's speed over the scalar code, in candidates (measured on this design's 2-core EPYC
                    box, rounded down); 0: no SIMD */
} mc_isa;

static const mc_isa ISAS[] = {
  {0, 0, 0}, {mc_rounds_base, 4, 2},
#if defined(__x86_64__) || defined(__i386__)
  {mc_rounds_avx2, 8, 4}, {mc_rounds_avx512, 16, 8},
#endif
};

static inline uint32_t load_le(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Lays out `lanes` candidates (bytes and Kamp's final) for the vector code. */
static void lay_out(const uint8_t *const *pw, const size_t *pwlen, const uint8_t (*fin)[16], uint32_t lanes,
                    const uint8_t *salt, size_t slen, crypt_layout *g, uint32_t *tmpl, uint32_t *cbuf) {
  enum { WIN = MC_BLOCKS * 16 };
  uint8_t msg[MC_BLOCKS * 64];
  for (uint32_t t = 0; t < 8; t++) g->maxnb[t] = 0;
  for (uint32_t l = 0; l < lanes; l++) {
    const size_t n = pwlen[l];
    for (uint32_t t = 0; t < 8; t++) {
      memset(msg, 0, sizeof msg);
      size_t pos = 0;
      if (t & 1) { memcpy(msg, pw[l], n); pos = n; } else pos = 16;
      if (t & 2) { memcpy(msg + pos, salt, slen); pos += slen; }
      if (t & 4) { memcpy(msg + pos, pw[l], n); pos += n; }
      if (t & 1) { g->q[t][l] = (uint8_t)(pos / 4); g->r[t][l] = (uint8_t)(pos % 4); pos += 16; }
      else { memcpy(msg + pos, pw[l], n); pos += n; g->q[t][l] = 0; g->r[t][l] = 0; }
      msg[pos] = 0x80;
      const size_t blocks = (pos + 1 + 8 + 63) / 64;
      const uint64_t bits = (uint64_t)pos * 8;
      for (int i = 0; i < 8; i++) msg[blocks * 64 - 8 + i] = (uint8_t)(bits >> (8 * i));
      g->nb[t][l] = (uint8_t)blocks;
      if (blocks > g->maxnb[t]) g->maxnb[t] = (uint32_t)blocks;
      for (size_t w = 0; w < WIN; w++) tmpl[(t * WIN + w) * lanes + l] = load_le(msg + w * 4);
    }
    for (size_t k = 0; k < 4; k++) cbuf[k * lanes + l] = load_le(fin[l] + k * 4);
  }
  g->tmpl = tmpl;
  g->c = cbuf;
}

typedef struct {
  const batch_job *job;
  const char *target; /* or NULL: every hash into `all` */
  char *all;
  int32_t best;
} mc_run;

static void found(mc_run *run, uint32_t i, const char out[22]) {
  if (run->all) memcpy(run->all + (size_t)i * 22, out, 22);
  else if (!memcmp(out, run->target, 22) && (run->best < 0 || (int32_t)i < run->best)) run->best = (int32_t)i;
}

/* One candidate through the scalar code (long ones, no lanes, a nearly empty last group). */
static void run_scalar(mc_run *run, uint32_t i) {
  const batch_job *job = run->job;
  char out[22];
  md5crypt_hash(job->buf + job->offsets[i], job->offsets[i + 1] - job->offsets[i], job->salt, job->saltLength, out);
  found(run, i, out);
}

/* Candidates idx[0..k) (ascending) in one group of lanes; unused lanes repeat the first candidate. */
static void run_group(mc_run *run, const mc_isa *isa, const uint32_t *idx, uint32_t k) {
  const batch_job *job = run->job;
  const uint32_t lanes = isa->lanes;
  const uint8_t *pw[MC_MAXLANES];
  size_t pwlen[MC_MAXLANES];
  uint8_t fin[MC_MAXLANES][16];
  uint32_t tmpl[8 * MC_BLOCKS * 16 * MC_MAXLANES] __attribute__((aligned(64)));
  uint32_t cbuf[4 * MC_MAXLANES] __attribute__((aligned(64)));
  uint32_t cout[4 * MC_MAXLANES] __attribute__((aligned(64)));
  crypt_layout g;
  for (uint32_t l = 0; l < lanes; l++) {
    const uint32_t i = idx[l < k ? l : 0];
    pw[l] = job->buf + job->offsets[i];
    pwlen[l] = job->offsets[i + 1] - job->offsets[i];
    if (l < k) md5crypt_prepare(pw[l], pwlen[l], job->salt, job->saltLength, fin[l]);
    else memcpy(fin[l], fin[0], 16);
  }
  lay_out(pw, pwlen, (const uint8_t (*)[16])fin, lanes, job->salt, job->saltLength, &g, tmpl, cbuf);
  isa->rounds(&g, cout);
  for (uint32_t l = 0; l < k; l++) {
    uint8_t digest[16];
    char out[22];
    for (size_t w = 0; w < 4; w++) {
      const uint32_t v = cout[w * lanes + l];
      for (size_t b = 0; b < 4; b++) digest[w * 4 + b] = (uint8_t)(v >> (8 * b));
    }
    md5crypt_encode(digest, out);
    found(run, idx[l], out);
  }
}

int32_t md5crypt_run(int level, const batch_job *job, const char *target, char *all) {
  const int last = (int)(sizeof ISAS / sizeof *ISAS) - 1;
  const mc_isa *isa = &ISAS[level < 0 ? 0 : level > last ? last : level];
  mc_run run = {job, target, all, -1};
  const uint32_t lanes = isa->gain ? isa->lanes : 0;
  const int lanesOk = lanes && job->saltLength <= MC_MAXSALT;
  uint32_t idx[MC_MAXLANES], k = 0;
  for (uint32_t i = 0; i < job->count; i++) {
    /* Batch order: nothing after a match can be the first one. */
    if (!all && run.best >= 0 && (int32_t)i > run.best) break;
    if (!lanesOk || job->offsets[i + 1] - job->offsets[i] > MC_MAXPW) { run_scalar(&run, i); continue; }
    idx[k++] = i;
    if (k == lanes) { run_group(&run, isa, idx, k); k = 0; }
  }
  /* The last group, part empty, costs as much as a full one: its few candidates may be cheaper one by one. */
  if (k && k * isa->gain >= lanes) run_group(&run, isa, idx, k);
  else for (uint32_t l = 0; l < k; l++) run_scalar(&run, idx[l]);
  return run.best;
}

int32_t md5crypt_find(const batch_job *job, const char *target, size_t targetLength) {
  if (targetLength != 22) return -1;
  return md5crypt_run(kernel_level(), job, target, 0);
}
