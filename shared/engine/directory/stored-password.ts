// Where a password value as a directory stores it really ends.
// slapd's argon2 module (pw-argon2.c) stores the whole buffer argon2_encodedlen() sized: the PHC string,
// its terminating NUL, and whatever uninitialised bytes the over-estimate left after it — usually NULs,
// sometimes not ("…\0\x08" was seen on Debian's slapd). The PHC string never holds a NUL, so an {ARGON2}
// value ends at its first one; any other value loses only its trailing NULs, as it always did.

const ARGON2_TAG = '{argon2}';

/** The end of the value in bytes[start, end) once slapd's padding is dropped. */
export function storedPasswordEnd(bytes: Uint8Array, start: number, end: number): number {
  if (hasArgon2Tag(bytes, start, end)) {
    for (let i = start + ARGON2_TAG.length; i < end; i++) {
      if (bytes[i] === 0) return i;
    }
    return end;
  }
  let last = end;
  while (last > start && bytes[last - 1] === 0) last -= 1;
  return last;
}

function hasArgon2Tag(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start < ARGON2_TAG.length) return false;
  for (let i = 0; i < ARGON2_TAG.length; i++) {
    const byte = bytes[start + i] as number;
    // Scheme tags are case-insensitive: upper-case letters fold onto lower case.
    const folded = byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte;
    if (folded !== ARGON2_TAG.charCodeAt(i)) return false;
  }
  return true;
}
