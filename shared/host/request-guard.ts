// The loopback host is a door on the user's machine: any page in any browser tab can send it requests, so
// each one must show the per-run token, come from the host's own origin, and name the host it was sent to
// (a DNS-rebinding page sends its own host name).
import { timingSafeEqual } from 'node:crypto';

export function tokenMatches(expected: string, presented: string | null | undefined): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

/** The origins the page can have: the address printed by `vigie ui`, with 127.0.0.1 or localhost. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function hostHeaderAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export type OriginVerdict = 'same-origin' | 'absent' | 'foreign';

export function originVerdict(origin: string | undefined, port: number): OriginVerdict {
  if (origin === undefined) return 'absent';
  return ownOrigins(port).includes(origin) ? 'same-origin' : 'foreign';
}
