// One checked path from "a method name and some arguments off the wire" to a service call, shared by the
// loopback host (HTTP) and Electron's main process (IPC): unknown methods and bad arguments never reach a service.
import { API_ARGUMENT_SCHEMAS, type ApiMethod, type VigieApi } from '../contract/api.ts';
import { VigieError } from '../engine/errors.ts';

export class ApiArgumentError extends VigieError {
  override readonly name = 'ApiArgumentError';
}

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(API_ARGUMENT_SCHEMAS, name);
}

/** The arguments, parsed by the method's schema (defaults applied), or an ApiArgumentError in one line. */
export function parseApiArguments(method: string, args: unknown): unknown[] {
  if (!isApiMethod(method)) throw new ApiArgumentError(`unknown method '${method.slice(0, 64)}'`);
  const parsed = API_ARGUMENT_SCHEMAS[method].safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new ApiArgumentError(`bad arguments for ${method}${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data as unknown[];
}

/** Calls the service with already-parsed arguments. */
export function invokeApi(api: VigieApi, method: ApiMethod, args: unknown[]): Promise<unknown> {
  const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
  return fn.apply(api, args);
}

/** What a caller across a process or network boundary may see of an error: one line, never a stack. */
export function publicErrorLine(e: unknown): string {
  if (e instanceof VigieError) return e.oneLine();
  const message = e instanceof Error ? e.message : String(e);
  return `unexpected error: ${message.split('\n')[0]}`;
}
