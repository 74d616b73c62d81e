// The report's ids in English (issue #14 §2). The same keys as fr.ts; see catalogue.ts.
import type { ReportMessages } from './catalogue.ts';

export const en: ReportMessages = {
  patterns: {
    fixed: {
      empty: 'empty password',
      common: 'common password',
      'common:capitalised': 'common password (capitalised)',
      'common:name-fr': 'common French given name',
      'common:word-fr': 'common French word',
      'common:word+digits': 'common word + digits',
      'common:word+year': 'common word + year',
      'common:word+symbol': 'common word + symbol',
      'common:word+digits+symbol': 'common word + digits + symbol',
      'common:word+year+symbol': 'common word + year + symbol',
      'cracked-offline': 'found by offline cracking',
    },
    roles: { surname: 'surname', given: 'given name', login: 'login', 'login-part': 'start of the login', initials: 'initials' },
    // A pair is said as its id ("given.surname"): the words are the id's own.
    pairParts: { given: 'given', surname: 'surname', g: 'g' },
    dateShape: (shape) => shape,
    birthdate: 'date of birth',
    birthdateAlone: 'date of birth alone',
    suffix: 'suffix',
    year: 'year',
    symbol: 'symbol',
    schoolSources: {
      'school-name': 'school name',
      'school-fullname': 'full school name',
      'school-word': 'word of the school name',
      'school-initials': 'school initials',
      town: 'school town',
      'town-word': 'word of the town name',
      academy: 'académie (education region)',
      uai: 'school UAI code',
      class: 'class name',
      'default-word': 'start-of-year or default word',
    },
    schoolTails: {
      '': '', '+year': ' + year', '+suffix': ' + suffix', '+year+suffix': ' + year + suffix', '+symbol': ' + symbol',
      '+year+symbol': ' + year + symbol', '+town': ' + town', '+uai': ' + UAI',
    },
    unknown: (id) => `pattern "${id}"`,
    letterCases: { lower: 'lower case', capitalised: 'Capitalised', upper: 'UPPER CASE', mixed: 'mixed case', none: '' },
    withPunctuation: (characters) => `with "${characters}"`,
  },
};
