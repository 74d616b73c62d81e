// One scan for `npm run bench`, in a process of its own, as `vigie scan --ldif FILE --json OUT` runs it (bundled,
// as bin/vigie.mjs runs the CLI: build/runtime-bundle.mjs): the peak memory it prints is the scan's alone (the
// bench's generator, its truth and its passwords live in the parent).
//   node <bundle of build/bench-scan-child.ts> --ldif FILE --depth D --out REPORT.json
//        [--flavour F] [--birth-attr A] [--birth-format FMT]
// Prints one JSON line on stdout: {"seconds", "writeSeconds", "phases", "peakRssMB"}; `seconds` is the scan (read
// and audit), report writing excluded; `peakRssMB` is the kernel's peak for the whole process, workers included.
import { parseArgs } from 'node:util';
import { DEPTHS, FLAVOURS, type Depth, type Flavour } from '../shared/contract/codes.ts';
import { writeReport } from '../shared/cli/commands/scan.ts';
import { VigieError } from '../shared/engine/errors.ts';
import { runScan, type ScanRequest } from '../shared/engine/scan.ts';

try {
  const { values } = parseArgs({
    options: {
      ldif: { type: 'string' },
      depth: { type: 'string' },
      out: { type: 'string' },
      flavour: { type: 'string' },
      'birth-attr': { type: 'string' },
      'birth-format': { type: 'string' },
    },
  });
  const { ldif, out } = values;
  const depth = values.depth as Depth;
  const flavour = values.flavour as Flavour | undefined;
  if (!ldif || !out || !DEPTHS.includes(depth) || (flavour !== undefined && !FLAVOURS.includes(flavour))) {
    throw new VigieError('usage: bench-scan-child.ts --ldif FILE --depth D --out REPORT.json [--flavour F] [--birth-attr A] [--birth-format FMT]');
  }
  const request: ScanRequest = { source: { kind: 'ldif', file: ldif }, depth };
  if (flavour) request.flavour = flavour;
  if (values['birth-attr'] !== undefined || values['birth-format'] !== undefined) {
    request.birthDate = {
      ...(values['birth-attr'] !== undefined ? { attribute: values['birth-attr'] } : {}),
      ...(values['birth-format'] !== undefined ? { format: values['birth-format'] } : {}),
    };
  }

  const phases: Record<string, number> = {};
  let phase = '';
  const start = performance.now();
  let phaseStart = start;
  const report = await runScan(request, {
    onProgress: (p) => {
      if (p.phase === phase) return;
      const now = performance.now();
      if (phase) phases[phase] = (now - phaseStart) / 1000;
      phase = p.phase;
      phaseStart = now;
    },
  });
  const end = performance.now();
  if (phase) phases[phase] = (end - phaseStart) / 1000;
  await writeReport(out, report);
  const writeSeconds = (performance.now() - end) / 1000;

  const line = JSON.stringify({
    seconds: (end - start) / 1000,
    writeSeconds,
    phases,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  });
  process.stdout.write(`${line}\n`, () => process.exit(0));
} catch (e) {
  const message = e instanceof VigieError ? e.oneLine() : e instanceof Error ? e.message : String(e);
  process.stderr.write(`bench-scan-child: ${message.split('\n')[0]}\n`);
  process.exit(1);
}
