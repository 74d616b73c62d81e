// Scan (IT staff): choose a saved school or a new connection, test it, save it, pick a depth, start, follow, cancel.
// A message belongs to the source it was about: changing the source clears it (issue #13 §7).
import { useEffect, useId, useState } from 'react';
import { ldifFileProblemOf, type ApiError, type ConnectionCheck, type Depth, type HostInfo, type SchoolProfile } from '../../../shared/contract/index.ts';
import { DEPTHS } from '../../../shared/contract/codes.ts';
import { useApi } from '../api/api-context.tsx';
import { apiErrorOf } from '../api/host-error.ts';
import { ErrorDetail, ErrorWithAdvice } from '../components/ErrorWithAdvice.tsx';
import { LdifPicker } from '../components/LdifPicker.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { canUploadLdif } from '../api/ldif-upload.ts';
import { ScanProgressPanel } from '../components/ScanProgressPanel.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { connectionOf, emptyForm, needsPassword, profileInputOf, scanRequestOf, type FormProblem, type ScanForm } from '../model/scan-form.ts';
import { unexplainedError } from '../model/error-message.ts';
import type { ScanControl } from '../scan/use-scan.ts';

interface Props {
  profiles: SchoolProfile[];
  hostInfo: HostInfo | null;
  defaultDepth: Depth;
  scan: ScanControl;
  reloadProfiles(): Promise<void>;
}

type Notice =
  | { kind: 'problem'; problem: FormProblem }
  | { kind: 'check'; check: ConnectionCheck; file: string | null }
  | { kind: 'error'; error: ApiError }
  | { kind: 'saved'; name: string };

