/* The batch kernels: many candidates per call, packed in one buffer with offsets, digests or hits out. */
#ifndef VIGIE_KERNELS_H
#define VIGIE_KERNELS_H
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include "scalar.h"

/* Target digests sorted by their first 8 bytes, with a bitmap in front: most candidates are rejected by one load. */
typedef struct {
  int algo;
  uint32_t count;
  uint32_t digestLength;
  uint32_t bitmapShift;
  uint64_t *bitmap;
  /* A second, smaller bitmap on digest bytes 8…11 (big-endian), looked at only when the first one hits: it
   * spares the binary search most of the first bitmap's false hits (about one candidate in 90). */
  uint32_t bitmap2Shift;
  uint64_t *bitmap2;
  uint64_t *keys;
  uint8_t *digests; /* count * digestLength, in key order */
} target_set;

typedef struct {
  int algo;
  const uint8_t *buf;
  const uint32_t *offsets; /* count + 1 */
  uint32_t count;
  const uint8_t *salt; /* appended to every candidate (SSHA, SMD5…), may be NULL */
  uint32_t saltLength;
  uint8_t *digests;          /* digest mode: count * digest length */
  const target_set *targets; /* match mode */
  uint32_t *hits;            /* match mode: capacity count */
} batch_job;

/* "avx512", "avx2", "sse2" or "neon"…: the instruction set the SIMD groups run with, chosen at first use. */
const char *kernel_isa(void);
/* The same as a level, for the crypt kernels' own SIMD code (shacrypt_simd.c, md5crypt_simd.c): 1 portable
 * vectors (SSE2/NEON), 2 AVX2, 3 AVX-512 — VIGIE_NATIVE_ISA and VIGIE_NATIVE_NO_AVX512 apply. */
int kernel_level(void);
uint32_t kernel_lanes(void);
/* Returns the number of hits (match mode) or 0. */
uint32_t kernel_run(const batch_job *job);

/* Groups of kernel_lanes() candidates one call of the SIMD function can take: its independent chains are what
 * keeps the vector units busy (lanes.inc). */
#define KERNEL_GROUPS 8
/* The SIMD function of the chosen instruction set: `groups` (1 … KERNEL_GROUPS) groups, one block per lane in,
 * word-major, group g's at blk + g * 16 * kernel_lanes() (32-bit units); states out the same way, group g's at
 * st + g * 8 * kernel_lanes(). */
typedef void (*kernel_group_fn)(int algo, const void *blk, void *st, uint32_t groups);
kernel_group_fn kernel_group(void);
/* UTF-8 → UTF-16LE (what NT hashes). Returns the byte length, or SIZE_MAX when it does not fit in `cap`. */
size_t kernel_utf16le(const uint8_t *s, size_t n, uint8_t *out, size_t cap);

/* The first 8 digest bytes, big-endian: the key targets are sorted and bitmapped by. */
uint64_t targets_key(const uint8_t *digest);
/* 1 when `digest` (whose key is `key`) is one of the targets. */
int targets_lookup(const target_set *t, uint64_t key, const uint8_t *digest);
static inline int bitmap_has(const target_set *t, uint64_t key) {
  uint64_t slot = key >> t->bitmapShift;
  return (t->bitmap[slot >> 6] >> (slot & 63)) & 1;
}

/* MD5 and MD4/NT put their words and lengths little-endian; the SHA family big-endian. */
static inline int kernel_little_endian(int algo) { return algo == ALGO_MD5 || algo == ALGO_MD4 || algo == ALGO_NT; }

/* The digest of lane l of one group's states as the SIMD function leaves them: word w of the lane at
 * st[w * lanes + l], in 32-bit words — or, for SHA-512, in 64-bit words and `lanes` 64-bit lanes. */
static inline void state_digest(int algo, const uint32_t *st, uint32_t lanes, uint32_t l, uint8_t *digest) {
  if (algo == ALGO_SHA512) {
    const uint64_t *s64 = (const uint64_t *)st;
    for (uint32_t w = 0; w < 8; w++) {
      uint64_t v = __builtin_bswap64(s64[w * lanes + l]);
      memcpy(digest + 8 * w, &v, 8);
    }
    return;
  }
  const int little = kernel_little_endian(algo);
  for (uint32_t w = 0; w < hash_digest_length(algo) / 4; w++) {
    uint32_t v = st[w * lanes + l];
    if (!little) v = __builtin_bswap32(v);
    memcpy(digest + 4 * w, &v, 4);
  }
}

target_set *targets_create(int algo, const uint8_t *digests, uint32_t count);
void targets_free(target_set *t);
#endif
