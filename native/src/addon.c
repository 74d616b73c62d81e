/* The N-API face of the native kernels: plain C against node_api.h, so one build serves Node 20 and Electron's
 * Node 22 (Node-API is ABI-stable). Buffers come in as typed arrays; nothing is allocated per candidate. */
#include <node_api.h>
#include <string.h>
#include "kernels.h"
#include "yescrypt.h"
#include "shacrypt_simd.h"
#include "md5crypt_simd.h"
#include "product.h"

#define CHECK(call) do { if ((call) != napi_ok) { napi_throw_error(env, 0, "vigie native kernel: bad arguments"); return 0; } } while (0)

static int bytes_of(napi_env env, napi_value v, void **data, size_t *length) {
  napi_valuetype type;
  if (napi_typeof(env, v, &type) != napi_ok) return 0;
  if (type == napi_null || type == napi_undefined) { *data = 0; *length = 0; return 1; }
  napi_typedarray_type t;
  size_t n, offset;
  napi_value ab;
  if (napi_get_typedarray_info(env, v, &t, &n, data, &ab, &offset) != napi_ok) return 0;
  size_t unit = (t == napi_uint32_array || t == napi_int32_array) ? 4 : 1;
  *length = n * unit;
  return 1;
}

static uint32_t u32(napi_env env, napi_value v) {
  uint32_t x = 0;
  napi_get_value_uint32(env, v, &x);
  return x;
}

/* Common reading of (buf, offsets, count, salt) starting at argv[first]. */
static int read_job(napi_env env, napi_value *argv, int first, batch_job *job) {
  void *buf, *offs, *salt;
  size_t blen, olen, slen;
  if (!bytes_of(env, argv[first], &buf, &blen) || !bytes_of(env, argv[first + 1], &offs, &olen) ||
      !bytes_of(env, argv[first + 3], &salt, &slen)) return 0;
  job->buf = buf;
  job->offsets = offs;
  job->count = u32(env, argv[first + 2]);
  if ((size_t)(job->count + 1) * 4 > olen) return 0;
  if (job->count && job->offsets[job->count] > blen) return 0;
  job->salt = salt;
  job->saltLength = (uint32_t)slen;
  return 1;
}

/* digest(algo, buf, offsets, count, salt, out) */
static napi_value Digest(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  CHECK(napi_get_cb_info(env, info, &argc, argv, 0, 0));
  batch_job job = {0};
  job.algo = (int)u32(env, argv[0]);
  if (!read_job(env, argv, 1, &job)) { napi_throw_error(env, 0, "vigie native kernel: bad batch"); return 0; }
  void *out; size_t olen;
  if (!bytes_of(env, argv[5], &out, &olen) || olen < (size_t)job.count * hash_digest_length(job.algo)) {
    napi_throw_error(env, 0, "vigie native kernel: output too small"); return 0;
  }
  job.digests = out;
  kernel_run(&job);
  return 0;
}

static void free_targets(napi_env env, void *data, void *hint) { (void)env; (void)hint; targets_free(data); }

/* targets(algo, digests, count) → external */
static napi_value Targets(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3], result;
  CHECK(napi_get_cb_info(env, info, &argc, argv, 0, 0));
  int algo = (int)u32(env, argv[0]);
  void *d; size_t dlen;
  uint32_t count = u32(env, argv[2]);
  if (!bytes_of(env, argv[1], &d, &dlen) || dlen < (size_t)count * hash_digest_length(algo)) {
    napi_throw_error(env, 0, "vigie native kernel: bad targets"); return 0;
  }
  target_set *t = targets_create(algo, d, count);
  if (!t) { napi_throw_error(env, 0, "vigie native kernel: out of memory"); return 0; }
  CHECK(napi_create_external(env, t, free_targets, 0, &result));
  return result;
}

