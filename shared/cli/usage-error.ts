import { VigieError } from '../engine/errors.ts';

/** The command line itself is wrong: exit code 2, one line, and a pointer to --help. */
export class UsageError extends VigieError {
  override readonly name = 'UsageError';
}
