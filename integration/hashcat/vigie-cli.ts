// Runs the `vigie` command line in-process with captured output, for the hashcat round trip.
import { runCliInProcess, type CliRun } from '../../shared/cli/test-io.ts';

export function vigie(args: string[]): Promise<CliRun> {
  return runCliInProcess(args);
}
