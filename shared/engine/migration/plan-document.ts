// plan.md and plan.html: one text, two renderings, in French, for a DSI who has never seen Vigie.
// What each file does, in what order, how to undo it. No password and no hash appears here.
import type { Grade, Profile } from '../../contract/codes.ts';
import type { AccountAction, ForcedRenewal } from './account-actions.ts';
import type { PlanStep } from './plan-steps.ts';

export const PROFILE_FR: Record<Profile, string> = {
  student: 'élève', parent: 'parent', teacher: 'enseignant', staff: 'personnel', admin: 'administrateur', unknown: 'non classé',
};
const PROFILE_PLURAL_FR: Record<Profile, string> = {
  student: 'élèves', parent: 'parents', teacher: 'enseignants', staff: 'personnels', admin: 'administrateurs', unknown: 'comptes sans profil',
};
const SCHOOL_STAFF: readonly Profile[] = ['admin', 'teacher', 'staff'];
const BY_WEIGHT: readonly Profile[] = ['admin', 'teacher', 'staff', 'student', 'parent', 'unknown'];

export const FORCED_RENEWAL_FILE = 'forced-renewal.csv';

type Block =
  | { h2: string }
  | { p: string }
  | { ol: string[] }
  | { ul: string[] }
  | { code: string }
  | { table: { head: string[]; rows: string[][] } };

export interface PlanDocumentInput {
  location: string;
  reportDate: string;
  before: { score: number; grade: Grade };
  steps: PlanStep[];
  actions: AccountAction[];
  /** The accounts renewed by force (issue #12), in the plan's order; empty when none. */
  forced: ForcedRenewal[];
  issued: number;
  missing: string[];
  notUndone: string[];
  target: string;
  argon2: string;
  url: string;
}

