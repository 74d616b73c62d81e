/* The hybrid product kernel: stems × suffixes, built into the SIMD lanes directly.
 *
 * The suffixes are prepared once (`suffix_set`) in groups of one SIMD width of consecutive suffixes, each group's
 * tails (the suffix, the salt, the 0x80 pad) already laid out word-major as the lanes want them, for every
 * position a stem can end at inside a word. A group of candidates — one stem, one group of suffixes — is then
 * written with a handful of whole-vector stores: the stem's words (only when the stem changes), its last partial
 * word OR-ed into the tails' first word, the tails' other words, the lengths. No byte is copied per candidate.
 * Hashing a block right after writing it would stall on store forwarding, so two sets of blocks are filled and
 * hashed in turn. Pairs too long for one block, or whose suffix cannot be encoded, take the scalar path. */
#include "product.h"
#include <stdlib.h>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif
#include <string.h>

#define MAX_LANES 16
#define MAX_TAIL 120 /* encoded suffix + salt + pad, in bytes: beyond that a pair cannot fit in one block */

struct suffix_set {
  int algo;
  uint32_t count, wordBytes, lanes, groups;
  uint8_t *bytes; /* the raw suffixes (UTF-8), for the scalar path */
  uint32_t *rawOffsets;
  uint8_t *salt;
  uint32_t saltLength;
  /* per suffix, padded to whole groups: tail length in bytes (encoded suffix + salt, no pad); UINT32_MAX when
   * it cannot be encoded in one block or is padding */
  uint32_t *length;
  uint32_t *maxLength; /* per group, over its usable suffixes */
  uint32_t *scalarLanes; /* per group, a bit per suffix (not padding) that takes the scalar path */
  /* per alignment a (0 .. wordBytes-1) and group g: maxWords[a][g] words, word k of lane l at
   * words[a] + (start[a][g] + k * lanes + l) * (wordBytes / 4), in 32-bit units, already in the algorithm's
   * byte order; lanes whose tail is shorter hold zeros */
  uint32_t *words[8];
  uint32_t *start[8];
  uint8_t *maxWords[8];
};


static int encode(int algo, const uint8_t *s, size_t n, uint8_t *out, size_t cap, size_t *written) {
  if (algo == ALGO_NT) {
    size_t len = kernel_utf16le(s, n, out, cap);
    if (len == SIZE_MAX) return 0;
    *written = len;
    return 1;
  }
  if (n > cap) return 0;
  memcpy(out, s, n);
  *written = n;
  return 1;
}

/* Word k of a message (bytes), in the algorithm's word size and order, as 32-bit units. */
static void word_at(int algo, const uint8_t *b, uint32_t k, uint32_t *out) {
  if (algo == ALGO_SHA512) {
    uint64_t v;
    memcpy(&v, b + 8 * k, 8);
    v = __builtin_bswap64(v);
    memcpy(out, &v, 8);
  } else {
    uint32_t v;
    memcpy(&v, b + 4 * k, 4);
    *out = kernel_little_endian(algo) ? v : __builtin_bswap32(v);
  }
}

void suffixes_free(suffix_set *s) {
  if (!s) return;
  free(s->bytes);
  free(s->rawOffsets);
  free(s->salt);
  free(s->length);
  free(s->maxLength);
  free(s->scalarLanes);
  for (int a = 0; a < 8; a++) { free(s->words[a]); free(s->start[a]); free(s->maxWords[a]); }
  free(s);
}

uint32_t suffixes_count(const suffix_set *s) { return s->count; }
int suffixes_algo(const suffix_set *s) { return s->algo; }

