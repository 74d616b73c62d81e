// `npm run bench:breached`: the breach index on a generated HIBP-format corpus — import throughput (lines/s),
// lookups/s, index size against the raw file, peak memory — and what that means for the real corpus.
// A benchmark script, not a timed test: run it by hand, on a quiet machine.
//   npm run bench:breached -- [--lines N] [--kind sha1|ntlm] [--dir DIR] [--keep] [--json FILE]
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BreachIndex } from '../shared/engine/breached/breach-index.ts';
import { HASH_BYTES, PREFIX_COUNT, type BreachHashKind } from '../shared/engine/breached/hash-kind.ts';
import { importBreachCorpus } from '../shared/engine/breached/import-corpus.ts';

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '50000000' },
    kind: { type: 'string', default: 'sha1' },
    dir: { type: 'string', default: '.bench/breached' },
    keep: { type: 'boolean' },
    json: { type: 'string' },
  },
});
const lines = Number(values.lines);
const kind = values.kind as BreachHashKind;
if (!(lines > 0) || !Number.isInteger(lines) || (kind !== 'sha1' && kind !== 'ntlm')) {
  console.error('bench:breached: --lines must be a whole number and --kind sha1 or ntlm');
  process.exit(2);
}
/** The real corpus the README extrapolates to (HIBP's SHA-1 download, 2025: about a billion lines). */
const REAL_LINES = 1_000_000_000;
const dir = path.resolve(values.dir);
mkdirSync(dir, { recursive: true });
const raw = path.join(dir, `pwned-${kind}-${lines}.txt`);
const indexDir = path.join(dir, 'index');
let peakRss = process.memoryUsage().rss;
const sampleRss = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

// 1. A sorted file of random hashes, written directly in order: each 5-hex bucket gets its share of lines,
// the next 32 bits sorted within the bucket, the rest random. Counts follow a heavy tail, as HIBP's do.
function generate(): number {
  const started = performance.now();
  const fd = openSync(raw, 'w');
  const hexDigits = 2 * HASH_BYTES[kind];
  const tailDigits = hexDigits - 5 - 8;
  let out = '';
  let pool = '';
  let poolAt = 0;
  for (let p = 0; p < PREFIX_COUNT; p++) {
    const n = Math.floor(((p + 1) * lines) / PREFIX_COUNT) - Math.floor((p * lines) / PREFIX_COUNT);
    if (n === 0) continue;
    const keys = new Uint32Array(n);
    const rnd = randomBytes(4 * n);
    for (let i = 0; i < n; i++) keys[i] = rnd.readUInt32LE(4 * i);
    keys.sort();
    const prefix = p.toString(16).toUpperCase().padStart(5, '0');
    let prev = -1;
    for (let i = 0; i < n; i++) {
      let k = keys[i]!;
      if (k <= prev) k = prev + 1; // keeps the order strict (a repeat is a bad line, not a benchmark)
      prev = k;
      if (poolAt + tailDigits > pool.length) {
        pool = randomBytes(1 << 20).toString('hex').toUpperCase();
        poolAt = 0;
      }
      const count = Math.max(1, Math.floor(1 / Math.pow(Math.random(), 1.3)));
      out += `${prefix}${k.toString(16).toUpperCase().padStart(8, '0')}${pool.slice(poolAt, poolAt + tailDigits)}:${count}\r\n`;
      poolAt += tailDigits;
    }
    if (out.length > 4_000_000 || p === PREFIX_COUNT - 1) {
      writeSync(fd, out);
      out = '';
      sampleRss();
    }
  }
  if (out) writeSync(fd, out);
  closeSync(fd);
  return (performance.now() - started) / 1000;
}

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

const reuse = existsSync(raw);
const generateSeconds = reuse ? 0 : generate();
const rawBytes = statSync(raw).size;
log(reuse ? `bench: reusing ${raw}` : `bench: generated ${lines.toLocaleString('en')} lines (${(rawBytes / 1e9).toFixed(2)} GB) in ${generateSeconds.toFixed(1)} s`);