/* match(targets, buf, offsets, count, salt, hits) → number of hits */
static napi_value Match(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6], result;
  CHECK(napi_get_cb_info(env, info, &argc, argv, 0, 0));
  void *t;
  CHECK(napi_get_value_external(env, argv[0], &t));
  batch_job job = {0};
  job.targets = t;
  job.algo = job.targets->algo;
  if (!read_job(env, argv, 1, &job)) { napi_throw_error(env, 0, "vigie native kernel: bad batch"); return 0; }
  void *hits; size_t hlen;
  if (!bytes_of(env, argv[5], &hits, &hlen) || hlen < (size_t)job.count * 4) {
    napi_throw_error(env, 0, "vigie native kernel: hits too small"); return 0;
  }
  job.hits = hits;
  CHECK(napi_create_uint32(env, kernel_run(&job), &result));
  return result;
}

static void free_suffixes(napi_env env, void *data, void *hint) { (void)env; (void)hint; suffixes_free(data); }

/* suffixes(algo, buf, offsets, count, salt) → external: the suffixes of a product, prepared for one salt. */
static napi_value Suffixes(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5], result;
  CHECK(napi_get_cb_info(env, info, &argc, argv, 0, 0));
  batch_job job = {0};
  job.algo = (int)u32(env, argv[0]);
  if (job.algo > ALGO_NT || job.algo == ALGO_LM || !read_job(env, argv, 1, &job)) {
    napi_throw_error(env, 0, "vigie native kernel: bad suffixes"); return 0;
  }
  suffix_set *x = suffixes_create(job.algo, job.buf, job.offsets, job.count, job.salt, job.saltLength);
  if (!x) { napi_throw_error(env, 0, "vigie native kernel: out of memory"); return 0; }
  CHECK(napi_create_external(env, x, free_suffixes, 0, &result));
  return result;
}

/* product(targets, suffixes, stems, stemOffsets, stemCount, startStem, startSuffix, count, hits) → number of hits;
 * hits holds (stem, suffix) pairs; a number above hits.length / 2 means it was too small. */
static napi_value Product(napi_env env, napi_callback_info info) {
  size_t argc = 9;
  napi_value argv[9], result;
  CHECK(napi_get_cb_info(env, info, &argc, argv, 0, 0));
  void *t, *x, *stems, *offs, *hits;
  size_t slen, olen, hlen;
  CHECK(napi_get_value_external(env, argv[0], &t));
  CHECK(napi_get_value_external(env, argv[1], &x));
  if (!bytes_of(env, argv[2], &stems, &slen) || !bytes_of(env, argv[3], &offs, &olen) || !bytes_of(env, argv[8], &hits, &hlen)) {
    napi_throw_error(env, 0, "vigie native kernel: bad product"); return 0;
  }
  product_job job = {0};
  job.targets = t;
  job.suffixes = x;
  job.stems = stems;
  job.stemOffsets = offs;
  job.stemCount = u32(env, argv[4]);
  job.startStem = u32(env, argv[5]);
  job.startSuffix = u32(env, argv[6]);
  job.count = u32(env, argv[7]);
  job.hits = hits;
  job.capacity = (uint32_t)(hlen / 8);
  if (job.targets->algo != suffixes_algo(job.suffixes) || (size_t)(job.stemCount + 1) * 4 > olen ||
      (job.stemCount && job.stemOffsets[job.stemCount] > slen) || job.startSuffix >= suffixes_count(job.suffixes) ||
      (job.count && job.startStem >= job.stemCount)) {
    napi_throw_error(env, 0, "vigie native kernel: bad product"); return 0;
  }
  CHECK(napi_create_uint32(env, product_run(&job), &result));
  return result;
}

/* crypt(kind, buf, offsets, count, salt, rounds, target) → index of the first candidate giving target, or -1.
 * kind: 1 md5crypt, 5 sha256crypt, 6 sha512crypt. With target null, writes hash characters of candidate 0
 * and returns them as a string (tests). */
