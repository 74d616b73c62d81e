// `vigie ui` opens the page with `?token=…`. The token is kept in memory only and taken out of the address bar,
// so it is not left in the history, a bookmark or a screenshot.

export interface TakenToken {
  token: string | null;
  /** The address without the token, to put back with history.replaceState; null when nothing changes. */
  cleanUrl: string | null;
}

export function takeLaunchToken(href: string): TakenToken {
  const url = new URL(href);
  const token = url.searchParams.get('token');
  if (token === null) return { token: null, cleanUrl: null };
  url.searchParams.delete('token');
  return { token: token === '' ? null : token, cleanUrl: url.toString() };
}
