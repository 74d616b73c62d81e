// The DSI's migration plan from the app (issue #13 §6): the same plan as `vigie plan`, built by the host from the
// report on show and the directory of a saved school, written to a folder typed in full. The card shows the
// steps and the files in plain words, which files only their owner reads, and how to apply it: `vigie apply`
// in a terminal, dry run first. No password or hash ever comes back from the host; the passwords typed here are
// forgotten once the plan is written.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiError, MigrationPlan, MigrationPlanRequest, SchoolProfile, ScanReport } from '../../../shared/contract/index.ts';
import { useApi } from '../api/api-context.tsx';
import { apiErrorOf } from '../api/host-error.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { applyCommand, planFileRows, planRefusal } from '../model/plan-view.ts';
import { ErrorDetail, ErrorWithAdvice } from './ErrorWithAdvice.tsx';

type Target = NonNullable<MigrationPlanRequest['target']>;
// The contract's PLAN_TARGETS, without bringing zod into the page.
const PLAN_TARGETS = ['openldap-2.5', 'openldap-2.7'] as const satisfies readonly Target[];
type State = { status: 'idle' } | { status: 'building' } | { status: 'done'; plan: MigrationPlan } | { status: 'failed'; error: ApiError };

export const PLAN_CARD_ID = 'migration-plan';

export function MigrationPlanCard({ report, reportId }: { report: ScanReport; reportId: string }) {
  const api = useApi();
  const { t, language } = useI18n();
  const ids = useId();
  const [profiles, setProfiles] = useState<SchoolProfile[] | null>(null);
  const [profileId, setProfileId] = useState('');
  const [password, setPassword] = useState('');
  const [configDn, setConfigDn] = useState('cn=config');
  const [configPassword, setConfigPassword] = useState('');
  const [folder, setFolder] = useState('');
  const [target, setTarget] = useState<Target>('openldap-2.5');
  const [problems, setProblems] = useState<{ folder?: boolean; configPassword?: boolean }>({});
  const [state, setState] = useState<State>({ status: 'idle' });

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [all, history] = await Promise.all([api.listProfiles(), api.listHistory()]);
        if (!live) return;
        const ldap = all.filter((p) => p.connection.kind === 'ldap');
        const scannedFrom = history.find((h) => h.reportId === reportId)?.profileId;
        setProfiles(ldap);
        setProfileId(ldap.find((p) => p.id === scannedFrom)?.id ?? ldap[0]?.id ?? '');
      } catch {
        if (live) setProfiles([]);
      }
    })();
    return () => {
      live = false;
    };
  }, [api, reportId]);

  // Another report, another plan: what was shown belongs to the previous one.
  useEffect(() => setState({ status: 'idle' }), [reportId]);

  const profile = profiles?.find((p) => p.id === profileId);
  const bindDn = profile?.connection.kind === 'ldap' ? profile.connection.bindDn : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = { folder: folder.trim() === '', configPassword: configPassword === '' };
    setProblems(missing);
    if (missing.folder || missing.configPassword || !profile || !bindDn) return;
    setState({ status: 'building' });
    try {
      const plan = await api.buildMigrationPlan({
        reportId, profileId: profile.id, folder: folder.trim(), configBindDn: configDn.trim() || 'cn=config', configPassword, target, language,
        ...(password !== '' ? { password } : {}),
      });
      setPassword('');
      setConfigPassword('');
      setState({ status: 'done', plan });
    } catch (error) {
      setState({ status: 'failed', error: apiErrorOf(error) });
    }
  };

  const building = state.status === 'building';
  return (
    <section id={PLAN_CARD_ID} className="card plan-card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t.plan.title}</h2>
      <p className="hint">{t.plan.intro}</p>
      {report.source.kind === 'ldif' && <p className="alert alert-info">{t.plan.ldifReport}</p>}
      {profiles !== null && profiles.length === 0 && <p className="alert alert-warn" role="status">{t.plan.noLdapSchool}</p>}
      {profiles !== null && profiles.length > 0 && (
        <form className="plan-form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor={`${ids}-school`}>{t.plan.school}</label>
            <select id={`${ids}-school`} value={profileId} onChange={(e) => { setProfileId(e.target.value); setPassword(''); setState({ status: 'idle' }); }}>
              {profiles.map((p) => <option key={p.id} value={p.id}>{p.name}{p.connection.kind === 'ldap' ? ` — ${p.connection.url}` : ''}</option>)}
            </select>
          </div>
          {profile && !bindDn && <p className="alert alert-warn" role="status">{t.plan.anonymousSchool}</p>}
          {bindDn && (
            <div className="field">
              <label htmlFor={`${ids}-password`}>{t.plan.bindPassword(bindDn)}</label>
              <input id={`${ids}-password`} type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby={`${ids}-password-hint`} />
              <p id={`${ids}-password-hint`} className="hint">{profile?.passwordSaved ? t.plan.bindPasswordSaved : t.plan.bindPasswordHint}</p>
            </div>
          )}
          <div className="plan-form-row">
            <div className="field">
              <label htmlFor={`${ids}-config-dn`}>{t.plan.configDn}</label>
              <input id={`${ids}-config-dn`} type="text" autoComplete="off" spellCheck={false} value={configDn} onChange={(e) => setConfigDn(e.target.value)} aria-describedby={`${ids}-config-hint`} />
              <p id={`${ids}-config-hint`} className="hint">{t.plan.configHint}</p>
            </div>
            <div className="field">
              <label htmlFor={`${ids}-config-password`}>{t.plan.configPassword}</label>
              <input
                id={`${ids}-config-password`} type="password" autoComplete="off" value={configPassword} onChange={(e) => setConfigPassword(e.target.value)}
                aria-invalid={problems.configPassword || undefined} aria-describedby={problems.configPassword ? `${ids}-config-password-problem` : undefined}
              />
              {problems.configPassword && <p id={`${ids}-config-password-problem`} className="hint field-problem">{t.plan.configPasswordEmpty}</p>}
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-folder`}>{t.plan.folder}</label>
            <input
              id={`${ids}-folder`} type="text" autoComplete="off" spellCheck={false} value={folder} onChange={(e) => setFolder(e.target.value)}
              aria-invalid={problems.folder || undefined} aria-describedby={`${ids}-folder-hint`}
            />
            <p id={`${ids}-folder-hint`} className={problems.folder ? 'hint field-problem' : 'hint'}>{problems.folder ? t.plan.folderEmpty : t.plan.folderHint}</p>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-target`}>{t.plan.target}</label>
            <select id={`${ids}-target`} value={target} onChange={(e) => setTarget(e.target.value as Target)}>
              {PLAN_TARGETS.map((v) => <option key={v} value={v}>{t.plan.targets[v]}</option>)}
            </select>
          </div>
          <button type="submit" className="button-primary" disabled={building || !bindDn}>{building ? t.plan.building : t.plan.build}</button>
        </form>
      )}
      {building && <p className="hint" role="status">{t.plan.building}</p>}
      {state.status === 'failed' && <PlanFailure error={state.error} />}
      {state.status === 'done' && <WrittenPlan plan={state.plan} />}
    </section>
  );
}

