// Birth dates as directories write them. A value that is not a real calendar date gives null: a bad
// date in one entry must never stop the audit of the others.
import type { BirthDate } from './model.ts';

const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2100;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date if it exists on the calendar (and falls in a plausible range of years), else null. */
export function calendarDate(year: number, month: number, day: number): BirthDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return null;
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

// Tried in order when no format is given. YYYYMMDD and GeneralizedTime both start with 8 digits;
// DD/MM/YYYY is the French order (never MM/DD).
const KNOWN_FORMATS: { pattern: RegExp; year: number; month: number; day: number }[] = [
  { pattern: /^(\d{4})(\d{2})(\d{2})$/, year: 1, month: 2, day: 3 },
  { pattern: /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.,]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, year: 1, month: 2, day: 3 },
  { pattern: /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/, year: 4, month: 3, day: 1 },
  // LDAP GeneralizedTime: YYYYMMDDHH[MM[SS]][.fraction](Z|±HHMM); the date is taken as written.
  { pattern: /^(\d{4})(\d{2})(\d{2})(?:[01]\d|2[0-3])(?:[0-5]\d(?:[0-5]\d|60)?)?(?:[.,]\d+)?(?:Z|[+-]\d{2}(?:\d{2})?)?$/, year: 1, month: 2, day: 3 },
];

// Format tokens, longest first so 'YYYY' wins over a literal 'Y'.
const FORMAT_TOKENS: { token: string; pattern: string; field?: 'year' | 'month' | 'day' }[] = [
  { token: 'YYYY', pattern: '(\\d{4})', field: 'year' },
  { token: 'MM', pattern: '(\\d{1,2})', field: 'month' },
  { token: 'DD', pattern: '(\\d{1,2})', field: 'day' },
  { token: 'HH', pattern: '\\d{2}' },
  { token: 'mm', pattern: '\\d{2}' },
  { token: 'ss', pattern: '\\d{2}' },
];

export interface CompiledBirthDateFormat {
  pattern: RegExp;
  fields: ('year' | 'month' | 'day')[];
}

/**
 * Turns a format such as 'DD/MM/YYYY' or 'YYYYMMDDHHmmssZ' into a matcher. Tokens: YYYY, MM, DD (and
 * HH, mm, ss, whose digits are skipped); anything else must appear literally. Null when YYYY, MM or DD
 * is missing.
 */
export function compileBirthDateFormat(format: string): CompiledBirthDateFormat | null {
  let source = '';
  const fields: ('year' | 'month' | 'day')[] = [];
  let rest = format.trim();
  while (rest.length > 0) {
    const token = FORMAT_TOKENS.find((t) => rest.startsWith(t.token));
    if (token) {
      source += token.pattern;
      if (token.field) {
        if (fields.includes(token.field)) return null;
        fields.push(token.field);
      }
      rest = rest.slice(token.token.length);
    } else {
      source += rest[0]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      rest = rest.slice(1);
    }
  }
  if (fields.length !== 3) return null;
  return { pattern: new RegExp(`^${source}$`), fields };
}

function fromCompiled(value: string, compiled: CompiledBirthDateFormat): BirthDate | null {
  const match = compiled.pattern.exec(value);
  if (!match) return null;
  const parts = { year: 0, month: 0, day: 0 };
  compiled.fields.forEach((field, i) => {
    parts[field] = Number(match[i + 1]);
  });
  return calendarDate(parts.year, parts.month, parts.day);
}

/**
 * Reads a birth date. Without a format: DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, YYYYMMDD, YYYY-MM-DD and
 * GeneralizedTime. With a format (see `compileBirthDateFormat`): only that. Never throws.
 */
export function parseBirthDate(value: string, format?: string | CompiledBirthDateFormat): BirthDate | null {
  const text = value.trim();
  if (format !== undefined) {
    const compiled = typeof format === 'string' ? compileBirthDateFormat(format) : format;
    return compiled ? fromCompiled(text, compiled) : null;
  }
  for (const known of KNOWN_FORMATS) {
    const match = known.pattern.exec(text);
    if (match) return calendarDate(Number(match[known.year]), Number(match[known.month]), Number(match[known.day]));
  }
  return null;
}
