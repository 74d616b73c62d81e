// The crypt(3) base-64 alphabet ("./0-9A-Za-z") and its two byte orders: the 24-bit groups of md5crypt and
// sha-crypt (caller picks the bytes), and the little-endian stream of scrypt/yescrypt (libxcrypt encode64).

export const CRYPT_ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const VALUE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < CRYPT_ALPHABET.length; i++) VALUE_OF[CRYPT_ALPHABET.charCodeAt(i)] = i;

/** The 6-bit value of one crypt base-64 character, or -1. */
export function cryptCharValue(code: number): number {
  return code < 128 ? (VALUE_OF[code] ?? -1) : -1;
}

export function isCryptBase64(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (cryptCharValue(text.charCodeAt(i)) < 0) return false;
  return true;
}

/** `count` characters of a 24-bit group, low 6 bits first (md5crypt's and sha-crypt's to64). */
export function encodeGroup(value: number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    out += CRYPT_ALPHABET[value & 0x3f];
    value >>>= 6;
  }
  return out;
}

/** libxcrypt's encode64: bytes as a little-endian bit stream, 6 bits a character, no padding. */
export function encodeLittleEndian(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const value = (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) | ((bytes[i + 2] ?? 0) << 16);
    out += encodeGroup(value, rest >= 3 ? 4 : rest + 1);
  }
  return out;
}

/** libxcrypt's decode64; null when a character is outside the alphabet or the length is impossible. */
export function decodeLittleEndian(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const chars = Math.min(4, text.length - i);
    let value = 0;
    for (let j = 0; j < chars; j++) {
      const v = cryptCharValue(text.charCodeAt(i + j));
      if (v < 0) return null;
      value |= v << (6 * j);
    }
    for (let j = 0; j < chars - 1; j++) out[o++] = (value >>> (8 * j)) & 0xff;
  }
  return out;
}
