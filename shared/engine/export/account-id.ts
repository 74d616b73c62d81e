// The opaque account id a hash file carries instead of a name: a keyed HMAC of the DN. Whoever holds the hash
// files (a GPU cluster, a contractor) learns nothing about who is who; the key and the id → DN map stay with the DSI.
import { createHmac, randomBytes } from 'node:crypto';

/** 'v' then 20 hex digits (80 bits): no colon, so hashcat's `--username` and John read it as the user name. */
export const ACCOUNT_ID_PATTERN = /^v[0-9a-f]{20}$/;

export function newIdKey(): Buffer {
  return randomBytes(32);
}

export function accountId(key: Uint8Array, dn: string): string {
  return `v${createHmac('sha256', key).update(dn.toLowerCase(), 'utf8').digest('hex').slice(0, 20)}`;
}
