/* Instruction-set dispatch and the batch driver: packs candidates into one block per lane, runs the widest SIMD
 * group the CPU has, and either writes digests or looks them up in a target set. */
#include "kernels.h"
#include <stdlib.h>
#include <string.h>

#define LANES 4
#define SFX(name) name##_base
#include "lanes.inc"
#undef LANES
#undef SFX

#if defined(__x86_64__) || defined(__i386__)
#pragma GCC push_options
#pragma GCC target("avx2")
#define LANES 8
#define SFX(name) name##_avx2
#include "lanes.inc"
#undef LANES
#undef SFX
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx512f,avx512vl,avx512bw")
#define LANES 16
#define SFX(name) name##_avx512
#include "lanes.inc"
#undef LANES
#undef SFX
#pragma GCC pop_options
#endif

static kernel_group_fn group = 0;
static uint32_t lanes32 = 4;
static const char *isa = "base";

static void choose(void) {
  if (group) return;
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  if (!getenv("VIGIE_NATIVE_NO_AVX512") && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
      __builtin_cpu_supports("avx512bw")) {
    group = group_avx512; lanes32 = 16; isa = "avx512"; return;
  }
  if (__builtin_cpu_supports("avx2")) { group = group_avx2; lanes32 = 8; isa = "avx2"; return; }
  isa = "sse2";
#elif defined(__aarch64__)
  isa = "neon";
#endif
  group = group_base; lanes32 = 4;
}

const char *kernel_isa(void) { choose(); return isa; }
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

int targets_lookup(const target_set *t, uint64_t key, const uint8_t *digest) {
  uint64_t slot = key >> t->bitmapShift;
  if (!((t->bitmap[slot >> 6] >> (slot & 63)) & 1)) return 0;
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
  const int little = algo == ALGO_MD5 || algo == ALGO_MD4 || algo == ALGO_NT;
  const int nt = algo == ALGO_NT;
  const uint32_t lanes = wide ? lanes32 / 2 : lanes32;
  const size_t blockBytes = wide ? 128 : 64, lenBytes = wide ? 16 : 8;
  const size_t fits = blockBytes - lenBytes - 1;
  const size_t dlen = hash_digest_length(algo);
  const uint32_t stateWords = (uint32_t)(wide ? 8 : (dlen / 4));
  const uint8_t *salt = job->salt;
  const size_t saltLength = job->saltLength;
  uint32_t blk[16 * 16] __attribute__((aligned(64)));
  uint32_t st[8 * 16] __attribute__((aligned(64)));
  union { uint8_t b[128]; uint32_t w[32]; uint64_t q[16]; } m __attribute__((aligned(64)));
  uint32_t idx[16];
  uint8_t digest[64];
  uint32_t nhits = 0;
  uint32_t *w32 = blk;
  uint64_t *w64 = (uint64_t *)blk;
  for (uint32_t i = 0; i < job->count;) {
    uint32_t n = 0;
    while (n < lanes && i < job->count) {
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
      if (wide) {
        for (int w = 0; w < 15; w++) w64[w * lanes + n] = __builtin_bswap64(m.q[w]);
        w64[15 * lanes + n] = bits;
      } else if (little) {
        for (int w = 0; w < 14; w++) w32[w * lanes + n] = m.w[w];
        w32[14 * lanes + n] = (uint32_t)bits;
        w32[15 * lanes + n] = 0;
      } else {
        for (int w = 0; w < 14; w++) w32[w * lanes + n] = bswap32(m.w[w]);
        w32[14 * lanes + n] = 0;
        w32[15 * lanes + n] = (uint32_t)bits;
      }
      idx[n++] = i++;
    }
    if (!n) continue;
    group(algo, blk, st);
    for (uint32_t l = 0; l < n; l++) {
      if (!job->digests) {
        /* Match only: the bitmap on the first 8 digest bytes, straight from the state, rejects almost all. */
        uint64_t key = wide ? ((const uint64_t *)st)[l]
          : little ? (uint64_t)bswap32(st[l]) << 32 | bswap32(st[lanes + l]) : (uint64_t)st[l] << 32 | st[lanes + l];
        if (!bitmap_has(job->targets, key)) continue;
      }
      if (wide) {
        const uint64_t *s64 = (const uint64_t *)st;
        for (uint32_t w = 0; w < 8; w++) {
          uint64_t v = __builtin_bswap64(s64[w * lanes + l]);
          memcpy(digest + 8 * w, &v, 8);
        }
      } else {
        for (uint32_t w = 0; w < stateWords; w++) {
          uint32_t v = st[w * lanes + l];
          if (!little) v = bswap32(v);
          memcpy(digest + 4 * w, &v, 4);
        }
      }
      nhits = emit(job, idx[l], digest, dlen, nhits);
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
  t->keys = malloc(sizeof(uint64_t) * (count ? count : 1));
  t->digests = malloc((size_t)t->digestLength * (count ? count : 1));
  uint32_t *order = malloc(sizeof(uint32_t) * (count ? count : 1));
  uint8_t *raw = malloc((size_t)t->digestLength * (count ? count : 1));
  if (!t->bitmap || !t->keys || !t->digests || !order || !raw) { free(order); free(raw); targets_free(t); return 0; }
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
  }
  free(order);
  free(raw);
  return t;
}

void targets_free(target_set *t) {
  if (!t) return;
  free(t->bitmap);
  free(t->keys);
  free(t->digests);
  free(t);
}
