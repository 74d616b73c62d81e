// The migration plan in French, the default (issue #14): the same keys as plan-messages-en.ts; see plan-messages.ts.
// The words of plan.md, the LDIF comments and the letters as `vigie plan` has always written them.
import type { Profile } from './codes.ts';
import { shapeLabel } from './pattern-labels.ts';
import type { ChangeNote, PlanMessages } from './plan-messages.ts';

const PROFILE: Record<Profile, string> = {
  student: 'élève', parent: 'parent', teacher: 'enseignant', staff: 'personnel', admin: 'administrateur', unknown: 'non classé',
};
const PROFILE_PLURAL: Record<Profile, string> = {
  student: 'élèves', parent: 'parents', teacher: 'enseignants', staff: 'personnels', admin: 'administrateurs', unknown: 'comptes sans profil',
};
const SCHOOL_STAFF: readonly Profile[] = ['admin', 'teacher', 'staff'];
const POLICY = 'CNIL 2022 : 12 caractères, verrouillage de 15 minutes après 10 échecs, changement obligatoire après réinitialisation';
const grade = (g: string, score: number): string => `${g} (${score}/100)`;

function note(n: ChangeNote): string {
  switch (n.id) {
    case 'load-modules': return `Charge les modules ${n.modules.join(' et ')} (empreintes argon2, politique de mots de passe).`;
    case 'add-module-list': return 'Charge les modules argon2 et ppolicy.';
    case 'store-argon2': return 'Les mots de passe changés seront enregistrés en argon2.';
    case 'restore-hash-scheme': return 'Remet le schéma d\'empreinte précédent.';
    case 'add-ppolicy-overlay': return 'Active la politique de mots de passe (ppolicy) et le hachage des mots de passe écrits en clair.';
    case 'remove-ppolicy-overlay': return 'Retire l\'overlay ppolicy ajouté par le plan.';
    case 'hash-cleartext': return 'Fait hacher par slapd les mots de passe écrits en clair.';
    case 'restore-ppolicy': return 'Remet les réglages ppolicy précédents.';
    case 'hide-hashes': return 'Cache les empreintes à tous sauf à leur titulaire (authentification, changement) et à l\'administrateur.';
    case 'restore-acl': return 'Remet les droits d\'accès (ACL) exactement comme avant.';
    case 'set-policy': return `Règle la politique de mots de passe par défaut (${POLICY}).`;
    case 'restore-policy': return 'Remet la politique de mots de passe précédente.';
    case 'add-policies-branch': return 'Branche qui range les politiques de mots de passe.';
    case 'add-policy': return `Politique de mots de passe par défaut (${POLICY}).`;
    case 'remove-policy': return 'Supprime la politique ajoutée par le plan.';
    case 'remove-policies-branch': return 'Supprime la branche ajoutée par le plan.';
    case 'reset-account':
    case 'must-change-account': {
      const what = n.id === 'reset-account'
        ? 'mot de passe faible ou exposé : nouvelle phrase de passe temporaire (argon2id), à changer à la première connexion'
        : 'empreinte ancienne : changement de mot de passe obligatoire à la prochaine connexion (enregistré alors en argon2)';
      return `${n.login} — ${what}${n.dropLm ? ' ; empreinte LM supprimée' : ''}.`;
    }
    case 'account-before': return `${n.login} — valeurs d'avant le plan.`;
  }
}

