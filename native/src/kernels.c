/* Instruction-set dispatch and the batch driver: packs candidates into one block per lane, runs the widest SIMD
 * group the CPU has, and either writes digests or looks them up in a target set. */
#include "kernels.h"
#include <stdlib.h>
#include <string.h>

/* Chains per call for each algorithm (lanes.inc), measured on one EPYC (Zen 5) core: beyond these the registers
 * spill. The SHA family has enough independent work in one step (and 16 message words to keep) that one chain is
 * its best. */
#define CH_SHA1 1
#define CH_SHA256 1
#define CH_SHA512 1

#define LANES 4
#define SFX(name) name##_base
#define CH_MD5 4
#define CH_MD4 4
#include "lanes.inc"
#undef CH_MD5
#undef CH_MD4
#undef LANES
#undef SFX

#if defined(__x86_64__) || defined(__i386__)
#pragma GCC push_options
#pragma GCC target("avx2")
#define LANES 8
#define SFX(name) name##_avx2
#define CH_MD5 4
#define CH_MD4 4
#include "lanes.inc"
#undef CH_MD5
#undef CH_MD4
#undef LANES
#undef SFX
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx512f,avx512vl,avx512bw")
#define LANES 16
#define SFX(name) name##_avx512
#define CH_MD5 8
#define CH_MD4 8
#include "lanes.inc"
#undef CH_MD5
#undef CH_MD4
#undef LANES
#undef SFX
#pragma GCC pop_options
#endif

static kernel_group_fn group = 0;
static uint32_t lanes32 = 4;
static const char *isa = "base";

/* The widest instruction set the CPU has, or a narrower one named by VIGIE_NATIVE_ISA (avx2, sse2; for tests and
 * for comparing tiers — a wider one than the CPU has is not taken). VIGIE_NATIVE_NO_AVX512=1 is the same as avx2. */
static void choose(void) {
  if (group) return;
#if defined(__x86_64__) || defined(__i386__)
  const char *want = getenv("VIGIE_NATIVE_ISA");
  const char *no512 = getenv("VIGIE_NATIVE_NO_AVX512");
  const int noAvx512 = (want && (!strcmp(want, "avx2") || !strcmp(want, "sse2"))) || (no512 && *no512 && strcmp(no512, "0"));
  const int noAvx2 = want && !strcmp(want, "sse2");
  __builtin_cpu_init();
  if (!noAvx512 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
      __builtin_cpu_supports("avx512bw")) {
    group = group_avx512; lanes32 = 16; isa = "avx512"; return;
  }
  if (!noAvx2 && __builtin_cpu_supports("avx2")) { group = group_avx2; lanes32 = 8; isa = "avx2"; return; }
  isa = "sse2";
#elif defined(__aarch64__)
  isa = "neon";
#endif
  group = group_base; lanes32 = 4;
}

const char *kernel_isa(void) { choose(); return isa; }

int kernel_level(void) {
  const char *chosen = kernel_isa();
  if (!strcmp(chosen, "avx512")) return 3;
  if (!strcmp(chosen, "avx2")) return 2;
  return 1;
}
kernel_group_fn kernel_group(void) { choose(); return group; }
uint32_t kernel_lanes(void) { choose(); return lanes32; }

static inline uint32_t bswap32(uint32_t x) { return __builtin_bswap32(x); }

/* UTF-8 → UTF-16LE (NT hashes the UTF-16 code units, as Windows does). Returns the byte length, or SIZE_MAX. */
size_t kernel_utf16le(const uint8_t *s, size_t n, uint8_t *out, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp = s[i];
    size_t extra = cp < 0x80 ? 0 : cp < 0xe0 ? 1 : cp < 0xf0 ? 2 : 3;
    if (extra) cp &= 0x3f >> extra;
    if (extra && i + extra >= n) return SIZE_MAX;
    for (size_t k = 1; k <= extra; k++) cp = cp << 6 | (s[i + k] & 0x3f);
    i += extra + 1;
    if (cp >= 0x10000) {
      if (o + 4 > cap) return SIZE_MAX;
      cp -= 0x10000;
      uint32_t hi = 0xd800 | (cp >> 10), lo = 0xdc00 | (cp & 0x3ff);
      out[o++] = hi & 0xff; out[o++] = hi >> 8; out[o++] = lo & 0xff; out[o++] = lo >> 8;
    } else {
      if (o + 2 > cap) return SIZE_MAX;
      out[o++] = cp & 0xff; out[o++] = cp >> 8;
    }
  }
  return o;
}

/* The message a candidate hashes to: candidate (NT: in UTF-16LE) then the salt. SIZE_MAX when it does not fit. */
static size_t message(const batch_job *job, uint32_t i, uint8_t *out, size_t cap) {
  const uint8_t *c = job->buf + job->offsets[i];
  size_t n = job->offsets[i + 1] - job->offsets[i], len;
  if (job->algo == ALGO_NT) {
    len = kernel_utf16le(c, n, out, cap);
    if (len == SIZE_MAX) return SIZE_MAX;
  } else {
    if (n > cap) return SIZE_MAX;
    memcpy(out, c, n);
    len = n;
  }
  if (job->saltLength) {
    if (len + job->saltLength > cap) return SIZE_MAX;
    memcpy(out + len, job->salt, job->saltLength);
    len += job->saltLength;
  }
  return len;
}

