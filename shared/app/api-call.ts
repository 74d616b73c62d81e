// One checked path from "a method name and some arguments off the wire" to a service call, shared by the
// loopback host (HTTP) and Electron's main process (IPC): unknown methods and bad arguments never reach a service.
import { API_ARGUMENT_SCHEMAS, type ApiMethod, type VigieApi } from '../contract/api.ts';
import type { ApiError, ErrorCode } from '../contract/errors.ts';
import { apiErrorOf, VigieError } from '../engine/errors.ts';

export class ApiArgumentError extends VigieError {
  override readonly name = 'ApiArgumentError';
  protected override defaultCode(): ErrorCode {
    return 'BAD_REQUEST';
  }
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

/**
 * What a caller across a process or network boundary may see of an error (issue #14 §3): its code, one line (never
 * a stack) and the names it holds.
 */
export function publicError(e: unknown): ApiError {
  return apiErrorOf(e);
}
