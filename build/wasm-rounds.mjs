// Writes the portable tier's compression functions fully unrolled (AssemblyScript), for build-kernels.mjs.
// AssemblyScript has no unroll pragma, and a rolled loop pays at every step for its table lookups, its branches
// and shifts by amounts loaded from memory. MD5 and MD4 also come as two interleaved chains (8 candidates): each
// step waits on the one before it, and a second independent chain fills that wait.

const MD5_T = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);
const MD5_R = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD4_G2 = [0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15];
const MD4_G3 = [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15];
const MD4_R = [3, 7, 11, 19, 3, 5, 9, 13, 3, 9, 11, 15];
const SHA256_K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];

const hex = (n) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
const rol = (x, n) => `v128.or(i32x4.shl(${x}, ${n}), i32x4.shr_u(${x}, ${32 - n}))`;
const ror = (x, n) => `v128.or(i32x4.shr_u(${x}, ${n}), i32x4.shl(${x}, ${32 - n}))`;
const add = (...xs) => xs.reduce((a, b) => `i32x4.add(${a}, ${b})`);
const splat = (k) => `i32x4.splat(${hex(k)})`;

/** Loads the state of chain c from st<c>, and stores it back added (the Davies–Meyer feed-forward). */
const loadState = (names, c) => names.map((v, i) => `  let ${v}${c} = v128.load(st${c}, ${16 * i});`).join('\n');
const storeState = (names, c) => names.map((v, i) => `  v128.store(st${c}, ${add(`${v}${c}`, `v128.load(st${c}, ${16 * i})`)}, ${16 * i});`).join('\n');

function md5Steps(chains) {
  const out = [];
  for (let i = 0; i < 64; i++) {
    for (let c = 0; c < chains; c++) {
      const [a, b, cc, d] = ['a', 'b', 'c', 'd'].map((v) => `${v}${c}`);
      let f, g;
      if (i < 16) { f = `v128.xor(${d}, v128.and(${b}, v128.xor(${cc}, ${d})))`; g = i; }
      else if (i < 32) { f = `v128.xor(${cc}, v128.and(${d}, v128.xor(${b}, ${cc})))`; g = (5 * i + 1) & 15; }
      else if (i < 48) { f = `v128.xor(v128.xor(${b}, ${cc}), ${d})`; g = (3 * i + 5) & 15; }
      else { f = `v128.xor(${cc}, v128.or(${b}, v128.not(${d})))`; g = (7 * i) & 15; }
      out.push(`  t = ${add(a, f, splat(MD5_T[i]), `v128.load(blk${c}, ${16 * g})`)};`);
      out.push(`  ${a} = ${d}; ${d} = ${cc}; ${cc} = ${b}; ${b} = i32x4.add(${b}, ${rol('t', MD5_R[(i >> 4) * 4 + (i & 3)])});`);
    }
  }
  return out.join('\n');
}

function md4Steps(chains) {
  const out = [];
  for (let i = 0; i < 48; i++) {
    for (let c = 0; c < chains; c++) {
      const [a, b, cc, d] = ['a', 'b', 'c', 'd'].map((v) => `${v}${c}`);
      let f, w, k = 0;
      if (i < 16) { f = `v128.or(v128.and(${b}, ${cc}), v128.andnot(${d}, ${b}))`; w = i; }
      else if (i < 32) { f = `v128.or(v128.and(${b}, v128.or(${cc}, ${d})), v128.and(${cc}, ${d}))`; w = MD4_G2[i - 16]; k = 0x5a827999; }
      else { f = `v128.xor(v128.xor(${b}, ${cc}), ${d})`; w = MD4_G3[i - 32]; k = 0x6ed9eba1; }
      out.push(`  t = ${k ? add(a, f, `v128.load(blk${c}, ${16 * w})`, splat(k)) : add(a, f, `v128.load(blk${c}, ${16 * w})`)};`);
      out.push(`  ${a} = ${d}; ${d} = ${cc}; ${cc} = ${b}; ${b} = ${rol('t', MD4_R[(i >> 4) * 4 + (i & 3)])};`);
    }
  }
  return out.join('\n');
}

function chainsFunction(name, steps, chains) {
  const params = Array.from({ length: chains }, (_, c) => `blk${c}: usize, st${c}: usize`).join(', ');
  const body = [];
  for (let c = 0; c < chains; c++) body.push(loadState(['a', 'b', 'c', 'd'], c));
  body.push('  let t: v128;');
  body.push(steps(chains));
  for (let c = 0; c < chains; c++) body.push(storeState(['a', 'b', 'c', 'd'], c));
  return `export function ${name}(${params}): void {\n${body.join('\n')}\n}\n`;
}

