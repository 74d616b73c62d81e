/* Scalar hash functions of any length: the path for long candidates and the building blocks of the crypt schemes. */
#ifndef VIGIE_SCALAR_H
#define VIGIE_SCALAR_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
  uint64_t length;
  uint32_t fill;
  uint32_t blockSize;
  int algo;
  union { uint32_t w32[8]; uint64_t w64[8]; } state;
  uint8_t block[128];
} hash_ctx;

enum { ALGO_MD5 = 0, ALGO_SHA1 = 1, ALGO_SHA256 = 2, ALGO_SHA512 = 3, ALGO_MD4 = 4, ALGO_NT = 5, ALGO_LM = 6 };

void hash_init(hash_ctx *c, int algo);
void hash_update(hash_ctx *c, const uint8_t *data, size_t len);
/* Writes the digest (16, 20, 32 or 64 bytes) and returns its length. */
size_t hash_final(hash_ctx *c, uint8_t *out);
size_t hash_digest_length(int algo);
size_t hash_once(int algo, const uint8_t *a, size_t alen, const uint8_t *b, size_t blen, uint8_t *out);

void md5_compress(uint32_t st[4], const uint8_t *block);
void md4_compress(uint32_t st[4], const uint8_t *block);
void sha1_compress(uint32_t st[5], const uint8_t *block);
void sha256_compress(uint32_t st[8], const uint8_t *block);
void sha512_compress(uint64_t st[8], const uint8_t *block);
/* MD5's sine table (RFC 1321), shared with the SIMD md5crypt. */
extern const uint32_t MD5_T[64];
extern const uint32_t SHA256_K[64];
extern const uint64_t SHA512_K[80];

/* LM of 14 OEM bytes (already upper-cased and padded). */
void lm_hash(const uint8_t oem[14], uint8_t out[16]);

/* crypt schemes: write the hash characters (22, 43 or 86) of password+salt into out. */
void md5crypt_hash(const uint8_t *pw, size_t pwlen, const uint8_t *salt, size_t saltlen, char out[22]);
/* md5crypt in parts, for the SIMD rounds (md5crypt_simd.c): the digest before the rounds, the characters of the last. */
void md5crypt_prepare(const uint8_t *pw, size_t pwlen, const uint8_t *salt, size_t saltlen, uint8_t fin[16]);
void md5crypt_encode(const uint8_t digest[16], char out[22]);
/* sha-crypt's hash characters of a final digest (43 or 86), as shacrypt_hash writes them. */
void shacrypt_encode(int bits, const uint8_t *digest, char *out);
void shacrypt_hash(int bits, const uint8_t *pw, size_t pwlen, const uint8_t *salt, size_t saltlen, uint32_t rounds, char *out);
#endif
