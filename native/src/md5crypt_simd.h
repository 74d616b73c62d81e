/* md5crypt over many candidates at once: the index of the first candidate whose hash (the 22 characters after the
 * salt) equals `target`, or -1. */
#ifndef VIGIE_MD5CRYPT_SIMD_H
#define VIGIE_MD5CRYPT_SIMD_H
#include <stddef.h>
#include <stdint.h>
#include "kernels.h"

int32_t md5crypt_find(const batch_job *job, const char *target, size_t targetLength);

/* The same with the instruction set named (0 scalar only, 1 portable vectors, 2 AVX2, 3 AVX-512; clamped to what
 * was compiled) for tests and benchmarks. With `all` non-NULL, writes every candidate's 22 hash characters there
 * instead of comparing with `target`, and returns -1. */
int32_t md5crypt_run(int level, const batch_job *job, const char *target, char *all);
#endif
