// Passwords French users are known to favour that zxcvbn-ts's lists lack or rank far down: its
// `passwords-common` comes from English-language leaks ("motdepasse" is absent, "doudou" is not in it).
// These are the French entries of public yearly "most used passwords in France" reports, most used first.
// They are merged at the top of the common family; zxcvbn-ts's lists remain the body of it.
export const FRENCH_FAVOURITES: readonly string[] = [
  'azerty', 'motdepasse', 'doudou', 'loulou', 'soleil', 'chouchou', 'marseille', 'jetaime', 'bonjour',
  'azertyuiop', 'azerty123', 'azerty1', 'nicolas', 'camille', 'julien', 'thomas', 'nathalie', 'isabelle',
  'chocolat', 'coucou', 'doudou1', 'loulou1', 'marseille13', 'olivier', 'princesse', 'caramel', 'papillon',
  'motdepasse1', 'motdepasse123', 'bienvenue', 'bienvenue1', 'vacances', 'football', 'sandrine', 'celine',
  'amandine', 'alexandre', 'nounours', 'jtm', 'moimoi', 'toto', 'titi', 'tintin', 'pokemon', 'minecraft',
  'psg', 'allezlom', 'ecole', 'college', 'lycee', 'eleve', 'professeur', 'prof', 'classe', 'bonjour1',
];