export function planBlocks(d: PlanDocumentInput): { title: string; blocks: Block[] } {
  const last = d.steps[d.steps.length - 1];
  const blocks: Block[] = [
    { p: `Ce dossier a été préparé par Vigie à partir de l'analyse du ${d.reportDate} de l'annuaire ${d.location}. Il corrige ce que l'analyse a trouvé : empreintes lisibles, mots de passe faibles, empreintes anciennes (MD5, SHA-1, LM…), absence de politique de mots de passe. Note actuelle : ${d.before.grade} (${d.before.score}/100) ; note attendue une fois tout appliqué et les mots de passe changés : ${last ? `${last.grade} (${last.score}/100)` : 'inchangée'}.` },
    { p: "Vigie n'écrit jamais dans l'annuaire de lui-même. Rien de ce dossier n'est appliqué tant que vous ne lancez pas vous-même « vigie apply » (ou ldapmodify). Relisez les fichiers avant." },
    ...forcedBlocks(d.forced),
    { h2: 'Ce que contient ce dossier' },
    { table: { head: ['Fichier', 'Ce qu\'il fait', 'Qui l\'applique'], rows: [
      ['plan.md, plan.html', 'Ce document (plan.html s\'imprime).', '—'],
      ['01-config.ldif', `La configuration de slapd (cn=config, OpenLDAP ${d.target === 'openldap-2.7' ? '2.7' : '2.5/2.6'}) : modules argon2 et ppolicy, olcPasswordHash {ARGON2} (${d.argon2}), overlay ppolicy qui hache les mots de passe écrits en clair, ACL qui cache les empreintes.`, 'l\'administrateur de cn=config'],
      ['02-accounts.ldif', 'Dans l\'annuaire : la politique de mots de passe par défaut, puis compte par compte : phrase de passe temporaire (argon2id) ou changement obligatoire (pwdReset), suppression des empreintes LM.', 'l\'administrateur de l\'annuaire (rootdn)'],
      ...(d.forced.length > 0 ? [[FORCED_RENEWAL_FILE, `Les ${d.forced.length} comptes du renouvellement forcé (identifiant, DN, profil, classe, raison, formule imposée), sans aucun mot de passe : la liste à suivre et à donner à l'établissement (lisible par vous seul).`, '—']] : []),
      ['credentials.csv', `Identifiant, classe et phrase de passe temporaire des ${d.issued} comptes réinitialisés. Fichier sensible (lisible par vous seul) : imprimez les lettres puis supprimez-le.`, '—'],
      ['lettres/*.html', 'Une lettre par élève ou personnel réinitialisé, regroupées par classe, à imprimer et distribuer en main propre.', '—'],
      ['rollback.ldif', 'Remet dans l\'annuaire chaque valeur changée exactement comme avant (empreintes comprises : fichier sensible, lisible par vous seul).', 'l\'administrateur de l\'annuaire'],
      ['rollback-config.ldif', 'Remet la configuration de slapd comme avant.', 'l\'administrateur de cn=config'],
    ] } },
    { h2: 'Dans quel ordre' },
    { ol: [
      'Sauvegardez l\'annuaire et sa configuration : slapcat -n 0 -l config.ldif et slapcat -n 1 -l annuaire.ldif (en root sur le serveur).',
      'Relisez 01-config.ldif et 02-accounts.ldif. Chaque changement y est précédé d\'une ligne de commentaire qui dit ce qu\'il fait.',
      `Essayez à blanc : vigie apply ${'<dossier>'} --url ${d.url} --bind-dn <admin> --password-file <fichier> --config-bind-dn cn=config --config-password-file <fichier> --dry-run. Rien n'est écrit.`,
      'Appliquez : la même commande sans --dry-run. Vigie applique 01-config.ldif puis 02-accounts.ldif, s\'arrête à la première erreur et dit exactement ce qui a été appliqué et ce qui ne l\'a pas été. Sans Vigie : ldapmodify -H <url> -D cn=config -y <fichier> -f 01-config.ldif, puis ldapmodify -H <url> -D <admin> -y <fichier> -f 02-accounts.ldif.',
      'Imprimez les lettres (lettres/*.html, une page par compte), distribuez-les, puis supprimez credentials.csv et le dossier lettres.',
      'Relancez une analyse (vigie scan) pour vérifier : plus d\'empreintes lisibles, une meilleure note. Les empreintes anciennes disparaissent au fil des changements de mot de passe.',
    ] },
    { h2: 'Les actions, de la plus urgente à la moins urgente' },
    { table: { head: ['Action', 'Pourquoi', 'Comptes', 'Fichiers', 'Note attendue ensuite'], rows: d.steps.map((s) => [
      s.title, s.why, s.accounts > 0 ? String(s.accounts) : '—', s.files.join(', '), `${s.grade} (${s.score}/100)`,
    ]) } },
    { h2: 'Ce que verront les utilisateurs' },
    { ul: [
      'Comptes réinitialisés : l\'ancien mot de passe ne marche plus. Ils se connectent avec la phrase de passe de leur lettre, puis doivent en choisir une nouvelle (12 caractères au moins) avant toute autre opération.',
      'Comptes à empreinte ancienne : leur mot de passe marche toujours, mais ils doivent en choisir un nouveau à la connexion ; il est alors enregistré en argon2.',
      'Après 10 échecs en 15 minutes, un compte est bloqué 15 minutes (pas plus : personne n\'est bloqué pour la journée).',
      'Les applications qui changent les mots de passe doivent utiliser l\'opération « Password Modify » (ldappasswd) ou écrire le mot de passe en clair : slapd le hache alors en argon2.',
    ] },
    { h2: 'Comment revenir en arrière' },
    { p: `vigie apply <dossier> --rollback (mêmes options de connexion) applique rollback-config.ldif puis rollback.ldif. Sans Vigie : ldapmodify -H <url> -D cn=config -y <fichier> -f rollback-config.ldif, puis ldapmodify -H <url> -D <admin> -y <fichier> -f rollback.ldif (dans cet ordre : tant que ppolicy hache les mots de passe écrits en clair, un ancien mot de passe en clair serait haché au lieu d'être remis tel quel). Chaque empreinte, chaque pwdReset, chaque ACL revient exactement à sa valeur d'avant (le contrôle « relax » inclus dans le fichier permet de remettre pwdChangedTime).` },
    { ul: [
      'vigie apply --rollback ne remet que ce que vigie apply a changé : un compte changé depuis (un utilisateur qui a choisi un nouveau mot de passe) est laissé tel quel et nommé. Attention : ldapmodify n\'a pas cette vérification, un utilisateur qui a changé son mot de passe depuis l\'application y retrouverait l\'ancien.',
      ...d.notUndone.map((n) => `Non annulé : ${n}.`),
    ] },
  ];
  if (d.missing.length > 0) {
    blocks.push({ h2: 'Comptes absents de l\'annuaire' }, { p: `Ces comptes figurent dans le rapport mais plus dans l'annuaire ; le plan les ignore : ${d.missing.join(' ; ')}.` });
  }
  blocks.push(
    { h2: 'Comptes concernés' },
    { table: { head: ['Identifiant', 'Profil', 'Classes', 'Action'], rows: d.actions.map((a) => [
      a.account.login, PROFILE_FR[a.account.profile], a.account.classes.join(', ') || '—',
      (a.forced === 'imposed-scheme' ? 'renouvellement forcé (formule imposée), ' : a.forced === 'likely-default' ? 'renouvellement forcé (mot de passe par défaut), ' : '')
        + (a.kind === 'reset' ? 'phrase de passe temporaire' : 'changement obligatoire') + (a.dropLm ? ', LM supprimée' : ''),
    ]) } },
  );
  return { title: `Plan de migration des mots de passe — ${d.location}`, blocks };
}