// 2. The import, from scratch.
rmSync(indexDir, { recursive: true, force: true });
const rssBeforeImport = process.memoryUsage().rss;
let importPeakRss = rssBeforeImport;
let lastLog = 0;
const importStarted = performance.now();
const result = await importBreachCorpus(raw, {
  indexDir,
  onProgress: (p) => {
    const rss = process.memoryUsage().rss;
    importPeakRss = Math.max(importPeakRss, rss);
    sampleRss();
    const t = performance.now();
    if (t - lastLog > 10_000) {
      lastLog = t;
      log(`bench: import ${Math.floor((100 * p.done) / p.total)}% · ${p.lines.toLocaleString('en')} lines · RSS ${(rss / 1e6).toFixed(0)} MB`);
    }
  },
});
const importSeconds = (performance.now() - importStarted) / 1000;
log(`bench: imported in ${importSeconds.toFixed(1)} s`);

// 3. Lookups: hashes known to be in the corpus (read back from random places of the file) and random misses.
function sampleHits(count: number): Buffer[] {
  const fd = openSync(raw, 'r');
  const buf = Buffer.alloc(256);
  const hexDigits = 2 * HASH_BYTES[kind];
  const out: Buffer[] = [];
  try {
    while (out.length < count) {
      const at = Math.floor(Math.random() * (rawBytes - 200));
      const got = readSync(fd, buf, 0, buf.length, at);
      const start = buf.indexOf(10, 0) + 1;
      if (start <= 0 || start + hexDigits > got) continue;
      out.push(Buffer.from(buf.toString('latin1', start, start + hexDigits), 'hex'));
    }
  } finally {
    closeSync(fd);
  }
  return out;
}
const LOOKUPS = 200_000;
const hits = sampleHits(LOOKUPS);
const misses = Array.from({ length: LOOKUPS }, () => randomBytes(HASH_BYTES[kind]));
const index = BreachIndex.open(indexDir)!;
const file = index.files[kind]!;
function timeLookups(digests: Buffer[]): { perSecond: number; microseconds: number; found: number } {
  let found = 0;
  const t0 = performance.now();
  for (const d of digests) if (file.count(d) > 0) found++;
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: Math.round(digests.length / seconds), microseconds: (seconds * 1e6) / digests.length, found };
}
timeLookups(hits.slice(0, 10_000)); // warm-up
const hitTiming = timeLookups(hits);
const missTiming = timeLookups(misses);
index.close();
sampleRss();

const bytesPerLine = rawBytes / lines;
const figures = {
  kind,
  lines,
  rawBytes,
  generateSeconds: round(generateSeconds),
  import: {
    seconds: round(importSeconds),
    linesPerSecond: Math.round(result.lines / importSeconds),
    megabytesPerSecond: round(rawBytes / 1e6 / importSeconds),
    entries: result.entries,
    badLines: result.badLines,
    peakRssMB: Math.round(importPeakRss / 1e6),
  },
  index: {
    bytes: result.indexBytes,
    bytesPerEntry: round(result.indexBytes / result.entries),
    ofRawFile: round(result.indexBytes / rawBytes),
    ofBinaryDigests: round(result.indexBytes / (result.entries * HASH_BYTES[kind])),
  },
  lookups: {
    hits: { ...hitTiming, asked: hits.length },
    misses: { ...missTiming, asked: misses.length },
  },
  processPeakRssMB: Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1e6),
  extrapolated: {
    lines: REAL_LINES,
    rawGB: round((REAL_LINES * bytesPerLine) / 1e9),
    importMinutes: round(REAL_LINES / (result.lines / importSeconds) / 60),
    indexGB: round((result.indexBytes + (REAL_LINES - result.entries) * (result.indexBytes - 4096 - (PREFIX_COUNT + 1) * 8) / result.entries) / 1e9),
  },
};
if (hitTiming.found !== hits.length || missTiming.found !== 0) {
  log(`bench: WRONG ANSWERS: ${hitTiming.found}/${hits.length} hits found, ${missTiming.found} false hits`);
  process.exitCode = 1;
}
console.log(JSON.stringify(figures, null, 2));
if (values.json) writeFileSync(values.json, JSON.stringify(figures, null, 2) + '\n');
if (!values.keep) rmSync(dir, { recursive: true, force: true });

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