export const planFr: PlanMessages = {
  language: 'fr',
  steps: {
    'hide-hashes': { title: 'Cacher les empreintes de mots de passe', why: "Aujourd'hui d'autres que leur titulaire peuvent les lire et les casser hors ligne." },
    'forced-renewal': { title: 'Renouvellement forcé : formule imposée et mots de passe par défaut', why: "Ces comptes gardent le mot de passe imposé à leur création ou un mot de passe donné à tous : quiconque connaît la formule ou le mot de passe s'y connecte, sans rien casser. Nouvelle phrase de passe temporaire, à changer à la première connexion." },
    'reset-weak': { title: 'Remplacer les mots de passe trouvés par une phrase de passe temporaire', why: 'Ces mots de passe se devinent (nom, date de naissance, mot courant, partagé) ou étaient stockés en clair.' },
    'drop-lm': { title: 'Supprimer les empreintes LM', why: 'Une empreinte LM se casse en quelques minutes ; aucun poste moderne ne s\'en sert.' },
    policy: { title: 'Appliquer une politique de mots de passe (ppolicy)', why: 'Longueur minimale CNIL (12 caractères), verrouillage court après 10 échecs, changement obligatoire après réinitialisation.' },
    storage: { title: 'Enregistrer les nouveaux mots de passe en argon2', why: 'olcPasswordHash {ARGON2}, et les mots de passe écrits en clair sont hachés par slapd.' },
    'must-change': { title: 'Faire changer les mots de passe stockés avec une empreinte ancienne', why: 'pwdReset : l\'utilisateur garde son mot de passe pour se connecter, doit en choisir un nouveau, enregistré en argon2. L\'effet sur la note vient quand ils l\'ont fait.' },
  },
  profile: PROFILE,
  profilePlural: PROFILE_PLURAL,
  forcedSentence: ({ imposed, shared }) => {
    const parts: string[] = [];
    for (const x of imposed) {
      const who = x.profile === 'unknown' ? `${x.accounts} ${PROFILE_PLURAL.unknown}` : x.accounts > 1 ? `${x.accounts} ${PROFILE_PLURAL[x.profile]}` : `1 ${PROFILE[x.profile]}`;
      parts.push(`${who} ${x.accounts > 1 ? 'gardent' : 'garde'} la formule imposée à la création du compte${x.shape !== undefined ? ` (${shapeLabel(x.shape, 'fr')})` : ''}`);
    }
    if (shared) {
      const who = shared.profiles.every((p) => SCHOOL_STAFF.includes(p)) ? 'du personnel' : `(${shared.profiles.map((p) => PROFILE_PLURAL[p]).join(', ')})`;
      parts.push(`${shared.accounts} ${shared.accounts > 1 ? 'comptes' : 'compte'} ${who} ${shared.accounts > 1 ? 'partagent' : 'partage'} un mot de passe donné par défaut`);
    }
    return `Renouvellement forcé : ${parts.join(' ; ')}.`;
  },
  none: '—',
  document: {
    title: (location) => `Plan de migration des mots de passe — ${location}`,
    intro: (d) => `Ce dossier a été préparé par Vigie à partir de l'analyse du ${d.reportDate} de l'annuaire ${d.location}. Il corrige ce que l'analyse a trouvé : empreintes lisibles, mots de passe faibles, empreintes anciennes (MD5, SHA-1, LM…), absence de politique de mots de passe. Note actuelle : ${grade(d.before.grade, d.before.score)} ; note attendue une fois tout appliqué et les mots de passe changés : ${d.after ? grade(d.after.grade, d.after.score) : 'inchangée'}.`,
    onlyOnCommand: "Vigie n'écrit jamais dans l'annuaire de lui-même. Rien de ce dossier n'est appliqué tant que vous ne lancez pas vous-même « vigie apply » (ou ldapmodify). Relisez les fichiers avant.",
    forcedTitle: 'Renouvellement forcé, en premier',
    forcedWhy: (sentence) => `${sentence} Quiconque connaît la formule ou ce mot de passe peut se connecter à ces comptes sans rien casser : c'est ce qui presse le plus.`,
    forcedHow: (accounts, file) => `Ces ${accounts} comptes sont listés dans ${file} et traités en premier dans 02-accounts.ldif : chacun reçoit une phrase de passe temporaire (sa lettre, dans lettres/) et doit la changer à sa première connexion (pwdReset). Prévenez l'établissement avant d'appliquer : ces utilisateurs ne pourront plus se connecter avec l'ancien mot de passe.`,
    filesTitle: 'Ce que contient ce dossier',
    filesHead: ['Fichier', 'Ce qu\'il fait', 'Qui l\'applique'],
    files: {
      plan: 'Ce document (plan.html s\'imprime).',
      config: (target, argon2) => `La configuration de slapd (cn=config, OpenLDAP ${target}) : modules argon2 et ppolicy, olcPasswordHash {ARGON2} (${argon2}), overlay ppolicy qui hache les mots de passe écrits en clair, ACL qui cache les empreintes.`,
      accounts: 'Dans l\'annuaire : la politique de mots de passe par défaut, puis compte par compte : phrase de passe temporaire (argon2id) ou changement obligatoire (pwdReset), suppression des empreintes LM.',
      forcedRenewal: (n) => `Les ${n} comptes du renouvellement forcé (identifiant, DN, profil, classe, raison, formule imposée), sans aucun mot de passe : la liste à suivre et à donner à l'établissement (lisible par vous seul).`,
      credentials: (n) => `Identifiant, classe et phrase de passe temporaire des ${n} comptes réinitialisés. Fichier sensible (lisible par vous seul) : imprimez les lettres puis supprimez-le.`,
      letters: 'Une lettre par élève ou personnel réinitialisé, regroupées par classe, à imprimer et distribuer en main propre.',
      rollback: 'Remet dans l\'annuaire chaque valeur changée exactement comme avant (empreintes comprises : fichier sensible, lisible par vous seul).',
      rollbackConfig: 'Remet la configuration de slapd comme avant.',
    },
    who: { configAdmin: 'l\'administrateur de cn=config', rootdn: 'l\'administrateur de l\'annuaire (rootdn)', directoryAdmin: 'l\'administrateur de l\'annuaire' },
    argon2: (m, t, p) => `argon2id m=${m} Kio, t=${t}, p=${p}`,
    orderTitle: 'Dans quel ordre',
    order: (url) => [
      'Sauvegardez l\'annuaire et sa configuration : slapcat -n 0 -l config.ldif et slapcat -n 1 -l annuaire.ldif (en root sur le serveur).',
      'Relisez 01-config.ldif et 02-accounts.ldif. Chaque changement y est précédé d\'une ligne de commentaire qui dit ce qu\'il fait.',
      `Essayez à blanc : vigie apply <dossier> --url ${url} --bind-dn <admin> --password-file <fichier> --config-bind-dn cn=config --config-password-file <fichier> --dry-run. Rien n'est écrit.`,
      'Appliquez : la même commande sans --dry-run. Vigie applique 01-config.ldif puis 02-accounts.ldif, s\'arrête à la première erreur et dit exactement ce qui a été appliqué et ce qui ne l\'a pas été. Sans Vigie : ldapmodify -H <url> -D cn=config -y <fichier> -f 01-config.ldif, puis ldapmodify -H <url> -D <admin> -y <fichier> -f 02-accounts.ldif.',
      'Imprimez les lettres (lettres/*.html, une page par compte), distribuez-les, puis supprimez credentials.csv et le dossier lettres.',
      'Relancez une analyse (vigie scan) pour vérifier : plus d\'empreintes lisibles, une meilleure note. Les empreintes anciennes disparaissent au fil des changements de mot de passe.',
    ],
    stepsTitle: 'Les actions, de la plus urgente à la moins urgente',
    stepsHead: ['Action', 'Pourquoi', 'Comptes', 'Fichiers', 'Note attendue ensuite'],
    grade,
    usersTitle: 'Ce que verront les utilisateurs',
    users: [
      'Comptes réinitialisés : l\'ancien mot de passe ne marche plus. Ils se connectent avec la phrase de passe de leur lettre, puis doivent en choisir une nouvelle (12 caractères au moins) avant toute autre opération.',
      'Comptes à empreinte ancienne : leur mot de passe marche toujours, mais ils doivent en choisir un nouveau à la connexion ; il est alors enregistré en argon2.',
      'Après 10 échecs en 15 minutes, un compte est bloqué 15 minutes (pas plus : personne n\'est bloqué pour la journée).',
      'Les applications qui changent les mots de passe doivent utiliser l\'opération « Password Modify » (ldappasswd) ou écrire le mot de passe en clair : slapd le hache alors en argon2.',
    ],
    rollbackTitle: 'Comment revenir en arrière',
    rollback: 'vigie apply <dossier> --rollback (mêmes options de connexion) applique rollback-config.ldif puis rollback.ldif. Sans Vigie : ldapmodify -H <url> -D cn=config -y <fichier> -f rollback-config.ldif, puis ldapmodify -H <url> -D <admin> -y <fichier> -f rollback.ldif (dans cet ordre : tant que ppolicy hache les mots de passe écrits en clair, un ancien mot de passe en clair serait haché au lieu d\'être remis tel quel). Chaque empreinte, chaque pwdReset, chaque ACL revient exactement à sa valeur d\'avant (le contrôle « relax » inclus dans le fichier permet de remettre pwdChangedTime).',
    rollbackOnlyApplied: 'vigie apply --rollback ne remet que ce que vigie apply a changé : un compte changé depuis (un utilisateur qui a choisi un nouveau mot de passe) est laissé tel quel et nommé. Attention : ldapmodify n\'a pas cette vérification, un utilisateur qui a changé son mot de passe depuis l\'application y retrouverait l\'ancien.',
    missingTitle: 'Comptes absents de l\'annuaire',
    missing: (dns) => `Ces comptes figurent dans le rapport mais plus dans l'annuaire ; le plan les ignore : ${dns.join(' ; ')}.`,
    accountsTitle: 'Comptes concernés',
    accountsHead: ['Identifiant', 'Profil', 'Classes', 'Action'],
    action: (a) => (a.forced === 'imposed-scheme' ? 'renouvellement forcé (formule imposée), ' : a.forced === 'likely-default' ? 'renouvellement forcé (mot de passe par défaut), ' : '')
      + (a.kind === 'reset' ? 'phrase de passe temporaire' : 'changement obligatoire') + (a.dropLm ? ', LM supprimée' : ''),
  },
  notUndone: (n) => `Non annulé : les modules ${n.modules.join(' et ')} restent chargés (OpenLDAP ne sait pas les décharger à chaud ; sans effet tant que rien ne s'en sert).`,
  ldif: {
    title: (file, target) => ({
      config: `étape 1 : configuration de slapd (cn=config), OpenLDAP ${target}`,
      accounts: 'étape 2 : politique de mots de passe et comptes',
      rollback: 'retour arrière, étape 2 : comptes et politique, valeurs exactes d\'avant le plan (fichier sensible)',
      'rollback-config': 'retour arrière, étape 1 : configuration de slapd',
    })[file],
    directory: (url, baseDn, finishedAt) => `Annuaire : ${url} (${baseDn}) ; analyse du ${finishedAt}.`,
    applyWith: (bindDn) => `À appliquer avec : vigie apply <dossier>, ou ldapmodify -H <url> -D ${bindDn} -y <fichier du mot de passe> -f <ce fichier>.`,
    onlyOnCommand: 'Vigie n\'écrit dans l\'annuaire que sur votre commande.',
    note,
  },
  letters: {
    title: (className) => `Mots de passe provisoires — ${className ?? 'sans-classe'}`,
    heading: 'Votre nouveau mot de passe',
    login: 'Identifiant : ',
    inClass: (className) => ` — classe ${className}`,
    replaced: 'Pour protéger votre compte, votre ancien mot de passe a été remplacé. Votre mot de passe provisoire est :',
    typeIt: 'Tapez-le exactement ainsi, tirets compris. À votre première connexion, vous devrez choisir un nouveau mot de passe d\'au moins 12 caractères. Une phrase de plusieurs mots que vous retenez facilement est un bon choix ; n\'utilisez ni votre nom ni votre date de naissance.',
    keepSecret: 'Ne montrez pas cette lettre ; détruisez-la une fois votre mot de passe changé.',
  },
  csv: {
    credentials: ['identifiant', 'classe', 'phrase_de_passe_temporaire'],
    forcedRenewal: ['identifiant', 'dn', 'profil', 'classe', 'raison', 'formule'],
    reason: { 'imposed-scheme': 'formule imposée à la création du compte', 'likely-default': 'mot de passe par défaut partagé' },
  },
};
