// How each stored scheme is handed to hashcat (its `-m` mode and line format, as `hashcat -m N --example-hashes`
// shows them) and to John the Ripper (its `--format`): each scheme's descriptor says it (`hashcat`, in
// hash/schemes/). Schemes hashcat has no mode for (argon2, yescrypt, scrypt as slapd stores it) and cleartext
// (nothing to crack) are not exported.
import type { HashSchemeName } from '../../contract/codes.ts';
import type { StoredPassword } from '../directory/model.ts';
import { classifyValue } from '../hash/classify.ts';
import { SCHEMES } from '../hash/registry.ts';

export interface HashcatMode {
  mode: number;
  /** hashcat's own name for the mode, for the README. */
  name: string;
  /** Extra hashcat options the mode needs (salts given in hex). */
  extraArgs: readonly string[];
  /** John the Ripper (jumbo) `--format` name; null when John takes no line of this shape. */
  johnFormat: string | null;
}

const BY_MODE = new Map<number, HashcatMode>();
/** By report name: the first descriptor of each name that has a mode. */
export const HASHCAT_MODES: Partial<Record<HashSchemeName, HashcatMode>> = {};
for (const scheme of SCHEMES) {
  if (!scheme.hashcat) continue;
  const { mode, name, extraArgs, johnFormat } = scheme.hashcat;
  if (!BY_MODE.has(mode)) BY_MODE.set(mode, { mode, name, extraArgs, johnFormat });
  HASHCAT_MODES[scheme.name] ??= BY_MODE.get(mode)!;
}

/** What hashcat and John call a mode Vigie exports. */
export function hashcatMode(mode: number): HashcatMode | undefined {
  return BY_MODE.get(mode);
}

export interface ExportedHash {
  scheme: HashSchemeName;
  mode: number;
  /** The hash exactly as hashcat reads it for that mode (and writes it to its potfile). */
  hash: string;
}

/** The stored value as hashcat's line for its mode, or null when hashcat cannot take it. */
export function toHashcat(stored: StoredPassword): ExportedHash | null {
  const classified = classifyValue(stored.attribute, stored.value);
  const exported = classified.descriptor?.hashcat;
  if (!exported) return null;
  const text = Buffer.from(stored.value).toString('latin1').replace(/\0+$/, '');
  const body = stored.attribute === 'userpassword' ? text.slice(text.indexOf('}') + 1) : text;
  const hash = exported.line(body, classified.parsed);
  return hash === null ? null : { scheme: classified.scheme, mode: exported.mode, hash };
}
