// What people append to a word to satisfy a "digits or symbol" rule, most common first.

export const SHORT_SUFFIXES: readonly string[] = ['123', '1', '12', '1234', '!', '01'];

/** Years a password set or changed recently would carry: 2000 to next year, newest first. */
export function recentYears(currentYear: number): number[] {
  const years: number[] = [];
  for (let year = currentYear + 1; year >= 2000; year--) years.push(year);
  return years;
}

export function currentYear(): number {
  return new Date().getFullYear();
}