export function ScanPage({ profiles, hostInfo, defaultDepth, scan, reloadProfiles }: Props) {
  const api = useApi();
  const { t } = useI18n();
  const ids = useId();
  const [form, setForm] = useState<ScanForm>(() => emptyForm(defaultDepth, profiles.length > 0));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [testing, setTesting] = useState(false);
  const set = <K extends keyof ScanForm>(key: K, value: ScanForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    // An old error or test result about another source would now be about the wrong one.
    if (SOURCE_FIELDS.has(key)) {
      setNotice(null);
      scan.reset();
    }
  };

  // The saved settings and profiles arrive after the first render.
  useEffect(() => setForm((f) => ({ ...f, depth: defaultDepth })), [defaultDepth]);
  useEffect(() => {
    if (profiles.length === 0) return;
    setForm((f) => {
      const saved = f.mode === 'saved' || f.url !== '' || f.file !== '' ? f : { ...f, mode: 'saved' as const };
      // A first-time user finds the school (the built-in demo, or their only one) already chosen: one click to scan.
      return saved.mode === 'saved' && saved.profileId === '' ? { ...saved, profileId: profiles[0]!.id } : saved;
    });
  }, [profiles]);

  const running = scan.state.status === 'running' || scan.state.status === 'starting';
  const selected = profiles.find((p) => p.id === form.profileId);
  const askPassword = form.mode === 'new' ? form.kind === 'ldap' && form.bindDn.trim() !== '' : needsPassword(selected);
  // An LDIF export has no connection to test: the button checks the file instead.
  const isFile = form.mode === 'new' ? form.kind === 'ldif' : selected?.connection.kind === 'ldif';

  const testConnection = async () => {
    const connection = form.mode === 'saved' ? selected?.connection : connectionOf(form);
    if (connection === undefined || typeof connection === 'string') {
      setNotice({ kind: 'problem', problem: connection ?? 'missingProfile' });
      return;
    }
    setTesting(true);
    setNotice(null);
    try {
      const check = await api.testConnection({ connection, ...(askPassword && form.password !== '' ? { password: form.password } : {}) });
      setNotice({ kind: 'check', check, file: connection.kind === 'ldif' ? connection.file : null });
    } catch (error) {
      setNotice({ kind: 'error', error: apiErrorOf(error) });
    } finally {
      setTesting(false);
    }
  };

  const saveProfile = async () => {
    const input = profileInputOf(form);
    if (typeof input === 'string') {
      setNotice({ kind: 'problem', problem: input });
      return;
    }
    try {
      const saved = await api.saveProfile(input);
      await reloadProfiles();
      setForm((f) => ({ ...f, mode: 'saved', profileId: saved.id }));
      setNotice({ kind: 'saved', name: saved.name });
    } catch (error) {
      setNotice({ kind: 'error', error: apiErrorOf(error) });
    }
  };

  const deleteProfile = async () => {
    if (selected === undefined) return;
    try {
      await api.deleteProfile(selected.id);
      await reloadProfiles();
      set('profileId', '');
    } catch (error) {
      setNotice({ kind: 'error', error: apiErrorOf(error) });
    }
  };

  const start = () => {
    const request = scanRequestOf(form, profiles);
    if (typeof request === 'string') {
      setNotice({ kind: 'problem', problem: request });
      return;
    }
    setNotice(null);
    void scan.start(request);
  };

  return (
    <section aria-labelledby="page-title" className="page scan-page">
      <PageTitle>{t.scan.title}</PageTitle>
      <p className="lead">{t.scan.intro}</p>
      <form
        className="scan-form"
        autoComplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <fieldset disabled={running}>
          <legend>{t.scan.sourceLegend}</legend>
          <div className="choice-row">
            <label><input type="radio" name="mode" value="saved" checked={form.mode === 'saved'} onChange={() => set('mode', 'saved')} /> {t.scan.savedSchool}</label>
            <label><input type="radio" name="mode" value="new" checked={form.mode === 'new'} onChange={() => set('mode', 'new')} /> {t.scan.newConnection}</label>
          </div>

          {form.mode === 'saved' ? (
            profiles.length === 0 ? <p className="hint">{t.scan.noSavedSchool}</p> : (
              <div className="field-row">
                <div className="field">
                  <label htmlFor={`${ids}-profile`}>{t.scan.savedSchool}</label>
                  <select id={`${ids}-profile`} value={form.profileId} onChange={(e) => set('profileId', e.target.value)}>
                    <option value="">{t.scan.chooseSchool}</option>
                    {profiles.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                  </select>
                  {selected?.passwordSaved === true && <p className="hint">{t.scan.passwordSaved}</p>}
                </div>
                {selected !== undefined && selected.builtIn !== true && (
                  <button type="button" className="button-secondary" onClick={() => void deleteProfile()}>{t.scan.deleteProfile}</button>
                )}
              </div>
            )
          ) : (
            <>
              <div className="choice-row" role="radiogroup" aria-label={t.scan.kindLegend}>
                <label><input type="radio" name="kind" value="ldap" checked={form.kind === 'ldap'} onChange={() => set('kind', 'ldap')} /> {t.scan.kindLdap}</label>
                <label><input type="radio" name="kind" value="ldif" checked={form.kind === 'ldif'} onChange={() => set('kind', 'ldif')} /> {t.scan.kindLdif}</label>
              </div>
              {form.kind === 'ldap' ? (
                <div className="grid-2">
                  <TextField id={`${ids}-url`} label={t.scan.url} hint={t.scan.urlHint} value={form.url} onChange={(v) => set('url', v)} />
                  <TextField id={`${ids}-base`} label={t.scan.baseDn} value={form.baseDn} onChange={(v) => set('baseDn', v)} />
                  <TextField id={`${ids}-bind`} label={t.scan.bindDn} value={form.bindDn} onChange={(v) => set('bindDn', v)} />
                  <div className="field checkbox-field">
                    <label><input type="checkbox" checked={form.startTls} onChange={(e) => set('startTls', e.target.checked)} /> {t.scan.startTls}</label>
                  </div>
                </div>
              ) : (
                <>
                  <TextField id={`${ids}-file`} label={t.scan.ldifFile} hint={t.scan.ldifHint} value={form.file} onChange={(v) => set('file', v)} />
                  {canUploadLdif(api) && <LdifPicker uploader={api} onUploaded={(path) => set('file', path)} />}
                </>
              )}
            </>
          )}

          {askPassword && (
            <div className="field">
              <label htmlFor={`${ids}-password`}>{t.scan.password}</label>
              <input
                id={`${ids}-password`} type="password" autoComplete="off" spellCheck={false} aria-describedby={`${ids}-password-hint`}
                value={form.password} onChange={(e) => set('password', e.target.value)}
              />
              <p className="hint" id={`${ids}-password-hint`}>{hostInfo?.canSavePasswords === false ? t.scan.passwordHintNoSave : t.scan.passwordHint}</p>
            </div>
          )}

          {form.mode === 'new' && (
            <div className="save-profile">
              <TextField id={`${ids}-name`} label={t.scan.profileName} hint={t.scan.profileNameHint} value={form.profileName} onChange={(v) => set('profileName', v)} />
              {askPassword && hostInfo?.canSavePasswords === true && (
                <label className="checkbox-inline"><input type="checkbox" checked={form.savePassword} onChange={(e) => set('savePassword', e.target.checked)} /> {t.scan.savePassword}</label>
              )}
              <button type="button" className="button-secondary" onClick={() => void saveProfile()}>{t.scan.saveProfile}</button>
            </div>
          )}
        </fieldset>

        <fieldset disabled={running} className="depth-fieldset">
          <legend>{t.scan.depthLegend}</legend>
          <div className="depth-choices">
            {DEPTHS.map((depth) => (
              <label key={depth} className="depth-choice">
                <input type="radio" name="depth" value={depth} checked={form.depth === depth} onChange={() => set('depth', depth)} />
                <span className="depth-name">{t.depths.names[depth]}</span>
                <span className="hint">{t.depths.hints[depth]}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <div className="actions">
          <button type="button" className="button-secondary" disabled={running || testing} onClick={() => void testConnection()}>
            {testing ? (isFile ? t.scan.testingFile : t.scan.testing) : isFile ? t.scan.testFile : t.scan.testConnection}
          </button>
          <button type="submit" className="button-primary" disabled={running}>
            {scan.state.status === 'starting' ? t.scan.starting : t.scan.start}
          </button>
        </div>
        <FormNotice notice={notice} />
      </form>

      {scan.state.status === 'running' && (
        <ScanProgressPanel
          progress={scan.state.progress} cancelling={scan.state.cancelling} onCancel={() => void scan.cancel()}
          {...(scan.state.resumed ? { resumed: scan.state.resumed } : {})}
        />
      )}
      {scan.state.status === 'cancelled' && <div className="alert alert-info" role="status">{t.progress.cancelled}</div>}
      {scan.state.status === 'failed' && <ErrorWithAdvice title={t.progress.failed} error={scan.state.error} />}
    </section>
  );
}

function TextField({ id, label, hint, value, onChange }: { id: string; label: string; hint?: string; value: string; onChange(value: string): void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id} type="text" autoComplete="off" spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)}
        {...(hint !== undefined ? { 'aria-describedby': `${id}-hint` } : {})}
      />
      {hint !== undefined && <p className="hint" id={`${id}-hint`}>{hint}</p>}
    </div>
  );
}

function FormNotice({ notice }: { notice: Notice | null }) {
  const { t } = useI18n();
  if (notice === null) return null;
  switch (notice.kind) {
    case 'problem':
      return <div className="alert alert-error" role="alert">{t.scan[notice.problem]}</div>;
    case 'saved':
      return <div className="alert alert-ok" role="status">{t.scan.profileSaved(notice.name)}</div>;
    case 'error':
      return <ErrorWithAdvice title={t.scan.testFailed} error={notice.error} />;
    case 'check':
      return notice.file !== null ? <FileCheckNotice check={notice.check} file={notice.file} />
        : notice.check.ok
          ? <div className={`alert ${notice.check.transport === 'none' ? 'alert-warn' : 'alert-ok'}`} role="status">{t.scan.testOk[notice.check.transport ?? 'none']}</div>
          : <ErrorWithAdvice title={t.scan.testFailed} error={notice.check.error ?? unexplainedError(undefined)} />;
  }
}

/** An LDIF source's check: the file reads through (how many entries, how many with a password), or why not. */
function FileCheckNotice({ check, file }: { check: ConnectionCheck; file: string }) {
  const { t } = useI18n();
  if (check.ok && check.file !== undefined) {
    return check.file.withPassword > 0
      ? <div className="alert alert-ok" role="status" data-testid="file-check">{t.scan.testFileOk(check.file.entries, check.file.withPassword)}</div>
      : <div className="alert alert-warn" role="status" data-testid="file-check">{t.scan.testFileNoPassword(check.file.entries)}</div>;
  }
  const error = check.error ?? unexplainedError(undefined);
  // The file's problem, said by the error's code; the line it stopped at is one of its names.
  const problem = ldifFileProblemOf(error.code);
  if (problem === null) return <ErrorWithAdvice title={t.scan.testFileFailed} error={error} />;
  const line = error.params.line === undefined ? undefined : Number(error.params.line);
  return (
    <div className="alert alert-error" role="alert" data-testid="file-check">
      <p className="alert-title">{t.scan.testFileFailed}</p>
      <p className="alert-message">{t.scan.fileProblems[problem](file, line)}</p>
      <ErrorDetail detail={error.message} />
    </div>
  );
}

/** The fields that say which source is scanned; the password and the depth do not. */
const SOURCE_FIELDS: ReadonlySet<keyof ScanForm> = new Set<keyof ScanForm>(['mode', 'profileId', 'kind', 'url', 'baseDn', 'bindDn', 'startTls', 'file']);