suffix_set *suffixes_create(int algo, const uint8_t *bytes, const uint32_t *offsets, uint32_t count, const uint8_t *salt,
                            uint32_t saltLength) {
  suffix_set *s = calloc(1, sizeof *s);
  if (!s) return 0;
  s->algo = algo;
  s->count = count;
  s->wordBytes = algo == ALGO_SHA512 ? 8 : 4;
  s->lanes = algo == ALGO_SHA512 ? kernel_lanes() / 2 : kernel_lanes();
  s->groups = (count + s->lanes - 1) / s->lanes;
  const uint32_t L = s->lanes, wb = s->wordBytes, unit = wb / 4, padded = s->groups * L;
  size_t raw = count ? offsets[count] : 0;
  s->bytes = malloc(raw ? raw : 1);
  s->rawOffsets = malloc(sizeof(uint32_t) * (count + 1));
  s->salt = malloc(saltLength ? saltLength : 1);
  s->length = malloc(sizeof(uint32_t) * (padded ? padded : 1));
  s->maxLength = calloc(s->groups ? s->groups : 1, sizeof(uint32_t));
  s->scalarLanes = calloc(s->groups ? s->groups : 1, sizeof(uint32_t));
  if (!s->bytes || !s->rawOffsets || !s->salt || !s->length || !s->maxLength || !s->scalarLanes) { suffixes_free(s); return 0; }
  memcpy(s->bytes, bytes, raw);
  memcpy(s->rawOffsets, offsets, sizeof(uint32_t) * (count + 1));
  if (saltLength) memcpy(s->salt, salt, saltLength);
  s->saltLength = saltLength;
  uint8_t buf[MAX_TAIL + 16];
  for (uint32_t j = 0; j < padded; j++) {
    size_t w;
    if (j >= count || !encode(algo, bytes + offsets[j], offsets[j + 1] - offsets[j], buf, MAX_TAIL, &w) || w + saltLength + 1 > MAX_TAIL) {
      s->length[j] = UINT32_MAX;
      if (j < count) s->scalarLanes[j / L] |= 1u << (j % L);
      continue;
    }
    s->length[j] = (uint32_t)(w + saltLength);
    if (s->length[j] > s->maxLength[j / L]) s->maxLength[j / L] = s->length[j];
  }
  for (uint32_t a = 0; a < wb; a++) {
    s->start[a] = malloc(sizeof(uint32_t) * (s->groups ? s->groups : 1));
    s->maxWords[a] = malloc(s->groups ? s->groups : 1);
    if (!s->start[a] || !s->maxWords[a]) { suffixes_free(s); return 0; }
    size_t total = 0;
    for (uint32_t g = 0; g < s->groups; g++) {
      uint32_t n = (uint32_t)((a + s->maxLength[g] + 1 + wb - 1) / wb);
      s->start[a][g] = (uint32_t)total;
      s->maxWords[a][g] = (uint8_t)n;
      total += (size_t)n * L;
    }
    s->words[a] = calloc(total ? total * unit : 1, sizeof(uint32_t));
    if (!s->words[a]) { suffixes_free(s); return 0; }
    for (uint32_t j = 0; j < count; j++) {
      if (s->length[j] == UINT32_MAX) continue;
      uint32_t g = j / L, l = j % L;
      uint8_t m[MAX_TAIL + 32] __attribute__((aligned(8)));
      memset(m, 0, sizeof m);
      size_t w = 0;
      encode(algo, bytes + offsets[j], offsets[j + 1] - offsets[j], m + a, MAX_TAIL, &w);
      if (saltLength) memcpy(m + a + w, salt, saltLength);
      m[a + w + saltLength] = 0x80;
      for (uint32_t k = 0; k < s->maxWords[a][g]; k++)
        word_at(algo, m, k, s->words[a] + ((size_t)s->start[a][g] + (size_t)k * L + l) * unit);
    }
  }
  return s;
}

static inline void record(const product_job *job, uint32_t *nhits, uint32_t stem, uint32_t suffix) {
  if (*nhits < job->capacity) {
    job->hits[2 * *nhits] = stem;
    job->hits[2 * *nhits + 1] = suffix;
  }
  (*nhits)++;
}

/* One pair the slow way: the candidate concatenated, hashed by the scalar code. */
static void scalar_pair(const product_job *job, uint32_t stem, uint32_t suffix, uint32_t *nhits) {
  const suffix_set *x = job->suffixes;
  uint8_t msg[1024], digest[64];
  size_t a, b;
  if (!encode(x->algo, job->stems + job->stemOffsets[stem], job->stemOffsets[stem + 1] - job->stemOffsets[stem], msg, 512, &a)) return;
  if (!encode(x->algo, x->bytes + x->rawOffsets[suffix], x->rawOffsets[suffix + 1] - x->rawOffsets[suffix], msg + a, 400, &b)) return;
  if (a + b + x->saltLength > sizeof msg) return;
  if (x->saltLength) memcpy(msg + a + b, x->salt, x->saltLength);
  hash_once(x->algo, msg, a + b + x->saltLength, 0, 0, digest);
  if (targets_lookup(job->targets, targets_key(digest), digest)) record(job, nhits, stem, suffix);
}


/* What one group of lanes holds: one stem and one group of suffixes. */
typedef struct {
  uint32_t stem;  /* the stem whose words the group's blocks hold (UINT32_MAX: none) */
  uint32_t high;  /* words written past the stem's full words, up to (exclusive) */
  uint32_t group, from, to; /* the suffix group held, and its lanes that are candidates of this run */
} group_slot;

