/* The batch kernels: many candidates per call, packed in one buffer with offsets, digests or hits out. */
#ifndef VIGIE_KERNELS_H
#define VIGIE_KERNELS_H
#include <stdint.h>
#include <stddef.h>
#include "scalar.h"

/* Target digests sorted by their first 8 bytes, with a bitmap in front: most candidates are rejected by one load. */
typedef struct {
  int algo;
  uint32_t count;
  uint32_t digestLength;
  uint32_t bitmapShift;
  uint64_t *bitmap;
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
uint32_t kernel_lanes(void);
/* Returns the number of hits (match mode) or 0. */
uint32_t kernel_run(const batch_job *job);

target_set *targets_create(int algo, const uint8_t *digests, uint32_t count);
void targets_free(target_set *t);
#endif