static napi_value Crypt(napi_env env, napi_callback_info info) {
  size_t argc = 7;
  napi_value argv[7], result;
  CHECK(napi_get_cb_info(env, info, &argc, argv, 0, 0));
  uint32_t kind = u32(env, argv[0]);
  batch_job job = {0};
  if (!read_job(env, argv, 1, &job) || (kind != 1 && kind != 5 && kind != 6)) {
    napi_throw_error(env, 0, "vigie native kernel: bad crypt batch"); return 0;
  }
  uint32_t rounds = u32(env, argv[5]);
  void *target; size_t tlen;
  if (!bytes_of(env, argv[6], &target, &tlen)) { napi_throw_error(env, 0, "vigie native kernel: bad target"); return 0; }
  size_t chars = kind == 1 ? 22 : kind == 5 ? 43 : 86;
  char out[96];
  if (target) {
    const int32_t at = kind == 1 ? md5crypt_find(&job, target, tlen) : shacrypt_find(kind == 5 ? 256 : 512, &job, rounds, target, tlen);
    CHECK(napi_create_int32(env, at, &result));
    return result;
  }
  /* No target (tests): the hash characters of candidate 0, by the scalar code. */
  if (!job.count) { CHECK(napi_create_int32(env, -1, &result)); return result; }
  const uint8_t *pw = job.buf + job.offsets[0];
  size_t len = job.offsets[1] - job.offsets[0];
  if (kind == 1) md5crypt_hash(pw, len, job.salt, job.saltLength, out);
  else shacrypt_hash(kind == 5 ? 256 : 512, pw, len, job.salt, job.saltLength, rounds, out);
  CHECK(napi_create_string_latin1(env, out, chars, &result));
  return result;
}

/* yescryptSmix(B, N, r, p, t, flags, passwd[, tmto]): yescrypt's SMix over the PBKDF2 output B (rewritten in
 * place); passwd, 32 bytes, is rewritten by the read-write mode. tmto (classic scrypt, flags 0): keep one block in
 * tmto. Throws when the memory cannot be had. */
static napi_value YescryptSmix(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8];
  CHECK(napi_get_cb_info(env, info, &argc, argv, 0, 0));
  void *b, *pw; size_t blen, pwlen;
  double N = 0;
  if (argc < 7 || !bytes_of(env, argv[0], &b, &blen) || !bytes_of(env, argv[6], &pw, &pwlen) || pwlen < 32 ||
      napi_get_value_double(env, argv[1], &N) != napi_ok) {
    napi_throw_error(env, 0, "vigie native kernel: bad yescrypt arguments"); return 0;
  }
  uint32_t r = u32(env, argv[2]), p = u32(env, argv[3]), t = u32(env, argv[4]), flags = u32(env, argv[5]);
  if (r < 1 || p < 1 || !(N >= 2 && N <= 1073741824.0) || (uint64_t)N & ((uint64_t)N - 1) || blen != (size_t)128 * r * p) {
    napi_throw_error(env, 0, "vigie native kernel: bad yescrypt parameters"); return 0;
  }
  uint32_t tmto = argc >= 8 ? u32(env, argv[7]) : 1;
  if (tmto < 1 || (tmto > 1 && flags != 0)) {
    napi_throw_error(env, 0, "vigie native kernel: bad scrypt TMTO"); return 0;
  }
  if (yescrypt_smix_all(b, (uint64_t)N, r, p, t, flags, pw, tmto) != 0) {
    napi_throw_error(env, 0, "vigie native kernel: out of memory"); return 0;
  }
  return 0;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
    {"digest", 0, Digest, 0, 0, 0, napi_default, 0},
    {"targets", 0, Targets, 0, 0, 0, napi_default, 0},
    {"match", 0, Match, 0, 0, 0, napi_default, 0},
    {"crypt", 0, Crypt, 0, 0, 0, napi_default, 0},
    {"suffixes", 0, Suffixes, 0, 0, 0, napi_default, 0},
    {"product", 0, Product, 0, 0, 0, napi_default, 0},
    {"yescryptSmix", 0, YescryptSmix, 0, 0, 0, napi_default, 0},
  };
  napi_define_properties(env, exports, sizeof props / sizeof *props, props);
  napi_value isa, lanes;
  napi_create_string_utf8(env, kernel_isa(), NAPI_AUTO_LENGTH, &isa);
  napi_create_uint32(env, kernel_lanes(), &lanes);
  napi_set_named_property(env, exports, "isa", isa);
  napi_set_named_property(env, exports, "lanes", lanes);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
