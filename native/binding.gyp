{
  "targets": [
    {
      "target_name": "vigie_kernels",
      "sources": ["src/addon.c", "src/kernels.c", "src/scalar.c", "src/yescrypt.c", "src/shacrypt_simd.c", "src/md5crypt_simd.c", "src/product.c"],
      "cflags": ["-O3", "-std=gnu11", "-fno-strict-aliasing"],
      "xcode_settings": { "OTHER_CFLAGS": ["-O3", "-std=gnu11"] },
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