static inline uint32_t key2(const uint8_t *d) { return (uint32_t)d[8] << 24 | (uint32_t)d[9] << 16 | (uint32_t)d[10] << 8 | d[11]; }

int targets_lookup(const target_set *t, uint64_t key, const uint8_t *digest) {
  uint64_t slot = key >> t->bitmapShift;
  if (!((t->bitmap[slot >> 6] >> (slot & 63)) & 1)) return 0;
  uint32_t slot2 = key2(digest) >> t->bitmap2Shift;
  if (!((t->bitmap2[slot2 >> 6] >> (slot2 & 63)) & 1)) return 0;
  uint32_t lo = 0, hi = t->count;
  while (lo < hi) {
    uint32_t mid = (lo + hi) >> 1;
    if (t->keys[mid] < key) lo = mid + 1; else hi = mid;
  }
  for (; lo < t->count && t->keys[lo] == key; lo++)
    if (!memcmp(t->digests + (size_t)lo * t->digestLength, digest, t->digestLength)) return 1;
  return 0;
}

uint64_t targets_key(const uint8_t *d) {
  uint64_t k = 0;
  for (int i = 0; i < 8; i++) k = k << 8 | d[i];
  return k;
}

/* One finished digest: stored (digest mode) or looked up (match mode). */
static uint32_t emit(const batch_job *job, uint32_t i, const uint8_t *digest, size_t dlen, uint32_t nhits) {
  if (job->digests) memcpy(job->digests + (size_t)i * dlen, digest, dlen);
  if (job->targets && targets_lookup(job->targets, targets_key(digest), digest)) job->hits[nhits++] = i;
  return nhits;
}

static uint32_t run_lm(const batch_job *job) {
  uint32_t nhits = 0;
  uint8_t d[16];
  for (uint32_t i = 0; i < job->count; i++) {
    /* The caller packs LM candidates as 14 OEM bytes; anything else has no LM hash and matches nothing. */
    if (job->offsets[i + 1] - job->offsets[i] != 14) {
      if (job->digests) memset(job->digests + (size_t)i * 16, 0, 16);
      continue;
    }
    lm_hash(job->buf + job->offsets[i], d);
    nhits = emit(job, i, d, 16, nhits);
  }
  return nhits;
}

/* A candidate longer than one block: the scalar path (rare: candidates are short). */
static uint32_t run_long(const batch_job *job, uint32_t i, uint32_t nhits) {
  uint8_t big[4096], digest[64];
  size_t dlen = hash_digest_length(job->algo);
  size_t blen = message(job, i, big, sizeof big);
  if (blen == SIZE_MAX) {
    if (job->digests) memset(job->digests + (size_t)i * dlen, 0, dlen);
    return nhits;
  }
  hash_once(job->algo, big, blen, 0, 0, digest);
  return emit(job, i, digest, dlen, nhits);
}


