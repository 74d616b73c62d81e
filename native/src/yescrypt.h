/* yescrypt's SMix (Openwall's reference algorithm, yescrypt-ref.c) in C: the memory-hard core of the KDF.
 * The PBKDF2 and HMAC steps around it stay in TypeScript (node:crypto); only this loop is slow. */
#ifndef VIGIE_YESCRYPT_H
#define VIGIE_YESCRYPT_H
#include <stdint.h>

/* B: 128·r·p bytes from PBKDF2 (rewritten in place). passwd: the 32-byte buffer the read-write mode rewrites
 * with HMAC-SHA256 (ignored without YESCRYPT_RW). tmto > 1, classic scrypt only (flags 0): keep one block in
 * tmto, a tmto-th of the memory for more time. Returns 0, or -1 when memory cannot be had. */
int yescrypt_smix_all(uint8_t *B, uint64_t N, uint32_t r, uint32_t p, uint32_t t, uint32_t flags, uint8_t passwd[32],
  uint32_t tmto);
#endif