/* A set of blocks: KERNEL_GROUPS groups of lanes. */
typedef struct {
  uint32_t blk[KERNEL_GROUPS * 16 * MAX_LANES] __attribute__((aligned(64)));
  uint32_t n; /* groups filled in this round */
  group_slot slot[KERNEL_GROUPS];
} lane_set;

/* The states of a hashed set, and which candidates they are (the slots of the set they were hashed from). */
typedef struct {
  uint32_t st[KERNEL_GROUPS * 8 * MAX_LANES] __attribute__((aligned(64)));
  uint32_t n; /* groups holding states not looked up yet */
  group_slot slot[KERNEL_GROUPS];
} hashed;

#define INLINE static inline __attribute__((always_inline))

/* Per instruction set: the lane vectors, a byte swap of each lane, and the bitmap test of a vector of slots (a
 * bit per lane whose slot is set). */
#define LANE_TYPES(PL)                                                                                       \
  typedef uint32_t SFX(pv32) __attribute__((vector_size(PL * 4)));                                           \
  typedef uint32_t SFX(pv32u) __attribute__((vector_size(PL * 4), aligned(4)));                              \
  typedef uint64_t SFX(pv64) __attribute__((vector_size(PL * 4)));                                           \
  typedef uint8_t SFX(pv8) __attribute__((vector_size(PL * 4)));                                             \
  INLINE SFX(pv32) SFX(bswap)(SFX(pv32) v) {                                                                 \
    SFX(pv8) order;                                                                                          \
    for (int i = 0; i < PL * 4; i++) order[i] = (uint8_t)((i & ~3) | (3 - (i & 3)));                         \
    return (SFX(pv32))__builtin_shuffle((SFX(pv8))v, order);                                                 \
  }

#define PL 4
#define SFX(name) name##_base
LANE_TYPES(4)
INLINE uint32_t SFX(bitmap_hits)(SFX(pv32) slot, const uint32_t *bitmap) {
  uint32_t hit = 0;
  for (int l = 0; l < 4; l++) hit |= ((bitmap[slot[l] >> 5] >> (slot[l] & 31)) & 1u) << l;
  return hit;
}
#include "product_lanes.inc"
#undef PL
#undef SFX

#if defined(__x86_64__) || defined(__i386__)
#pragma GCC push_options
#pragma GCC target("avx2")
#define PL 8
#define SFX(name) name##_avx2
LANE_TYPES(8)
INLINE uint32_t SFX(bitmap_hits)(SFX(pv32) slot, const uint32_t *bitmap) {
  __m256i s = (__m256i)slot;
  __m256i words = _mm256_i32gather_epi32((const int *)bitmap, _mm256_srli_epi32(s, 5), 4);
  __m256i bits = _mm256_sllv_epi32(words, _mm256_sub_epi32(_mm256_set1_epi32(31), _mm256_and_si256(s, _mm256_set1_epi32(31))));
  return (uint32_t)_mm256_movemask_ps(_mm256_castsi256_ps(bits)); /* each lane's bit, moved to its sign */
}
#include "product_lanes.inc"
#undef PL
#undef SFX
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx512f,avx512vl,avx512bw")
#define PL 16
#define SFX(name) name##_avx512
LANE_TYPES(16)
INLINE uint32_t SFX(bitmap_hits)(SFX(pv32) slot, const uint32_t *bitmap) {
  __m512i s = (__m512i)slot;
  __m512i words = _mm512_i32gather_epi32(_mm512_srli_epi32(s, 5), bitmap, 4);
  __m512i bits = _mm512_srlv_epi32(words, _mm512_and_si512(s, _mm512_set1_epi32(31)));
  return (uint32_t)_mm512_test_epi32_mask(bits, _mm512_set1_epi32(1));
}
#include "product_lanes.inc"
#undef PL
#undef SFX
#pragma GCC pop_options
#endif

uint32_t product_run(const product_job *job) {
  const suffix_set *x = job->suffixes;
  const uint32_t L = x->lanes;
  if (job->count == 0 || job->stemCount == 0 || x->count == 0 || L > MAX_LANES || (L != kernel_lanes() && L * 2 != kernel_lanes()))
    return 0;
  switch (kernel_lanes()) {
#if defined(__x86_64__) || defined(__i386__)
    case 16: return run_avx512(job);
    case 8: return run_avx2(job);
#endif
    case 4: return run_base(job);
    default: return 0;
  }
}
