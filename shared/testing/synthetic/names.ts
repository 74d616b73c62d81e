// Name material for invented people and schools. Every person is a random combination of a common
// given name and a common surname: no combination stands for a real person.

export const FEMALE_GIVEN_NAMES = [
  'Élodie', 'Hélène', 'Zoé', 'Chloé', 'Léa', 'Manon', 'Camille', 'Inès', 'Jade', 'Louise', 'Emma', 'Anaïs',
  'Océane', 'Maëlle', 'Noémie', 'Clémence', 'Léonie', 'Agathe', 'Juliette', 'Margaux', 'Sarah', 'Lina',
  'Aïcha', 'Fatoumata', 'Yasmine', 'Nathalie', 'Isabelle', 'Sophie', 'Valérie', 'Sylvie', 'Cécile', 'Brigitte',
  'Anne-Sophie', 'Marie-Claire', 'Françoise', 'Geneviève', 'Gaëlle', 'Solène', 'Mathilde', 'Amélie', 'Eléa',
  'Rose', 'Ambre', 'Nour', 'Maïwenn', 'Clémentine', 'Bérénice', 'Joséphine', 'Héloïse', 'Capucine',
] as const;

export const MALE_GIVEN_NAMES = [
  'François', 'Noël', 'Jérôme', 'Théo', 'Lucas', 'Hugo', 'Nathan', 'Louis', 'Gabriel', 'Raphaël', 'Arthur',
  'Mathéo', 'Enzo', 'Maël', 'Loïc', 'Jean-Baptiste', 'Pierre-Louis', 'Benoît', 'Clément', 'Timothée', 'Adrien',
  'Mohamed', 'Yanis', 'Ibrahima', 'Moussa', 'Karim', 'Stéphane', 'Frédéric', 'Thierry', 'Philippe', 'Hervé',
  'Christophe', 'Olivier', 'Joël', 'Gaël', 'Rémi', 'Cédric', 'Sébastien', 'Éric', 'Anthony', 'Kévin',
  'Corentin', 'Erwan', 'Yann', 'Tom', 'Jules', 'Léo', 'Noah', 'Sacha', 'Émile', 'Valentin',
] as const;

export const SURNAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon',
  'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel',
  'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier',
  'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Müller', 'Henry', 'Roussel', 'Nicolas', 'Perrin', 'Mathieu',
  'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Masson', 'Sánchez', 'Gérard',
  'Nguyen', 'Boyer', 'Denis', 'Lemaire', 'Duval', 'Joly', 'Gautier', 'Roger', 'Roche', 'Roy', 'Noël',
  'Meyer', 'Lucas', 'Meunier', 'Jean', 'Pérez', 'Marchand', 'Dufour', 'Blanchard', 'Barbier', 'Brun',
  'Dumas', 'Brunet', 'Schmitt', 'Leroux', 'Colin', 'Fernandez', 'Pierre', 'Renard', 'Arnaud', 'Rolland',
  'Caron', 'Aubert', 'Giraud', 'Leclerc', 'Vidal', 'Bourgeois', 'Renaud', 'Lemoine', 'Picard', 'Gaillard',
  'Philippe', 'Leclercq', 'Lacroix', 'Fabre', 'Dupuis', 'Olivier', 'Rodriguez', 'Da Silva', 'Hubert', 'Louis',
  'Le Gall', 'Le Goff', 'Le Bihan', 'Kerjean', 'Le Roux', 'Le Guen', 'Tanguy', 'Hamon',
  "N'Diaye", 'Diallo', 'Traoré', 'Diop', 'Benali', 'Haddad', 'Bensaïd', 'Ouédraogo',
  "d'Almeida", 'de La Fontaine', 'de Saint-Exupéry', 'du Pré', 'de Vries', "d'Arcy", 'Van der Berg',
  'Martin-Dupont', 'Lefèvre-Dubois', 'Garnier-Roux', 'Ben Youssef', 'Saint-Jean', 'Le Floc\'h',
] as const;

/** People the schools are named after: well-known historical figures, as real schools are. */
export const SCHOOL_PATRONS = [
  'Marie Curie', 'Jean Moulin', 'Victor Hugo', 'Jules Ferry', 'Louise Michel', 'Simone Veil', 'Jean Jaurès',
  'George Sand', 'Paul Éluard', 'Albert Camus', 'Jacques Prévert', 'Émile Zola', 'Olympe de Gouges',
  'Jean de La Fontaine', 'Antoine de Saint-Exupéry', 'Pierre et Marie Curie', 'Condorcet', 'Voltaire',
] as const;

/** Invented or very common town names (many French communes share them). */
export const TOWNS = [
  'Saint-Martin-des-Champs', 'Villeneuve-sur-Loire', 'Beaumont', 'Montfort', 'Saint-Aubin', 'Châteauneuf',
  'Neuville-sur-Orne', 'Belleville-en-Caux', 'Fontenay-le-Vieux', 'Plouméac', 'Kerbréac', 'Valmont-sur-Lèze',
] as const;

export const ACADEMIES = ['rennes', 'nantes', 'caen', 'lyon', 'grenoble', 'toulouse', 'lille', 'dijon'] as const;

/**
 * Words schools hand out as a default password at the start of the year (« Rentree2025! », « Changemoi* »), with a
 * label that never spells the word: the label goes into the truth files, which must hold no password.
 */
export const SCHOOL_DEFAULT_WORDS: readonly { text: string; label: string }[] = [
  { text: 'rentree', label: 'back-to-school' },
  { text: 'bienvenue', label: 'welcome' },
  { text: 'changeme', label: 'change-me:en' },
  { text: 'changemoi', label: 'change-me:fr' },
  { text: 'motdepasse', label: 'password:fr' },
  { text: 'ecole', label: 'school-kind:primary' },
  { text: 'college', label: 'school-kind:middle' },
  { text: 'lycee', label: 'school-kind:high' },
  { text: 'ent', label: 'digital-workspace' },
  { text: 'sesame', label: 'magic-word' },
];
