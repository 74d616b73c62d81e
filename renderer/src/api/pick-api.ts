// One UI for both hosts: Electron's preload exposes `window.vigie`; a browser talks to the loopback host.
import type { VigieApi } from '../../../shared/contract/index.ts';
import { takeLaunchToken } from './launch-token.ts';
import { loopbackApi } from './loopback-client.ts';

declare global {
  interface Window {
    vigie?: VigieApi;
  }
}

export function pickApi(): VigieApi {
  if (window.vigie !== undefined) return window.vigie;
  const { token, cleanUrl } = takeLaunchToken(window.location.href);
  if (cleanUrl !== null) window.history.replaceState(window.history.state, '', cleanUrl);
  return loopbackApi({ origin: window.location.origin, token });
}
