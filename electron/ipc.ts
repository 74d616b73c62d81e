// The API over IPC: one `ipcMain.handle('vigie:<method>')` per method. Each call is checked twice before a
// service runs: it comes from the Vigie page (app://vigie/, main frame), and its arguments pass the contract's
// schema. Errors cross as an ApiError ({code, message, params}) encoded in the thrown message: Electron carries a
// thrown error's message only (and adds its own prefix); the renderer decodes it (shared/contract/errors.ts).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_METHODS, type ApiMethod, type VigieApi } from '../shared/contract/api.ts';
import { encodeIpcError } from '../shared/contract/errors.ts';
import { invokeApi, parseApiArguments, publicError } from '../shared/app/api-call.ts';
import { VigieError } from '../shared/engine/errors.ts';
import { APP_HOST, APP_SCHEME } from './window-options.ts';

export const PROGRESS_CHANNEL = 'vigie:progress';
export const BREACH_IMPORT_PROGRESS_CHANNEL = 'vigie:breach-import-progress';

export function channelOf(method: ApiMethod): string {
  return `vigie:${method}`;
}

/** True only for a frame showing Vigie's own page. Pure: takes the frame's URL. */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  if (!frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The call's arguments, parsed by the contract's schema; throws one line otherwise. Pure. */
export function parseIpcArguments(method: ApiMethod, args: unknown[]): unknown[] {
  return parseApiArguments(method, args);
}

export class UntrustedSenderError extends VigieError {
  override readonly name = 'UntrustedSenderError';
  constructor() {
    super('refused: this call does not come from the Vigie page', undefined, { code: 'UNAUTHORISED' });
  }
}

/** What an IPC handler throws for any error: its ApiError, in the only field Electron carries across. Pure. */
export function ipcErrorOf(e: unknown): Error {
  return new Error(encodeIpcError(publicError(e)));
}

export function registerIpcHandlers(ipcMain: IpcMain, services: VigieApi): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const frame = event.senderFrame;
      try {
        if (!frame || frame.parent !== null || !isTrustedSender(frame.url)) throw new UntrustedSenderError();
        return await invokeApi(services, method, parseIpcArguments(method, args));
      } catch (e) {
        throw ipcErrorOf(e);
      }
    });
  }
}
