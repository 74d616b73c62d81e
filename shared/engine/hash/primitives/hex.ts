// Lower-case hex of digests: unsalted keys and candidate digests are compared as these strings.

const BYTE_HEX: string[] = [];
for (let i = 0; i < 256; i++) BYTE_HEX.push(i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array, length = bytes.length): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BYTE_HEX[bytes[i]!]!;
  return out;
}
