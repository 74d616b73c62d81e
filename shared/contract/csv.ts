// One CSV field, for every CSV Vigie writes (the host's report export and the Accounts page's filtered list):
// RFC 4180 quoting, and a leading = + - @ (or tab, carriage return) neutralised with a quote mark, so a
// spreadsheet never runs a directory value as a formula. Pure: the renderer imports it too.

/** `separator`: ',' (RFC 4180, English) or ';' (what French spreadsheets expect). */
export function csvField(value: string, separator: ',' | ';' = ','): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
