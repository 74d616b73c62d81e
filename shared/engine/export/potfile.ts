// Reading what hashcat found: its potfile (`hash:plain`) or `hashcat --show --username` (`id:hash:plain`).
// A hash may itself hold colons (salted hex, PBKDF2), and so may a plain: lines are split where a known hash
// ends, not at the first colon. hashcat writes `$HEX[…]` for plains with colons or non-printable bytes.

/** hashcat's `$HEX[6162]` → "ab"; any other plain as is. Bytes are read as UTF-8, as Vigie hashes candidates. */
export function decodePlain(plain: string): string {
  const hex = /^\$HEX\[([0-9a-fA-F]*)\]$/.exec(plain);
  if (!hex || hex[1]!.length % 2 !== 0) return plain;
  return Buffer.from(hex[1]!, 'hex').toString('utf8');
}

export interface CrackedLine {
  /** Set for `--show --username` lines. */
  id: string | null;
  hash: string;
  plain: string;
}

/**
 * One line of a potfile or of `--show --username` output. `isHash` says whether a text is a hash of the export;
 * `isId` whether it is one of its account ids. Null for a line that is about none of them.
 */
export function parseCrackedLine(line: string, isHash: (h: string) => boolean, isId: (id: string) => boolean): CrackedLine | null {
  const text = line.replace(/\r$/, '');
  const first = text.indexOf(':');
  if (first < 0) return null;
  const id = text.slice(0, first);
  if (isId(id)) {
    const rest = splitAtHash(text.slice(first + 1), isHash);
    if (rest) return { id, ...rest };
  }
  const plain = splitAtHash(text, isHash);
  return plain ? { id: null, ...plain } : null;
}

/** The longest prefix ending before a colon that is a known hash, and what follows as the plain. */
function splitAtHash(text: string, isHash: (h: string) => boolean): { hash: string; plain: string } | null {
  for (let i = text.lastIndexOf(':'); i > 0; i = text.lastIndexOf(':', i - 1)) {
    const hash = text.slice(0, i);
    if (isHash(hash)) return { hash, plain: decodePlain(text.slice(i + 1)) };
  }
  return null;
}
