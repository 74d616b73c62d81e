// The report's ids in French (issue #14 §2). The same keys as en.ts; see catalogue.ts.
import type { ReportMessages } from './catalogue.ts';

export const fr: ReportMessages = {
  patterns: {
    fixed: {
      empty: 'mot de passe vide',
      common: 'mot de passe courant',
      'common:capitalised': 'mot de passe courant (majuscule initiale)',
      'common:name-fr': 'prénom français courant',
      'common:word-fr': 'mot français courant',
      'common:word+digits': 'mot courant + chiffres',
      'common:word+year': 'mot courant + année',
      'common:word+symbol': 'mot courant + symbole',
      'common:word+digits+symbol': 'mot courant + chiffres + symbole',
      'common:word+year+symbol': 'mot courant + année + symbole',
      'cracked-offline': 'trouvé par craquage hors ligne',
    },
    roles: {
      surname: 'nom', given: 'prénom', login: 'identifiant', 'login-part': "début de l'identifiant", initials: 'initiales',
    },
    pairParts: { given: 'prénom', surname: 'nom', g: 'p' },
    dateShape: (shape) => shape.replace(/D/g, 'J').replace(/Y/g, 'A'),
    birthdate: 'date de naissance',
    birthdateAlone: 'date de naissance seule',
    suffix: 'suffixe',
    year: 'année',
    symbol: 'symbole',
    schoolSources: {
      'school-name': "nom de l'établissement",
      'school-fullname': "nom complet de l'établissement",
      'school-word': "mot du nom de l'établissement",
      'school-initials': "sigle de l'établissement",
      town: "ville de l'établissement",
      'town-word': 'mot du nom de la ville',
      academy: 'académie',
      uai: "code UAI de l'établissement",
      class: 'nom de classe',
      // Not the school's own words: what schools hand out at the start of the year (« Rentree2025! », « Bienvenue »).
      'default-word': 'mot de rentrée ou par défaut',
    },
    schoolTails: {
      '': '', '+year': ' + année', '+suffix': ' + suffixe', '+year+suffix': ' + année + suffixe', '+symbol': ' + symbole',
      '+year+symbol': ' + année + symbole', '+town': ' + ville', '+uai': ' + UAI',
    },
    unknown: (id) => `motif « ${id} »`,
    letterCases: { lower: 'minuscules', capitalised: 'Majuscule initiale', upper: 'MAJUSCULES', mixed: 'casse mélangée', none: '' },
    withPunctuation: (characters) => `avec « ${characters} »`,
  },
};
