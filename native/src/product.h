/* Candidates made inside the kernel: every stem followed by every suffix (hashcat's hybrid "wordlist + mask"
 * attack), hashed and looked up without a candidate ever being built outside C. */
#ifndef VIGIE_PRODUCT_H
#define VIGIE_PRODUCT_H
#include <stddef.h>
#include <stdint.h>
#include "kernels.h"

/* The suffixes of a product, prepared once for one algorithm and one salt: each suffix's tail (the suffix, the
 * salt, the 0x80 pad) as ready message words, for every position a stem can end at inside a word. */
typedef struct suffix_set suffix_set;

/* algo: MD5, SHA1, SHA256, SHA512, MD4 or NT (not LM). Returns NULL when memory ran out. */
suffix_set *suffixes_create(int algo, const uint8_t *bytes, const uint32_t *offsets, uint32_t count, const uint8_t *salt,
                            uint32_t saltLength);
void suffixes_free(suffix_set *s);
uint32_t suffixes_count(const suffix_set *s);
int suffixes_algo(const suffix_set *s);

typedef struct {
  const suffix_set *suffixes;
  const uint8_t *stems;
  const uint32_t *stemOffsets; /* stemCount + 1 */
  uint32_t stemCount;
  /* The pairs checked: `count` of them from (startStem, startSuffix), the suffix varying fastest. */
  uint32_t startStem, startSuffix, count;
  const target_set *targets;
  uint32_t *hits; /* (stem, suffix) pairs, 2 × capacity words */
  uint32_t capacity;
} product_job;

/* The number of hits found. More than `capacity` means some were not written: run the range again with room
 * for all of them. Hits come in no particular order. */
uint32_t product_run(const product_job *job);
#endif
