// What the migration plan card shows of a written plan (issue #13 §6): its files in reading order, the letters
// as one row, and the `vigie apply` commands to type — dry run first. Pure, for the card and its tests.
import type { ErrorCode, MigrationPlan, MigrationPlanFile } from '../../../shared/contract/index.ts';

export type PlanFileKind = 'plan' | 'config' | 'accounts' | 'rollback' | 'rollbackConfig' | 'credentials' | 'forcedRenewal' | 'letters' | 'other';

const KIND_OF: Record<string, PlanFileKind> = {
  'plan.md': 'plan', 'plan.html': 'plan',
  '01-config.ldif': 'config', '02-accounts.ldif': 'accounts',
  'rollback.ldif': 'rollback', 'rollback-config.ldif': 'rollbackConfig',
  'credentials.csv': 'credentials', 'forced-renewal.csv': 'forcedRenewal',
};
const ORDER: PlanFileKind[] = ['plan', 'config', 'accounts', 'forcedRenewal', 'credentials', 'letters', 'rollback', 'rollbackConfig', 'other'];

export function planFileKind(name: string): PlanFileKind {
  if (name.startsWith('lettres/')) return 'letters';
  return KIND_OF[name] ?? 'other';
}

export interface PlanFileRow {
  kind: PlanFileKind;
  /** The file's name; for the letters, the folder 'lettres/'. */
  name: string;
  /** How many files the row stands for (the letters: one per class). */
  count: number;
  /** Every file of the row is readable by its owner only. */
  ownerOnly: boolean;
  /** The widest mode of the row's files, as octal text (e.g. '0644'). */
  mode: string;
}

export function planFileRows(files: readonly MigrationPlanFile[]): PlanFileRow[] {
  const rows: PlanFileRow[] = [];
  const letters = files.filter((f) => planFileKind(f.name) === 'letters');
  for (const f of files) {
    const kind = planFileKind(f.name);
    if (kind !== 'letters') rows.push(rowOf(kind, f.name, [f]));
  }
  if (letters.length > 0) rows.push(rowOf('letters', 'lettres/', letters));
  return rows.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
}

function rowOf(kind: PlanFileKind, name: string, files: readonly MigrationPlanFile[]): PlanFileRow {
  const widest = files.reduce((m, f) => m | f.mode, 0);
  return { kind, name, count: files.length, ownerOnly: files.every((f) => (f.mode & 0o777) === 0o600), mode: `0${widest.toString(8).padStart(3, '0')}` };
}

/** A word as a POSIX shell reads it: as is when it is plain, else in single quotes. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export type ApplyMode = 'dry-run' | 'apply' | 'rollback';

/** The password files the commands name: the DSI writes them, mode 0600; a command never carries a password. */
export const PASSWORD_FILES = { bind: 'admin.pw', config: 'config.pw' } as const;

/** The `vigie apply` command of a written plan, as the DSI types it. */
export function applyCommand(plan: MigrationPlan, mode: ApplyMode): string {
  const d = plan.directory;
  const words = [
    'vigie', 'apply', plan.folder, '--url', d.url,
    '--bind-dn', d.bindDn, '--password-file', PASSWORD_FILES.bind,
    '--config-bind-dn', d.configBindDn, '--config-password-file', PASSWORD_FILES.config,
    ...(d.startTls ? ['--starttls'] : []),
    ...(d.caFile ? ['--ca-file', d.caFile] : []),
    ...(mode === 'dry-run' ? ['--dry-run'] : mode === 'rollback' ? ['--rollback'] : []),
  ];
  return words.map(shellWord).join(' ');
}

/** The plan's own refusals the card says in the user's words (the others are the usual errors: ErrorWithAdvice). */
export type PlanRefusal = 'notEmpty' | 'otherDirectory';

/** By the error's code: the plan's own sentences say more than the general ones (t.plan, not t.errorText). */
export function planRefusal(code: ErrorCode): PlanRefusal | null {
  if (code === 'FOLDER_NOT_EMPTY') return 'notEmpty';
  if (code === 'PLAN_OTHER_DIRECTORY') return 'otherDirectory';
  return null;
}
