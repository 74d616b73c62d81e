import { describe, expect, it } from 'vitest';
import type { MigrationPlan } from '../../../shared/contract/index.ts';
import { applyCommand, planFileKind, planFileRows, planRefusal, shellWord } from './plan-view.ts';

const plan = (directory: Partial<MigrationPlan['directory']> = {}, folder = '/home/dsi/plan-2026-12'): MigrationPlan => ({
  folder,
  files: [],
  steps: [],
  before: { score: 30, grade: 'E' },
  reset: 3, forced: 0, mustChange: 2, missing: 0,
  directory: { url: 'ldap://annuaire.lycee.test', baseDn: 'dc=lycee,dc=test', bindDn: 'cn=admin,dc=lycee,dc=test', configBindDn: 'cn=config', ...directory },
  target: 'openldap-2.5',
});

describe('the plan card’s view of a written plan', () => {
  it('names each file’s kind, the letters by their folder', () => {
    expect(planFileKind('01-config.ldif')).toBe('config');
    expect(planFileKind('rollback-config.ldif')).toBe('rollbackConfig');
    expect(planFileKind('lettres/6A.html')).toBe('letters');
    expect(planFileKind('apply-journal.jsonl')).toBe('other');
  });

  it('lists the files in reading order, the letters as one row, and says which only their owner reads', () => {
    const rows = planFileRows([
      { name: 'rollback.ldif', mode: 0o600 }, { name: 'lettres/6B.html', mode: 0o600 }, { name: 'plan.md', mode: 0o644 },
      { name: '02-accounts.ldif', mode: 0o600 }, { name: 'lettres/6A.html', mode: 0o600 }, { name: 'plan.html', mode: 0o644 },
      { name: '01-config.ldif', mode: 0o644 }, { name: 'credentials.csv', mode: 0o600 },
    ]);
    expect(rows.map((r) => r.name)).toEqual(['plan.html', 'plan.md', '01-config.ldif', '02-accounts.ldif', 'credentials.csv', 'lettres/', 'rollback.ldif']);
    expect(rows.find((r) => r.kind === 'letters')).toEqual({ kind: 'letters', name: 'lettres/', count: 2, ownerOnly: true, mode: '0600' });
    expect(rows.find((r) => r.name === 'plan.md')).toMatchObject({ ownerOnly: false, mode: '0644' });
  });

  it('a letter readable by others makes the whole row so', () => {
    const [row] = planFileRows([{ name: 'lettres/6A.html', mode: 0o600 }, { name: 'lettres/6B.html', mode: 0o644 }]);
    expect(row).toMatchObject({ ownerOnly: false, mode: '0644' });
  });

  it('writes the vigie apply commands, dry run first, with password files and never a password', () => {
    expect(applyCommand(plan(), 'dry-run')).toBe('vigie apply /home/dsi/plan-2026-12 --url ldap://annuaire.lycee.test --bind-dn cn=admin,dc=lycee,dc=test '
      + '--password-file admin.pw --config-bind-dn cn=config --config-password-file config.pw --dry-run');
    expect(applyCommand(plan(), 'apply')).not.toContain('--dry-run');
    expect(applyCommand(plan(), 'rollback').endsWith(' --rollback')).toBe(true);
    expect(applyCommand(plan({ startTls: true, caFile: '/etc/ssl/ca lycée.pem' }), 'apply'))
      .toContain("--starttls --ca-file '/etc/ssl/ca lycée.pem'");
  });

  it('quotes what a shell would split or expand', () => {
    expect(shellWord('/home/dsi/plan depuis l’app')).toBe("'/home/dsi/plan depuis l’app'");
    expect(shellWord("/tmp/l'plan")).toBe("'/tmp/l'\\''plan'");
    expect(shellWord('cn=Jean Dupont,dc=x')).toBe("'cn=Jean Dupont,dc=x'");
    expect(shellWord('$HOME')).toBe("'$HOME'");
    expect(applyCommand(plan({}, '/home/dsi/plan depuis l’app'), 'dry-run')).toContain("apply '/home/dsi/plan depuis l’app' --url");
  });

  it('recognises the plan’s own refusals by their code', () => {
    expect(planRefusal('FOLDER_NOT_EMPTY')).toBe('notEmpty');
    expect(planRefusal('PLAN_OTHER_DIRECTORY')).toBe('otherDirectory');
    expect(planRefusal('LDAP_UNREACHABLE')).toBeNull();
  });
});
