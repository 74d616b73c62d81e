// The Scan page's form as plain data, and what it asks the host for. Checked here first so a person gets a
// sentence about the field they missed rather than a schema error from the host.
import type { Connection, Depth, ProfileInput, ScanStart, SchoolProfile } from '../../../shared/contract/index.ts';

export interface ScanForm {
  mode: 'saved' | 'new';
  profileId: string;
  kind: 'ldap' | 'ldif';
  url: string;
  baseDn: string;
  bindDn: string;
  password: string;
  startTls: boolean;
  file: string;
  profileName: string;
  savePassword: boolean;
  depth: Depth;
}

export type FormProblem = 'missingUrl' | 'missingBaseDn' | 'missingFile' | 'missingProfile' | 'missingName';

export function emptyForm(depth: Depth, hasProfiles: boolean): ScanForm {
  return {
    mode: hasProfiles ? 'saved' : 'new', profileId: '', kind: 'ldap', url: '', baseDn: '', bindDn: '', password: '',
    startTls: false, file: '', profileName: '', savePassword: false, depth,
  };
}

export function connectionOf(form: ScanForm): Connection | FormProblem {
  if (form.kind === 'ldif') return form.file.trim() === '' ? 'missingFile' : { kind: 'ldif', file: form.file.trim() };
  const url = form.url.trim();
  if (!/^ldaps?:\/\/\S+/i.test(url)) return 'missingUrl';
  if (form.baseDn.trim() === '') return 'missingBaseDn';
  const bindDn = form.bindDn.trim();
  return {
    kind: 'ldap', url, baseDn: form.baseDn.trim(),
    ...(bindDn !== '' ? { bindDn } : {}),
    ...(form.startTls && url.toLowerCase().startsWith('ldap://') ? { startTls: true } : {}),
  };
}

/** The password only goes with a connection that binds as someone. */
function passwordOf(form: ScanForm, connection: Connection): { password?: string } {
  return connection.kind === 'ldap' && connection.bindDn !== undefined && form.password !== '' ? { password: form.password } : {};
}

export function scanRequestOf(form: ScanForm, profiles: readonly SchoolProfile[]): ScanStart | FormProblem {
  if (form.mode === 'saved') {
    const profile = profiles.find((p) => p.id === form.profileId);
    if (profile === undefined) return 'missingProfile';
    return { profileId: profile.id, depth: form.depth, ...passwordOf(form, profile.connection) };
  }
  const connection = connectionOf(form);
  if (typeof connection === 'string') return connection;
  // A school's name typed and not saved still names the scan: the history and the summary's title (issue #13).
  const label = form.profileName.trim();
  return { connection, depth: form.depth, ...passwordOf(form, connection), ...(label !== '' ? { label } : {}) };
}

export function profileInputOf(form: ScanForm): ProfileInput | FormProblem {
  const connection = connectionOf(form);
  if (typeof connection === 'string') return connection;
  if (form.profileName.trim() === '') return 'missingName';
  const save = form.savePassword ? passwordOf(form, connection) : {};
  return { name: form.profileName.trim(), connection, ...save };
}

/** A saved profile needs the password asked again when it binds as someone and the keychain does not hold it. */
export function needsPassword(profile: SchoolProfile | undefined): boolean {
  return profile !== undefined && profile.connection.kind === 'ldap' && profile.connection.bindDn !== undefined && !profile.passwordSaved;
}