uint32_t kernel_run(const batch_job *job) {
  choose();
  if (job->algo == ALGO_LM) return run_lm(job);
  const int algo = job->algo;
  const int wide = algo == ALGO_SHA512;
  const int little = kernel_little_endian(algo);
  const int nt = algo == ALGO_NT;
  const uint32_t lanes = wide ? lanes32 / 2 : lanes32;
  const size_t blockBytes = wide ? 128 : 64, lenBytes = wide ? 16 : 8;
  const size_t fits = blockBytes - lenBytes - 1;
  const size_t dlen = hash_digest_length(algo);
  const uint8_t *salt = job->salt;
  const size_t saltLength = job->saltLength;
  uint32_t blk[KERNEL_GROUPS * 16 * 16] __attribute__((aligned(64)));
  uint32_t st[KERNEL_GROUPS * 8 * 16] __attribute__((aligned(64)));
  union { uint8_t b[128]; uint32_t w[32]; uint64_t q[16]; } m __attribute__((aligned(64)));
  uint32_t idx[KERNEL_GROUPS * 16];
  uint8_t digest[64];
  uint32_t nhits = 0;
  const uint32_t room = lanes * KERNEL_GROUPS;
  for (uint32_t i = 0; i < job->count;) {
    uint32_t n = 0;
    while (n < room && i < job->count) {
      const uint8_t *c = job->buf + job->offsets[i];
      size_t len = job->offsets[i + 1] - job->offsets[i];
      memset(m.b, 0, 128);
      if (nt) {
        len = kernel_utf16le(c, len, m.b, fits);
      } else if (len <= fits) {
        memcpy(m.b, c, len);
      } else len = SIZE_MAX;
      if (len != SIZE_MAX && saltLength) {
        if (len + saltLength <= fits) { memcpy(m.b + len, salt, saltLength); len += saltLength; }
        else len = SIZE_MAX;
      }
      if (len == SIZE_MAX) { nhits = run_long(job, i, nhits); i++; continue; }
      m.b[len] = 0x80;
      uint64_t bits = (uint64_t)len * 8;
      /* Candidate n: lane n % lanes of group n / lanes. */
      const uint32_t l = n % lanes, base = n / lanes * 16 * lanes + l;
      if (wide) {
        uint64_t *w64 = (uint64_t *)blk + base;
        for (int w = 0; w < 15; w++) w64[w * lanes] = __builtin_bswap64(m.q[w]);
        w64[15 * lanes] = bits;
      } else if (little) {
        uint32_t *w32 = blk + base;
        for (int w = 0; w < 14; w++) w32[w * lanes] = m.w[w];
        w32[14 * lanes] = (uint32_t)bits;
        w32[15 * lanes] = 0;
      } else {
        uint32_t *w32 = blk + base;
        for (int w = 0; w < 14; w++) w32[w * lanes] = bswap32(m.w[w]);
        w32[14 * lanes] = 0;
        w32[15 * lanes] = (uint32_t)bits;
      }
      idx[n++] = i++;
    }
    if (!n) continue;
    group(algo, blk, st, (n + lanes - 1) / lanes);
    for (uint32_t j = 0; j < n; j++) {
      const uint32_t l = j % lanes, base = j / lanes * 8 * lanes + l; /* in the state's units */
      if (!job->digests) {
        /* Match only: the bitmap on the first 8 digest bytes, straight from the state, rejects almost all. */
        uint64_t key = wide ? ((const uint64_t *)st)[base]
          : little ? (uint64_t)bswap32(st[base]) << 32 | bswap32(st[base + lanes]) : (uint64_t)st[base] << 32 | st[base + lanes];
        if (!bitmap_has(job->targets, key)) continue;
      }
      state_digest(algo, st + j / lanes * 8 * lanes32, lanes, l, digest);
      nhits = emit(job, idx[j], digest, dlen, nhits);
    }
  }
  return nhits;
}

static __thread const target_set *sorting;

static int compare_entries(const void *a, const void *b) {
  const target_set *t = sorting;
  uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
  return memcmp(t->digests + (size_t)i * t->digestLength, t->digests + (size_t)j * t->digestLength, t->digestLength);
}

target_set *targets_create(int algo, const uint8_t *digests, uint32_t count) {
  target_set *t = calloc(1, sizeof *t);
  if (!t) return 0;
  t->algo = algo;
  t->count = count;
  t->digestLength = (uint32_t)hash_digest_length(algo);
  uint32_t bits = 12;
  while (bits < 26 && (1ull << bits) < (uint64_t)count * 64) bits++;
  t->bitmapShift = 64 - bits;
  t->bitmap = calloc((1ull << bits) / 64, 8);
  uint32_t bits2 = 10;
  while (bits2 < 24 && (1ull << bits2) < (uint64_t)count * 16) bits2++;
  t->bitmap2Shift = 32 - bits2;
  t->bitmap2 = calloc((1ull << bits2) / 64, 8);
  t->keys = malloc(sizeof(uint64_t) * (count ? count : 1));
  t->digests = malloc((size_t)t->digestLength * (count ? count : 1));
  uint32_t *order = malloc(sizeof(uint32_t) * (count ? count : 1));
  uint8_t *raw = malloc((size_t)t->digestLength * (count ? count : 1));
  if (!t->bitmap || !t->bitmap2 || !t->keys || !t->digests || !order || !raw) { free(order); free(raw); targets_free(t); return 0; }
  memcpy(raw, digests, (size_t)t->digestLength * count);
  for (uint32_t i = 0; i < count; i++) order[i] = i;
  /* Sorting by full digest also sorts by key (its first 8 bytes, big-endian). */
  uint8_t *keep = t->digests;
  t->digests = raw;
  sorting = t;
  qsort(order, count, sizeof *order, compare_entries);
  t->digests = keep;
  for (uint32_t i = 0; i < count; i++) {
    const uint8_t *d = raw + (size_t)order[i] * t->digestLength;
    memcpy(t->digests + (size_t)i * t->digestLength, d, t->digestLength);
    t->keys[i] = targets_key(d);
    uint64_t slot = t->keys[i] >> t->bitmapShift;
    t->bitmap[slot >> 6] |= 1ull << (slot & 63);
    uint32_t slot2 = key2(d) >> t->bitmap2Shift;
    t->bitmap2[slot2 >> 6] |= 1ull << (slot2 & 63);
  }
  free(order);
  free(raw);
  return t;
}

void targets_free(target_set *t) {
  if (!t) return;
  free(t->bitmap);
  free(t->bitmap2);
  free(t->keys);
  free(t->digests);
  free(t);
}
