// sambaLMPassword: the LAN Manager hash, 32 hex digits. The password is upper-cased, encoded in the DOS code page
// (Samba's default CP850), padded to 14 bytes, and each 7-byte half keys a DES encryption of "KGS!@#$%".
import { DesBlock, DesKeySchedule } from '../primitives/des.ts';
import { toHex } from '../primitives/hex.ts';
import { sambaHexScheme } from './samba-hex.ts';

// Bytes 0x80–0xFF of CP850, as Python's codec gives them.
const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';
const CP850 = new Map<number, number>();
for (let i = 0; i < CP850_HIGH.length; i++) CP850.set(CP850_HIGH.charCodeAt(i), 0x80 + i);

/**
 * LM of a password longer than 14 bytes (or not encodable in CP850) does not exist: Windows and Samba store
 * none. This key can never equal a stored one.
 */
export const LM_IMPOSSIBLE = 'lm-impossible';

const keys = new DesKeySchedule();
const block = new DesBlock();
const oem = new Uint8Array(14);
const key = new Uint8Array(8);
const digest = new Uint8Array(16);

/** 0x4B475321 0x40232425 = "KGS!@#$%". */
function encryptHalf(offset: number): void {
  const s0 = oem[offset]!, s1 = oem[offset + 1]!, s2 = oem[offset + 2]!, s3 = oem[offset + 3]!;
  const s4 = oem[offset + 4]!, s5 = oem[offset + 5]!, s6 = oem[offset + 6]!;
  key[0] = s0 & 0xfe;
  key[1] = ((s0 << 7) | (s1 >>> 1)) & 0xfe;
  key[2] = ((s1 << 6) | (s2 >>> 2)) & 0xfe;
  key[3] = ((s2 << 5) | (s3 >>> 3)) & 0xfe;
  key[4] = ((s3 << 4) | (s4 >>> 4)) & 0xfe;
  key[5] = ((s4 << 3) | (s5 >>> 5)) & 0xfe;
  key[6] = ((s5 << 2) | (s6 >>> 6)) & 0xfe;
  key[7] = (s6 << 1) & 0xfe;
  keys.set(key);
  block.high = 0x4b475321;
  block.low = 0x40232425;
  block.encrypt(keys);
  const o = offset === 0 ? 0 : 8;
  digest[o] = block.high >>> 24; digest[o + 1] = (block.high >>> 16) & 0xff;
  digest[o + 2] = (block.high >>> 8) & 0xff; digest[o + 3] = block.high & 0xff;
  digest[o + 4] = block.low >>> 24; digest[o + 5] = (block.low >>> 16) & 0xff;
  digest[o + 6] = (block.low >>> 8) & 0xff; digest[o + 7] = block.low & 0xff;
}

/**
 * The 14 bytes LM hashes: upper-cased, CP850, NUL-padded, written to `out` at `offset`. False when the candidate
 * has no LM hash (longer than 14 characters or outside CP850). Also used by the batch kernels.
 */
export function lmOemInto(candidate: string, out: Uint8Array, offset = 0): boolean {
  if (candidate.length > 14) return false;
  out.fill(0, offset, offset + 14);
  for (let i = 0; i < candidate.length; i++) {
    let code = candidate.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) code -= 0x20;
    else if (code >= 0x80) {
      const upper = candidate[i]!.toUpperCase();
      if (upper.length === 1) code = upper.charCodeAt(0);
      const byte = CP850.get(code);
      if (byte === undefined) return false;
      code = byte;
    }
    out[offset + i] = code;
  }
  return true;
}

export function lmHex(candidate: string): string {
  if (!lmOemInto(candidate, oem)) return LM_IMPOSSIBLE;
  encryptHalf(0);
  encryptHalf(7);
  return toHex(digest);
}

// Measured: two DES key schedules and blocks in TypeScript ≈ 4.5 µs, where one MD5 digestHex ≈ 1 µs.
export const lm = sambaHexScheme({
  name: 'LM',
  attribute: 'sambalmpassword',
  weakness: 1,
  lookupOrder: 7,
  caseFolded: true,
  kernel: 'LM',
  hashcat: { mode: 3000, name: 'LM', john: 'LM' },
  cost: 4.5,
  digestHex: lmHex,
  create(password) {
    const hex = lmHex(password);
    if (hex === LM_IMPOSSIBLE) throw new RangeError('LM cannot store a password longer than 14 characters or outside CP850.');
    return hex.toUpperCase();
  },
});
