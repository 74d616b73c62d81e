// Strict base-64 reading for stored values: Buffer.from(…, 'base64') skips bad characters silently, which would
// turn a corrupt value into a wrong digest instead of UNKNOWN.

const STANDARD = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const UNPADDED = /^[A-Za-z0-9+/]*$/;

/** Standard padded base-64, as slapd's {SSHA} and friends store it; null when malformed or empty. */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length === 0 || !STANDARD.test(text)) return null;
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/** Base-64 without padding (PHC strings such as argon2's); null when malformed or empty. */
export function decodeUnpaddedBase64(text: string): Uint8Array | null {
  if (text.length === 0 || text.length % 4 === 1 || !UNPADDED.test(text)) return null;
  return new Uint8Array(Buffer.from(text, 'base64'));
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function encodeUnpaddedBase64(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/=+$/, '');
}
