/* One group of SIMD lanes of a crypt scheme's rounds (md5crypt, sha-crypt), prepared: a round's message depends
 * only on the round number and the lengths, so each of its 8 layouts is laid out once per lane, the previous
 * digest's place left zero. Per round type t (bit 0: odd round, bit 1: i % 3 != 0, bit 2: i % 7 != 0). */
#ifndef VIGIE_CRYPT_LAYOUT_H
#define VIGIE_CRYPT_LAYOUT_H
#include <stdint.h>

#define CRYPT_MAXLANES 16

typedef struct {
  uint32_t maxnb[8];              /* blocks of the longest lane's message */
  uint8_t nb[8][CRYPT_MAXLANES];  /* blocks of each lane's message */
  uint8_t q[8][CRYPT_MAXLANES];   /* odd types: where the digest starts, in words… */
  uint8_t r[8][CRYPT_MAXLANES];   /* …and bytes within that word */
  const void *tmpl;               /* [t][word][lane]: the message words with the digest's bytes zero, padding included */
  const void *c;                  /* [word][lane]: the digest before the first round */
} crypt_layout;
#endif
