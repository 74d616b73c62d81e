// `npm run bench`: recall per candidate family, false positives and time on a generated school
// (3,000 accounts by default). A benchmark script, not a timed test: run it by hand, on a quiet machine.
//   npm run bench -- [--accounts N] [--flavour F] [--depth D] [--seed S] [--json FILE]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEPTHS, FLAVOURS, type Depth, type Flavour } from '../shared/contract/codes.ts';
import { compareWithTruth } from '../shared/engine/evaluation/compare.ts';
import { runScan } from '../shared/engine/scan.ts';
import { generateSchool, writeSchoolLdif } from '../shared/engine/synthetic/index.ts';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '3000' },
    flavour: { type: 'string', default: 'inetorgperson' },
    depth: { type: 'string', default: 'standard' },
    seed: { type: 'string', default: '3000' },
    json: { type: 'string' },
  },
});
const accounts = Number(values.accounts);
const flavour = values.flavour as Flavour;
const depth = values.depth as Depth;
if (!FLAVOURS.includes(flavour) || !DEPTHS.includes(depth) || !(accounts > 0)) {
  console.error('bench: --flavour, --depth or --accounts is wrong');
  process.exit(2);
}

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

const dir = await mkdtemp(path.join(tmpdir(), 'vigie-bench-'));
try {
  let t = performance.now();
  const school = await generateSchool({ seed: Number(values.seed), accounts, flavour });
  const ldif = path.join(dir, 'school.ldif');
  await writeSchoolLdif(school, ldif);
  const generateSeconds = (performance.now() - t) / 1000;

  t = performance.now();
  const phases: Record<string, number> = {};
  let phase = '';
  let phaseStart = t;
  const report = await runScan(
    { source: { kind: 'ldif', file: ldif }, depth, ...(school.readerOptions.birthDate ? { birthDate: school.readerOptions.birthDate } : {}) },
    {
      onProgress: (p) => {
        if (p.phase === phase) return;
        const now = performance.now();
        if (phase) phases[phase] = (now - phaseStart) / 1000;
        phase = p.phase;
        phaseStart = now;
      },
    },
  );
  const scanSeconds = (performance.now() - t) / 1000;
  if (phase) phases[phase] = (performance.now() - phaseStart) / 1000;
  const c = compareWithTruth(report, school.truth);

  console.log(`Vigie bench — ${accounts} accounts, flavour ${flavour}, depth ${depth}`);
  console.log(`generation ${generateSeconds.toFixed(1)} s (not counted); scan ${scanSeconds.toFixed(1)} s; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);
  console.log(`phases: ${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}`);
  console.log('');
  console.log('family      planted  found  recall  wrong code  missed (fast scheme)');
  for (const [family, r] of Object.entries(c.byFamily)) {
    const recall = r.planted ? ((100 * r.found) / r.planted).toFixed(1) + '%' : '-';
    console.log(`${family.padEnd(10)} ${String(r.planted).padStart(8)} ${String(r.found).padStart(6)} ${recall.padStart(7)} ${String(r.wrongCode).padStart(11)} ${String(r.missedFast).padStart(21)}`);
  }
  console.log('');
  console.log(`false positives (strong passwords flagged): ${c.falsePositives.length}`);
  console.log(`scheme mismatches: ${c.schemeMismatches.length}; accounts missing: ${c.missingAccounts.length}`);
  console.log(`grade ${report.summary.grade} (${report.summary.score}/100)`);
  if (values.json) {
    await writeFile(values.json, JSON.stringify({
      accounts, flavour, depth, scanSeconds, generateSeconds, phases, peakRssMB: Math.round(peakRss / 2 ** 20),
      byFamily: c.byFamily, falsePositives: c.falsePositives.length, schemeMismatches: c.schemeMismatches.length,
    }, null, 2));
  }
} finally {
  clearInterval(sampler);
  await rm(dir, { recursive: true, force: true });
}
