// What went wrong talking to the host, as the contract's ApiError (issue #14 §3): a code the page says in the
// user's language, the host's one line as the technical detail, and the names it holds.
import { codeOfStatus, decodeErrorHeader, decodeIpcError, ERROR_HEADER, toApiError, VigieError, type ApiError } from '../../../shared/contract/index.ts';

export type HostErrorKind = 'unreachable' | 'unauthorised' | 'invalid' | 'failed';

/** A VigieError as the page receives it: the host's code, line and names (or the page's own, host unreachable). */
export class HostError extends VigieError {
  override readonly name = 'HostError';
  constructor(error: ApiError, readonly status?: number) {
    super(error.message, undefined, { code: error.code, params: error.params });
  }
  /** What the host said, as it crossed the API. */
  get error(): ApiError {
    return this.toApiError();
  }
  /** Whether the page can go on: an unreachable host or a refused token end the session. */
  get kind(): HostErrorKind {
    if (this.code === 'HOST_UNREACHABLE') return 'unreachable';
    if (this.code === 'UNAUTHORISED') return 'unauthorised';
    return this.status === undefined || this.status < 500 ? 'invalid' : 'failed';
  }
}

/**
 * The loopback host answers an error with its one line in the body (`{ error }`) and its code and names in the
 * x-vigie-error header; a host without the header (or a proxy's page) gets a code from the status alone.
 */
export async function readHostError(response: Response): Promise<HostError> {
  let message = response.statusText;
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null) {
      const text = (body as Record<string, unknown>).error;
      if (typeof text === 'string' && text !== '') message = text;
      else if (toApiError(text) !== null) return new HostError(toApiError(text) as ApiError, response.status);
    }
  } catch {
    // not JSON: keep the status text
  }
  const error = decodeErrorHeader(response.headers.get(ERROR_HEADER), message) ?? { code: codeOfStatus(response.status), message, params: {} };
  return new HostError(error, response.status);
}

/**
 * The ApiError of anything an API call threw: the loopback client's HostError, or Electron's IPC error whose message
 * carries it (after Electron's own prefix). Anything else is UNEXPECTED, with its line.
 */
export function apiErrorOf(error: unknown): ApiError {
  if (error instanceof VigieError) return error.toApiError();
  const message = error instanceof Error ? error.message : String(error);
  return decodeIpcError(message) ?? { code: 'UNEXPECTED', message: plainMessage(error), params: {} };
}

/** One line for a log; Electron's IPC prefixes messages with "Error invoking remote method …: Error: ". */
export function plainMessage(error: unknown): string {
  if (error instanceof HostError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const decoded = decodeIpcError(message);
  if (decoded !== null) return decoded.message;
  return message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
}
