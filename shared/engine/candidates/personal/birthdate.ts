// The shapes a birth date takes when typed as (part of) a password, most common first.
import type { BirthDate } from '../../directory/model.ts';

export const DATE_SHAPES = [
  'DDMMYYYY', 'DD/MM/YYYY', 'DDMMYY', 'YYYY', 'YYYYMMDD', 'DDMM', 'DD.MM.YYYY', 'DD-MM-YYYY', 'MMYYYY', 'YY',
] as const;
export type DateShape = (typeof DATE_SHAPES)[number];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatBirthDate(date: BirthDate, shape: DateShape): string {
  const year = pad(date.year, 4);
  return shape
    .replace('YYYY', year)
    .replace('YY', year.slice(-2))
    .replace('MM', pad(date.month, 2))
    .replace('DD', pad(date.day, 2));
}

/** The shape as a French reader writes it: JJ/MM/AAAA. */
export function frenchShape(shape: DateShape): string {
  return shape.replace(/D/g, 'J').replace(/Y/g, 'A');
}
