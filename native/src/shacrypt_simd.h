/* sha256crypt / sha512crypt over many candidates at once: the index of the first candidate whose hash (the 43 or
 * 86 characters after the salt) equals `target`, or -1. */
#ifndef VIGIE_SHACRYPT_SIMD_H
#define VIGIE_SHACRYPT_SIMD_H
#include <stddef.h>
#include <stdint.h>
#include "kernels.h"

int32_t shacrypt_find(int bits, const batch_job *job, uint32_t rounds, const char *target, size_t targetLength);

/* The same with the instruction set named (0 scalar only, 1 portable vectors, 2 AVX2, 3 AVX-512; clamped to what
 * was compiled) for tests and benchmarks. With `all` non-NULL, writes every candidate's hash characters there
 * (count × 43 or 86) instead of comparing with `target`, and returns -1. */
int32_t shacrypt_run(int level, int bits, const batch_job *job, uint32_t rounds, const char *target, char *all);
#endif
