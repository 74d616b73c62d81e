// `vigie ui` opens the page with `?token=…`. The token is taken out of the address bar, so it is not left in the
// history, a bookmark or a screenshot, and kept for this tab only (sessionStorage, issue #13 §3): a reload (F5)
// keeps the session — and a running scan can still be followed and cancelled — while another tab, a closed tab or
// a restarted browser does not get it. The host's port and token change with each run, so an old one never lingers
// past the host it was made for.

export interface TakenToken {
  token: string | null;
  /** The address without the token, to put back with history.replaceState; null when nothing changes. */
  cleanUrl: string | null;
}

/** Where the tab keeps the token: window.sessionStorage in the page. */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const TOKEN_STORAGE_KEY = 'vigie.launchToken';

export function takeLaunchToken(href: string): TakenToken {
  const url = new URL(href);
  const token = url.searchParams.get('token');
  if (token === null) return { token: null, cleanUrl: null };
  url.searchParams.delete('token');
  return { token: token === '' ? null : token, cleanUrl: url.toString() };
}

/**
 * The token from the address (kept for the tab), or, after a reload, the one the tab kept. A storage that refuses
 * (privacy settings) leaves the token in memory only, as before: the page works until it is reloaded.
 */
export function sessionLaunchToken(href: string, storage: TokenStorage | null): TakenToken {
  const taken = takeLaunchToken(href);
  if (taken.token !== null) {
    try {
      storage?.setItem(TOKEN_STORAGE_KEY, taken.token);
    } catch {
      // no storage for this page: memory only
    }
    return taken;
  }
  let kept: string | null = null;
  try {
    kept = storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    kept = null;
  }
  return { token: kept !== null && kept !== '' ? kept : null, cleanUrl: taken.cleanUrl };
}
