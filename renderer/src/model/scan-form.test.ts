import { describe, expect, it } from 'vitest';
import type { SchoolProfile } from '../../../shared/contract/index.ts';
import { emptyForm, needsPassword, profileInputOf, scanRequestOf } from './scan-form.ts';

const ldapForm = { ...emptyForm('standard', false), url: ' ldap://127.0.0.1:389/ ', baseDn: 'dc=college,dc=test' };

describe('scanRequestOf', () => {
  it('builds a one-off LDAP scan with the password only when binding as someone', () => {
    expect(scanRequestOf({ ...ldapForm, password: 'ignored' }, [])).toEqual({
      connection: { kind: 'ldap', url: 'ldap://127.0.0.1:389/', baseDn: 'dc=college,dc=test' }, depth: 'standard',
    });
    expect(scanRequestOf({ ...ldapForm, bindDn: 'cn=audit', password: 's3cret', startTls: true, depth: 'deep' }, [])).toEqual({
      connection: { kind: 'ldap', url: 'ldap://127.0.0.1:389/', baseDn: 'dc=college,dc=test', bindDn: 'cn=audit', startTls: true },
      password: 's3cret', depth: 'deep',
    });
  });

  it('names a one-off scan by the school’s name typed without saving it (issue #13)', () => {
    expect(scanRequestOf({ ...ldapForm, profileName: '  Lycée Victor Hugo ' }, [])).toEqual({
      connection: { kind: 'ldap', url: 'ldap://127.0.0.1:389/', baseDn: 'dc=college,dc=test' }, depth: 'standard', label: 'Lycée Victor Hugo',
    });
    expect(scanRequestOf({ ...ldapForm, kind: 'ldif', file: '/srv/annuaire.ldif', profileName: 'Lycée Victor Hugo' }, [])).toMatchObject({ label: 'Lycée Victor Hugo' });
    expect(scanRequestOf({ ...ldapForm, profileName: '   ' }, [])).not.toHaveProperty('label');
  });

  it('names the field that is missing', () => {
    expect(scanRequestOf({ ...ldapForm, url: 'http://x' }, [])).toBe('missingUrl');
    expect(scanRequestOf({ ...ldapForm, baseDn: ' ' }, [])).toBe('missingBaseDn');
    expect(scanRequestOf({ ...ldapForm, kind: 'ldif' }, [])).toBe('missingFile');
    expect(scanRequestOf({ ...ldapForm, mode: 'saved', profileId: 'nope' }, [])).toBe('missingProfile');
  });

  it('scans a saved school by its id', () => {
    const profile: SchoolProfile = { id: 'college', name: 'Collège', connection: { kind: 'ldif', file: '/x.ldif' }, passwordSaved: false };
    expect(scanRequestOf({ ...ldapForm, mode: 'saved', profileId: 'college', depth: 'quick' }, [profile])).toEqual({ profileId: 'college', depth: 'quick' });
    expect(needsPassword(profile)).toBe(false);
    expect(needsPassword({ ...profile, connection: { kind: 'ldap', url: 'ldap://x', baseDn: 'dc=x', bindDn: 'cn=a' } })).toBe(true);
  });
});

describe('profileInputOf', () => {
  it('saves the password only when asked to', () => {
    const form = { ...ldapForm, bindDn: 'cn=audit', password: 's3cret', profileName: ' Collège Jean Moulin ' };
    expect(profileInputOf(form)).toEqual({ name: 'Collège Jean Moulin', connection: expect.objectContaining({ bindDn: 'cn=audit' }) });
    expect(profileInputOf({ ...form, savePassword: true })).toMatchObject({ password: 's3cret' });
    expect(profileInputOf({ ...form, profileName: '' })).toBe('missingName');
  });
});
