// Child of kernels.test.ts: the native tier's answers on the fixed workload, with the instruction set the
// parent chose through VIGIE_NATIVE_ISA (the addon chooses once per process). Prints one JSON line.
import { kernelOfTier } from './index.ts';
import { workload } from './kernels.workload.ts';

const k = kernelOfTier('native');
if (!k) throw new Error('the native kernel tier is not built here');
process.stdout.write(`${JSON.stringify({ isa: k.isa, results: workload(k) })}\n`);