function PlanFailure({ error }: { error: ApiError }) {
  const { t } = useI18n();
  const refusal = planRefusal(error.code);
  if (refusal === null) return <ErrorWithAdvice title={t.plan.failed} error={error} />;
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{t.plan.failed}</p>
      <p className="alert-message">{t.plan[refusal]}</p>
      <ErrorDetail detail={error.message} />
    </div>
  );
}

function WrittenPlan({ plan }: { plan: MigrationPlan }) {
  const { t } = useI18n();
  const last = plan.steps.at(-1);
  return (
    <div className="plan-result">
      <div className="alert alert-ok" role="status">
        <p className="alert-title">{t.plan.written(plan.folder)}</p>
        <p>{t.plan.counts(plan.reset, plan.forced, plan.mustChange, plan.missing)}</p>
        <p>{t.plan.grades(t.plan.grade(plan.before.grade, plan.before.score), last ? t.plan.grade(last.grade, last.score) : t.plan.grade(plan.before.grade, plan.before.score))}</p>
      </div>

      <h3>{t.plan.stepsTitle}</h3>
      <ol className="plan-steps">
        {plan.steps.map((step) => (
          <li key={step.id} data-step={step.id}>
            <strong>{t.plan.steps[step.id].title}</strong>
            {step.accounts > 0 && <> — {t.plan.stepAccounts(step.accounts)}</>}
            <br />
            <span>{t.plan.steps[step.id].why}</span>
            <br />
            <span className="hint">{t.plan.stepAfter(t.plan.grade(step.grade, step.score))} · {t.plan.stepFiles(step.files.join(', '))}</span>
          </li>
        ))}
      </ol>

      <h3>{t.plan.filesTitle}</h3>
      <div className="plan-files-scroll">
        <table className="plan-files">
          <thead>
            <tr><th scope="col">{t.plan.fileName}</th><th scope="col">{t.plan.fileWhat}</th><th scope="col">{t.plan.fileAccess}</th></tr>
          </thead>
          <tbody>
            {planFileRows(plan.files).map((row) => (
              <tr key={row.name} data-file={row.name}>
                <td><code>{row.name}</code>{row.kind === 'letters' && <> ({t.plan.letterFiles(row.count)})</>}</td>
                <td>{t.plan.files[row.kind]}</td>
                <td className={row.ownerOnly ? 'plan-owner-only' : undefined}>{row.ownerOnly ? t.plan.ownerOnly : t.plan.readable(row.mode)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t.plan.applyTitle}</h3>
      <p>{t.plan.applyIntro}</p>
      <p>{t.plan.passwordFiles}</p>
      <p>{t.plan.dryRun}</p>
      <pre className="plan-command" data-command="dry-run"><code>{applyCommand(plan, 'dry-run')}</code></pre>
      <p>{t.plan.apply}</p>
      <pre className="plan-command" data-command="apply"><code>{applyCommand(plan, 'apply')}</code></pre>
      <p>{t.plan.rollback}</p>
      <pre className="plan-command" data-command="rollback"><code>{applyCommand(plan, 'rollback')}</code></pre>
      <p>{t.plan.afterwards}</p>
    </div>
  );
}
