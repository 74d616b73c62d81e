// Distinguished names compared the way slapd compares them for our purposes: case and spaces after commas
// do not matter. Enough for suffixes and config entries; not a full RFC 4514 normaliser.

export function normaliseDn(dn: string): string {
  return dn.trim().replace(/\s*,\s*/g, ',').replace(/\s*=\s*/g, '=').toLowerCase();
}

/** True when `dn` is `suffix` or lies under it. */
export function isUnder(dn: string, suffix: string): boolean {
  const d = normaliseDn(dn), s = normaliseDn(suffix);
  return s === '' || d === s || d.endsWith(`,${s}`);
}

/** Removes slapd's `{n}` ordering prefix from a cn=config value. */
export function withoutIndex(value: string): string {
  return value.replace(/^\{-?\d+\}/, '');
}
