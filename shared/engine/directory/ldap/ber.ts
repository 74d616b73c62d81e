// The two facts of BER (X.690) that LDAP messages need to be split and read: a tag byte, then a length.
// LDAP uses single-byte tags only (RFC 4511 §5.1) and never the indefinite length.

import { DirectoryError } from '../../errors.ts';

export const BER_OCTET_STRING = 0x04;
export const BER_INTEGER = 0x02;
export const BER_SEQUENCE = 0x30;
export const BER_SET = 0x31;

/** The server sent bytes that are not the BER it promised. */
export class MalformedBerError extends DirectoryError {
  override readonly name = 'MalformedBerError';
  constructor(message: string) {
    super(message, undefined, { code: 'LDAP_MALFORMED_ANSWER' });
  }
}

/** How many bytes the length field whose first byte is `first` takes. */
export function lengthFieldSize(first: number): number {
  return first < 0x80 ? 1 : 1 + (first & 0x7f);
}

/**
 * The length whose field starts at `offset`, or -1 when the field goes past `limit` (not all bytes have
 * arrived yet). Long form up to 4 bytes, as ldapts accepts: 4 GiB is more than any message it would buffer.
 */
export function readLength(bytes: Uint8Array, offset: number, limit: number): number {
  if (offset >= limit) return -1;
  const first = bytes[offset] as number;
  if (first < 0x80) return first;
  const size = first & 0x7f;
  if (size === 0) throw new MalformedBerError('indefinite BER length');
  if (size > 4) throw new MalformedBerError(`BER length of ${size} bytes`);
  if (offset + 1 + size > limit) return -1;
  let length = 0;
  for (let i = 1; i <= size; i++) length = length * 256 + (bytes[offset + i] as number);
  return length;
}
