// What went wrong talking to the host, in a form the UI can put in plain words.

export type HostErrorKind = 'unreachable' | 'unauthorised' | 'invalid' | 'failed';

export class HostError extends Error {
  constructor(readonly kind: HostErrorKind, message: string) {
    super(message);
    this.name = 'HostError';
  }
}

/** The host answers an error with a JSON body carrying a one-line message (`error` or `message`). */
export async function readHostError(response: Response): Promise<HostError> {
  const kind: HostErrorKind = response.status === 401 || response.status === 403 ? 'unauthorised'
    : response.status === 400 || response.status === 404 || response.status === 422 ? 'invalid' : 'failed';
  let message = response.statusText;
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null) {
      const record = body as Record<string, unknown>;
      const text = record.message ?? record.error;
      if (typeof text === 'string' && text !== '') message = text;
      else if (typeof text === 'object' && text !== null && typeof (text as Record<string, unknown>).message === 'string') {
        message = (text as Record<string, string>).message ?? message;
      }
    }
  } catch {
    // not JSON: keep the status text
  }
  return new HostError(kind, message);
}

/** One line for the UI; Electron's IPC prefixes messages with "Error invoking remote method …: Error: ". */
export function plainMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
}
