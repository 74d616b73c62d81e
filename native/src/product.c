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
  /* per alignment a (0 .. wordBytes-1) and group g: maxWords[a][g] words, word k of lane l at
   * words[a] + (start[a][g] + k * lanes + l) * (wordBytes / 4), in 32-bit units, already in the algorithm's
   * byte order; lanes whose tail is shorter hold zeros */
  uint32_t *words[8];
  uint32_t *start[8];
  uint8_t *maxWords[8];
};

static int little_endian_algo(int algo) { return algo == ALGO_MD5 || algo == ALGO_MD4 || algo == ALGO_NT; }

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
    *out = little_endian_algo(algo) ? v : __builtin_bswap32(v);
  }
}

void suffixes_free(suffix_set *s) {
  if (!s) return;
  free(s->bytes);
  free(s->rawOffsets);
  free(s->salt);
  free(s->length);
  free(s->maxLength);
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
  if (!s->bytes || !s->rawOffsets || !s->salt || !s->length || !s->maxLength) { suffixes_free(s); return 0; }
  memcpy(s->bytes, bytes, raw);
  memcpy(s->rawOffsets, offsets, sizeof(uint32_t) * (count + 1));
  if (saltLength) memcpy(s->salt, salt, saltLength);
  s->saltLength = saltLength;
  uint8_t buf[MAX_TAIL + 16];
  for (uint32_t j = 0; j < padded; j++) {
    size_t w;
    if (j >= count || !encode(algo, bytes + offsets[j], offsets[j + 1] - offsets[j], buf, MAX_TAIL, &w) || w + saltLength + 1 > MAX_TAIL) {
      s->length[j] = UINT32_MAX;
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

typedef struct {
  uint32_t blk[16 * 16] __attribute__((aligned(64)));
  uint32_t stem;  /* the stem whose words the blocks hold (UINT32_MAX: none) */
  uint32_t high;  /* words written past the stem's full words, up to (exclusive) */
  uint32_t group, from, to; /* the suffix group held, and its lanes that are candidates of this run */
} lane_set;

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

typedef struct {
  uint32_t st[8 * 16] __attribute__((aligned(64)));
  uint32_t stem, group, from, to;
  int full; /* holds states not looked up yet */
} hashed;

/* The lanes of one hashed group: the bitmap on the state's first word, a full compare on a bitmap hit. */
static void check(const product_job *job, const hashed *h, uint32_t slotShift, uint32_t *nhits) {
  const suffix_set *x = job->suffixes;
  const target_set *targets = job->targets;
  const int algo = x->algo, wide = algo == ALGO_SHA512, little = little_endian_algo(algo);
  const uint32_t L = x->lanes;
  const uint32_t *st = h->st;
  for (uint32_t l = h->from; l < h->to; l++) {
    const uint32_t j = h->group * L + l;
    if (x->length[j] == UINT32_MAX) {
      if (j < x->count) scalar_pair(job, h->stem, j, nhits);
      continue;
    }
    uint64_t head = wide ? ((const uint64_t *)st)[l] : little ? __builtin_bswap32(st[l]) : st[l];
    uint64_t slot = head >> slotShift;
    if (!((targets->bitmap[slot >> 6] >> (slot & 63)) & 1)) continue;
    uint8_t digest[64];
    if (wide) {
      const uint64_t *s64 = (const uint64_t *)st;
      for (uint32_t w = 0; w < 8; w++) { uint64_t v = __builtin_bswap64(s64[w * L + l]); memcpy(digest + 8 * w, &v, 8); }
    } else {
      for (uint32_t w = 0; w < hash_digest_length(algo) / 4; w++) {
        uint32_t v = st[w * L + l];
        if (!little) v = __builtin_bswap32(v);
        memcpy(digest + 4 * w, &v, 4);
      }
    }
    if (targets_lookup(targets, targets_key(digest), digest)) record(job, nhits, h->stem, j);
  }
}

uint32_t product_run(const product_job *job) {
  const suffix_set *x = job->suffixes;
  const int algo = x->algo;
  const int wide = algo == ALGO_SHA512;
  const int little = little_endian_algo(algo);
  const kernel_group_fn group = kernel_group();
  const uint32_t L = x->lanes, wb = x->wordBytes, unit = wb / 4;
  const size_t fits = (wide ? 128 : 64) - (wide ? 16 : 8) - 1;
  const uint32_t lengthWord = little ? 14 : 15;
  const target_set *targets = job->targets;
  /* The bitmap slot straight from the state's first word: its top bits are the top bits of the key. */
  const uint32_t slotShift = wide ? targets->bitmapShift : targets->bitmapShift - 32;
  uint32_t nhits = 0;
  if (job->count == 0 || job->stemCount == 0 || x->count == 0 || L > MAX_LANES || (L != kernel_lanes() && L * 2 != kernel_lanes()))
    return 0;

  lane_set sets[2];
  memset(sets, 0, sizeof sets);
  sets[0].stem = sets[1].stem = UINT32_MAX;
  hashed states[2];
  memset(states, 0, sizeof states);
  /* The current stem as message words (32-bit units), its byte length, full words and alignment. */
  uint32_t stemWords[32] __attribute__((aligned(64)));
  size_t stemLength = 0;
  uint32_t full = 0, align = 0;
  int stemFits = 0;
  uint32_t loaded = UINT32_MAX;
  uint32_t stem = job->startStem, suffix = job->startSuffix, left = job->count;
  int cur = 0, pending = 0;

  for (;;) {
    lane_set *set = &sets[cur];
    int filled = 0;
    /* Fill this set with the next group of candidates that the lanes can take; others go the scalar way. */
    while (!filled && left > 0 && stem < job->stemCount) {
      if (loaded != stem) {
        uint8_t m[136] __attribute__((aligned(8)));
        memset(m, 0, sizeof m);
        stemFits = encode(algo, job->stems + job->stemOffsets[stem], job->stemOffsets[stem + 1] - job->stemOffsets[stem], m, fits, &stemLength);
        for (uint32_t k = 0; k < 14; k++) word_at(algo, m, k, stemWords + k * unit);
        full = (uint32_t)(stemLength / wb);
        align = (uint32_t)(stemLength % wb);
        loaded = stem;
      }
      const uint32_t g = suffix / L, from = suffix % L;
      const uint32_t inGroup = x->count - g * L < L ? x->count - g * L : L; /* the last group is short */
      const uint32_t room = inGroup - from;
      const uint32_t to = from + (left < room ? left : room);
      const uint32_t end = g * L + to; /* one past the last suffix of the group in this run */
      if (!stemFits || stemLength + x->maxLength[g] > fits) {
        for (uint32_t j = g * L + from; j < end && j < x->count; j++) scalar_pair(job, stem, j, &nhits);
      } else {
        uint32_t *blk = set->blk;
        uint64_t *w64 = (uint64_t *)blk;
        const uint32_t nw = x->maxWords[align][g];
        const uint32_t *tw = x->words[align] + (size_t)x->start[align][g] * unit;
        if (set->stem != stem) {
          /* The stem's full words in every lane, zeros up to the length field. */
          for (uint32_t w = 0; w < 14; w++) {
            if (wide) {
              uint64_t v = w < full ? (uint64_t)stemWords[2 * w] | (uint64_t)stemWords[2 * w + 1] << 32 : 0;
              for (uint32_t l = 0; l < L; l++) w64[w * L + l] = v;
            } else {
              uint32_t v = w < full ? stemWords[w] : 0;
              for (uint32_t l = 0; l < L; l++) blk[w * L + l] = v;
            }
          }
          set->stem = stem;
          set->high = full;
        }
        if (wide) {
          const uint64_t *t64 = (const uint64_t *)tw;
          uint64_t part = align ? (uint64_t)stemWords[2 * full] | (uint64_t)stemWords[2 * full + 1] << 32 : 0;
          for (uint32_t l = 0; l < L; l++) w64[full * L + l] = t64[l] | part;
          for (uint32_t k = 1; k < nw; k++)
            for (uint32_t l = 0; l < L; l++) w64[(full + k) * L + l] = t64[k * L + l];
          for (uint32_t w = full + nw; w < set->high; w++)
            for (uint32_t l = 0; l < L; l++) w64[w * L + l] = 0;
          for (uint32_t l = 0; l < L; l++) w64[15 * L + l] = (uint64_t)(stemLength + x->length[g * L + l]) * 8;
        } else {
          uint32_t part = align ? stemWords[full] : 0;
          for (uint32_t l = 0; l < L; l++) blk[full * L + l] = tw[l] | part;
          for (uint32_t k = 1; k < nw; k++)
            for (uint32_t l = 0; l < L; l++) blk[(full + k) * L + l] = tw[k * L + l];
          for (uint32_t w = full + nw; w < set->high; w++)
            for (uint32_t l = 0; l < L; l++) blk[w * L + l] = 0;
          for (uint32_t l = 0; l < L; l++) blk[lengthWord * L + l] = (uint32_t)(stemLength + x->length[g * L + l]) * 8;
        }
        set->high = full + nw;
        set->group = g;
        set->from = from;
        set->to = to;
        set->stem = stem;
        filled = 1;
      }
      left -= to - from;
      suffix = end;
      if (suffix >= x->count) { suffix = 0; stem++; }
    }
    /* Hash the other set, filled one round ago, into one state buffer; look up the states hashed one round
     * before that, in the other buffer (reading a state right after the SIMD stores wrote it stalls too). */
    if (pending) {
      const lane_set *done = &sets[cur ^ 1];
      group(algo, done->blk, states[cur].st);
      states[cur].stem = done->stem;
      states[cur].group = done->group;
      states[cur].from = done->from;
      states[cur].to = done->to;
      states[cur].full = 1;
    }
    if (states[cur ^ 1].full) check(job, &states[cur ^ 1], slotShift, &nhits);
    states[cur ^ 1].full = 0;
    if (!filled) {
      if (states[cur].full) check(job, &states[cur], slotShift, &nhits);
      break;
    }
    pending = 1;
    cur ^= 1;
  }
  return nhits;
}
