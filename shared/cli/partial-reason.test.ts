// Issue #15 §5, issue #14 §2-3: why a report is partial, in French in the French summary. The report carries the
// reader's failure by code with its figures (entries read, seconds, the bound account), made here as a scan cut short
// makes them (explainLdapFailure, then buildReport's partialError); the catalogues say it, never a regex over the line.
import { SizeLimitExceededError, TimeLimitExceededError } from 'ldapts';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../contract/report.ts';
import { explainLdapFailure, type FailureContext } from '../engine/directory/ldap/explain-failure.ts';
import { partialReasonText } from './messages.ts';

const context: Omit<FailureContext, 'entriesRead'> = { phase: 'search', server: '127.0.0.1:389', bindDn: 'cn=admin,dc=x', baseDn: 'dc=x', timeoutMs: 10_000 };

type PartialReport = Pick<ScanReport, 'partialReason' | 'partialError'>;

/** What a report says of a scan cut short by `error` after `entriesRead` entries (as scan.ts and buildReport write it). */
function partial(error: unknown, entriesRead: number, given: Omit<FailureContext, 'entriesRead'> = context): PartialReport {
  const failure = explainLdapFailure(error, { ...given, entriesRead }).toApiError();
  return { partialReason: failure.message, partialError: { code: failure.code, params: failure.params } };
}

describe('partialReasonText', () => {
  it('says in French that the directory stopped answering, with the entries read; English says it too', () => {
    const r = partial(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 1000);
    expect(r.partialError?.code).toBe('LDAP_CONNECTION_LOST');
    expect(partialReasonText(r, 'fr')).toBe('l’annuaire a cessé de répondre après 1 000 entrées — vérifiez que le serveur tourne encore, puis relancez l’analyse.');
    expect(partialReasonText(r, 'en')).toBe('the directory stopped answering after 1,000 entries — check that the server is still running, then scan again.');
  });

  it('names the timeout in effect (10 s here), not another', () => {
    const r = partial(new Error('Operation timed out'), 1);
    expect(r.partialReason).toMatch(/within 10 s after 1 entry/);
    expect(partialReasonText(r, 'fr')).toBe('pas de réponse de l’annuaire en 10 s, après 1 entrée — vérifiez la charge du serveur, ou laissez-lui plus de temps.');
    expect(partialReasonText(partial(new Error('Operation timed out'), 3, { ...context, timeoutMs: 2_500 }), 'fr')).toMatch(/^pas de réponse de l’annuaire en 2,5 s, après 3 entrées/);
  });

  it('the size limit: the entries it stopped after, the cn=config change to copy for the bound account, and no default of 500', () => {
    const fr = partialReasonText(partial(new SizeLimitExceededError('Size Limit Exceeded'), 100), 'fr');
    expect(fr).toBe('l’annuaire a refusé de renvoyer plus d’entrées que sa limite de taille (arrêt après 100 entrées) — levez-la sur la base dans cn=config '
      + '(olcLimits: dn.exact="cn=admin,dc=x" size.soft=unlimited size.hard=unlimited size.prtotal=unlimited), ou liez-vous avec un compte sans cette limite.');
    expect(fr).not.toContain('500');
    // Bound anonymously: the clause names anonymous.
    const { bindDn: _bound, ...anonymous } = context;
    expect(partialReasonText(partial(new SizeLimitExceededError('Size Limit Exceeded'), 100, anonymous), 'en'))
      .toContain('(olcLimits: anonymous size.soft=unlimited');
  });

  it('the time limit', () => {
    expect(partialReasonText(partial(new TimeLimitExceededError('Time Limit Exceeded'), 42), 'fr')).toBe('l’annuaire a arrêté la recherche à sa limite de temps, après 42 entrées — levez-la sur la base dans cn=config '
      + '(olcLimits: dn.exact="cn=admin,dc=x" time.soft=unlimited time.hard=unlimited), ou analysez une base plus petite.');
  });

  it('a failure without a sentence of its own, a newer code, or a version-1 report: the reader\'s English line as it is', () => {
    expect(partialReasonText({ partialReason: 'Something else entirely.', partialError: { code: 'LDAP_REFUSED', params: {} } }, 'fr')).toBe('Something else entirely.');
    expect(partialReasonText({ partialReason: 'The directory stopped answering after 3 entries.' }, 'fr')).toBe('The directory stopped answering after 3 entries.');
  });
});
