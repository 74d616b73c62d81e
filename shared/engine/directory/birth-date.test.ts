import { describe, expect, it } from 'vitest';
import { compileBirthDateFormat, parseBirthDate } from './birth-date.ts';

const d = (year: number, month: number, day: number) => ({ year, month, day });

describe('parseBirthDate without a format', () => {
  it.each([
    ['09/07/1998', d(1998, 7, 9)],
    ['9/7/1998', d(1998, 7, 9)],
    ['19980709', d(1998, 7, 9)],
    ['1998-07-09', d(1998, 7, 9)],
    ['1998-07-09T00:00:00Z', d(1998, 7, 9)],
    ['09-07-1998', d(1998, 7, 9)],
    ['09.07.1998', d(1998, 7, 9)],
    ['19980709000000Z', d(1998, 7, 9)],
    ['199807091200Z', d(1998, 7, 9)],
    ['19980709120000.0Z', d(1998, 7, 9)],
    ['19980709000000+0200', d(1998, 7, 9)],
    ['  29/02/2008 ', d(2008, 2, 29)],
  ])('%s', (value, expected) => {
    expect(parseBirthDate(value)).toEqual(expected);
  });

  it.each([
    '31/02/2008', '29/02/2007', '00/01/2000', '32/01/2000', '01/13/2000', '20081301', '20080230',
    '2008-02-30', '00000000', '18500101', '', 'né le 3 mars', '1998/07/09', '07/09/98', '19980709999999Z', '123',
  ])('rejects %j', (value) => {
    expect(parseBirthDate(value)).toBeNull();
  });
});

describe('parseBirthDate with an explicit format', () => {
  it.each([
    ['DD/MM/YYYY', '09/07/1998', d(1998, 7, 9)],
    ['YYYYMMDD', '19980709', d(1998, 7, 9)],
    ['MM/DD/YYYY', '07/09/1998', d(1998, 7, 9)],
    ['YYYY-MM-DD', '1998-07-09', d(1998, 7, 9)],
    ['YYYYMMDDHHmmssZ', '19980709000000Z', d(1998, 7, 9)],
    ['DD.MM.YYYY', '09.07.1998', d(1998, 7, 9)],
  ])('%s reads %s', (format, value, expected) => {
    expect(parseBirthDate(value, format)).toEqual(expected);
  });

  it.each([
    ['DD/MM/YYYY', '1998-07-09'],
    ['DD/MM/YYYY', '30/02/1998'],
    ['YYYYMMDD', '09/07/1998'],
    ['MM/DD/YYYY', '13/09/1998'],
  ])('%s rejects %s', (format, value) => {
    expect(parseBirthDate(value, format)).toBeNull();
  });

  it.each(['DD/MM', 'YYYY', 'DD/DD/YYYY', 'nonsense'])('a format without YYYY, MM and DD once each (%s) reads nothing', (format) => {
    expect(compileBirthDateFormat(format)).toBeNull();
    expect(parseBirthDate('09/07/1998', format)).toBeNull();
  });
});
