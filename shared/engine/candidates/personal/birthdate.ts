// The shapes a birth date takes when typed as (part of) a password, most common first.
import type { DateShape } from '../../../contract/pattern-ids.ts';
import type { BirthDate } from '../../directory/model.ts';

// The shapes are the report's vocabulary (a pattern id names one): the contract keeps them.
export { DATE_SHAPES, type DateShape } from '../../../contract/pattern-ids.ts';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatBirthDate(date: BirthDate, shape: DateShape): string {
  const year = pad(date.year, 4);
  return shape
    .replace('YYYY', year)
    .replace('YY', year.slice(-2))
    .replace('MM', pad(date.month, 2))
    .replace('DD', pad(date.day, 2));
}