function sha1() {
  const body = [loadState(['a', 'b', 'c', 'd', 'e'], 0)];
  // The schedule in 16 locals, w0 … w15, rewritten in place.
  for (let i = 0; i < 16; i++) body.push(`  let w${i} = v128.load(blk0, ${16 * i});`);
  let [a, b, c, d, e] = ['a0', 'b0', 'c0', 'd0', 'e0'];
  body.push('  let t: v128;');
  for (let i = 0; i < 80; i++) {
    const w = `w${i & 15}`;
    if (i >= 16) body.push(`  ${w} = ${rol(`v128.xor(v128.xor(w${(i - 3) & 15}, w${(i - 8) & 15}), v128.xor(w${(i - 14) & 15}, ${w}))`, 1)};`);
    let f, k;
    if (i < 20) { f = `v128.xor(${d}, v128.and(${b}, v128.xor(${c}, ${d})))`; k = 0x5a827999; }
    else if (i < 40) { f = `v128.xor(v128.xor(${b}, ${c}), ${d})`; k = 0x6ed9eba1; }
    else if (i < 60) { f = `v128.or(v128.and(${b}, ${c}), v128.and(${d}, v128.or(${b}, ${c})))`; k = 0x8f1bbcdc; }
    else { f = `v128.xor(v128.xor(${b}, ${c}), ${d})`; k = 0xca62c1d6; }
    body.push(`  t = ${add(rol(a, 5), f, e, splat(k), w)};`);
    body.push(`  ${b} = ${rol(b, 30)};`);
    // Rename instead of moving: e ← d ← c ← b(rotated) ← a ← t.
    [a, b, c, d, e] = [e, a, b, c, d];
    body.push(`  ${a} = t;`);
  }
  // After 80 renamings (a multiple of 5) the names are back in place.
  body.push(storeState(['a', 'b', 'c', 'd', 'e'], 0));
  return `export function sha1x4(blk0: usize, st0: usize): void {\n${body.join('\n')}\n}\n`;
}

function sha256() {
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const body = [loadState(names, 0)];
  for (let i = 0; i < 16; i++) body.push(`  let w${i} = v128.load(blk0, ${16 * i});`);
  let v = names.map((n) => `${n}0`);
  body.push('  let t1: v128, t2: v128;');
  for (let i = 0; i < 64; i++) {
    const w = `w${i & 15}`;
    if (i >= 16) {
      const x = `w${(i - 15) & 15}`, y = `w${(i - 2) & 15}`;
      const s0 = `v128.xor(v128.xor(${ror(x, 7)}, ${ror(x, 18)}), i32x4.shr_u(${x}, 3))`;
      const s1 = `v128.xor(v128.xor(${ror(y, 17)}, ${ror(y, 19)}), i32x4.shr_u(${y}, 10))`;
      body.push(`  ${w} = ${add(w, s0, `w${(i - 7) & 15}`, s1)};`);
    }
    const [a, b, c, d, e, f, g, h] = v;
    body.push(`  t1 = ${add(h, `v128.xor(v128.xor(${ror(e, 6)}, ${ror(e, 11)}), ${ror(e, 25)})`, `v128.xor(${g}, v128.and(${e}, v128.xor(${f}, ${g})))`, splat(SHA256_K[i]), w)};`);
    body.push(`  t2 = ${add(`v128.xor(v128.xor(${ror(a, 2)}, ${ror(a, 13)}), ${ror(a, 22)})`, `v128.or(v128.and(${a}, ${b}), v128.and(${c}, v128.or(${a}, ${b})))`)};`);
    // Rename: the new e is d + t1 (written over d), the new a is t1 + t2 (written over h).
    body.push(`  ${d} = i32x4.add(${d}, t1);`);
    body.push(`  ${h} = i32x4.add(t1, t2);`);
    v = [h, a, b, c, d, e, f, g];
  }
  // 64 renamings (a multiple of 8): the names are back in place.
  body.push(storeState(names, 0));
  return `export function sha256x4(blk0: usize, st0: usize): void {\n${body.join('\n')}\n}\n`;
}

export function roundsSource() {
  return `// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- AssemblyScript types (v128, usize…) are not TypeScript's
// @ts-nocheck — AssemblyScript, not TypeScript: compiled by asc (build/build-kernels.mjs), not by tsc.
// GENERATED by build/wasm-rounds.mjs (npm run build:kernels) — do not edit. The compression functions of the
// portable tier, unrolled: 4 lanes each; md5x8/md4x8 run two independent groups of 4 interleaved. A state is
// read from st (word w at st + 16·w, 4 lanes) and the block from blk (word-major, 16 words × 4 lanes); the
// state plus the compression's result is written back to st.

${chainsFunction('md5x4', md5Steps, 1)}
${chainsFunction('md5x8', md5Steps, 2)}
${chainsFunction('md4x4', md4Steps, 1)}
${chainsFunction('md4x8', md4Steps, 2)}
${sha1()}
${sha256()}`;
}