/**
 * « Renouvellement forcé : 212 élèves gardent la formule imposée (…) ; 74 comptes du personnel partagent un mot de
 * passe donné par défaut. » Counts and formulas only, never a password.
 */
export function forcedRenewalSentence(forced: ForcedRenewal[]): string | null {
  if (forced.length === 0) return null;
  const parts: string[] = [];
  const imposed = new Map<string, { profile: Profile; formula: string | undefined; accounts: number }>();
  for (const f of forced) {
    if (f.reason !== 'imposed-scheme') continue;
    const key = `${f.profile}\u0000${f.formula ?? ''}`;
    const entry = imposed.get(key) ?? { profile: f.profile, formula: f.formula, accounts: 0 };
    entry.accounts += 1;
    imposed.set(key, entry);
  }
  for (const x of [...imposed.values()].sort((a, b) => b.accounts - a.accounts)) {
    const who = x.profile === 'unknown' ? `${x.accounts} ${PROFILE_PLURAL_FR.unknown}` : x.accounts > 1 ? `${x.accounts} ${PROFILE_PLURAL_FR[x.profile]}` : `1 ${PROFILE_FR[x.profile]}`;
    parts.push(`${who} ${x.accounts > 1 ? 'gardent' : 'garde'} la formule imposée à la création du compte${x.formula ? ` (${x.formula})` : ''}`);
  }
  const shared = forced.filter((f) => f.reason === 'likely-default');
  if (shared.length > 0) {
    const profiles = BY_WEIGHT.filter((p) => shared.some((f) => f.profile === p));
    const who = profiles.every((p) => SCHOOL_STAFF.includes(p)) ? 'du personnel' : `(${profiles.map((p) => PROFILE_PLURAL_FR[p]).join(', ')})`;
    parts.push(`${shared.length} ${shared.length > 1 ? 'comptes' : 'compte'} ${who} ${shared.length > 1 ? 'partagent' : 'partage'} un mot de passe donné par défaut`);
  }
  return `Renouvellement forcé : ${parts.join(' ; ')}.`;
}

function forcedBlocks(forced: ForcedRenewal[]): Block[] {
  const sentence = forcedRenewalSentence(forced);
  if (sentence === null) return [];
  return [
    { h2: 'Renouvellement forcé, en premier' },
    { p: `${sentence} Quiconque connaît la formule ou ce mot de passe peut se connecter à ces comptes sans rien casser : c'est ce qui presse le plus.` },
    { p: `Ces ${forced.length} comptes sont listés dans ${FORCED_RENEWAL_FILE} et traités en premier dans 02-accounts.ldif : chacun reçoit une phrase de passe temporaire (sa lettre, dans lettres/) et doit la changer à sa première connexion (pwdReset). Prévenez l'établissement avant d'appliquer : ces utilisateurs ne pourront plus se connecter avec l'ancien mot de passe.` },
  ];
}

export function toMarkdown(doc: { title: string; blocks: Block[] }): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = [`# ${doc.title}`, ''];
  for (const b of doc.blocks) {
    if ('h2' in b) out.push(`## ${b.h2}`, '');
    else if ('p' in b) out.push(b.p, '');
    else if ('ol' in b) out.push(...b.ol.map((x, i) => `${i + 1}. ${x}`), '');
    else if ('ul' in b) out.push(...b.ul.map((x) => `- ${x}`), '');
    else if ('code' in b) out.push('```', b.code, '```', '');
    else {
      out.push(`| ${b.table.head.map(cell).join(' | ')} |`, `|${b.table.head.map(() => '---').join('|')}|`);
      for (const r of b.table.rows) out.push(`| ${r.map(cell).join(' | ')} |`);
      out.push('');
    }
  }
  return out.join('\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function toHtml(doc: { title: string; blocks: Block[] }): string {
  const parts: string[] = [];
  for (const b of doc.blocks) {
    if ('h2' in b) parts.push(`<h2>${escapeHtml(b.h2)}</h2>`);
    else if ('p' in b) parts.push(`<p>${escapeHtml(b.p)}</p>`);
    else if ('ol' in b) parts.push(`<ol>${b.ol.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ol>`);
    else if ('ul' in b) parts.push(`<ul>${b.ul.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`);
    else if ('code' in b) parts.push(`<pre>${escapeHtml(b.code)}</pre>`);
    else {
      parts.push(`<table><thead><tr>${b.table.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${
        b.table.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`);
    }
  }
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${escapeHtml(doc.title)}</title>
<style>
body { font: 11pt/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; color: #111; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #eee; }
h2 { margin-top: 1.6rem; break-after: avoid; }
tr { break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
${parts.join('\n')}
</body>
</html>
`;
}
