// One UI for both hosts: Electron's preload exposes `window.vigie`; a browser talks to the loopback host.
import type { VigieApi } from '../../../shared/contract/index.ts';
import { sessionLaunchToken, type TokenStorage } from './launch-token.ts';
import { loopbackApi } from './loopback-client.ts';
import { ldifUploader } from './ldif-upload.ts';

declare global {
  interface Window {
    vigie?: VigieApi;
  }
}

export function pickApi(): VigieApi {
  if (window.vigie !== undefined) return window.vigie;
  const { token, cleanUrl } = sessionLaunchToken(window.location.href, tabStorage());
  if (cleanUrl !== null) window.history.replaceState(window.history.state, '', cleanUrl);
  // The loopback host also takes an LDIF chosen or dropped in the page (renderer/src/api/ldif-upload.ts).
  return Object.assign(loopbackApi({ origin: window.location.origin, token }), ldifUploader({ origin: window.location.origin, token }));
}

/** Reading window.sessionStorage itself throws where the browser forbids storage. */
function tabStorage(): TokenStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
