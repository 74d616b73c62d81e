// Issue #15 §5: why a report is partial, in French in the French summary. The reasons are the reader's own lines
// (explainLdapFailure), made here as a scan cut short makes them: if their wording changes, this test says so.
import { SizeLimitExceededError, TimeLimitExceededError } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { explainLdapFailure } from '../engine/directory/ldap/explain-failure.ts';
import { partialReasonText } from './messages.ts';

const context = { phase: 'search' as const, server: '127.0.0.1:389', bindDn: 'cn=admin,dc=x', baseDn: 'dc=x', timeoutMs: 10_000 };
const reason = (error: unknown, entriesRead: number): string => explainLdapFailure(error, { ...context, entriesRead }).oneLine();

describe('partialReasonText', () => {
  it('says in French that the directory stopped answering, with the entries read', () => {
    const r = reason(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 1000);
    expect(partialReasonText(r, 'fr')).toBe('l’annuaire a cessé de répondre après 1000 entrées — vérifiez que le serveur tourne encore, puis relancez l’analyse.');
    expect(partialReasonText(r, 'en')).toBe(r);
  });

  it('names the timeout in effect (10 s here), not another', () => {
    const r = reason(new Error('Operation timed out'), 1);
    expect(r).toMatch(/within 10 s after 1 entry/);
    expect(partialReasonText(r, 'fr')).toBe('pas de réponse de l’annuaire en 10 s, après 1 entrée — vérifiez la charge du serveur, ou laissez-lui plus de temps.');
    const r2 = explainLdapFailure(new Error('Operation timed out'), { ...context, entriesRead: 3, timeoutMs: 2_500 }).oneLine();
    expect(partialReasonText(r2, 'fr')).toMatch(/^pas de réponse de l’annuaire en 2,5 s, après 3 entrées/);
  });

  it('the size limit: the entries it stopped after, the cn=config change kept as it is to copy, and no default of 500', () => {
    const r = reason(new SizeLimitExceededError('Size Limit Exceeded'), 100);
    const fr = partialReasonText(r, 'fr');
    expect(fr).toBe('l’annuaire a refusé de renvoyer plus d’entrées que sa limite de taille (arrêt après 100 entrées) — levez-la sur la base dans cn=config '
      + '(olcLimits: dn.exact="cn=admin,dc=x" size.soft=unlimited size.hard=unlimited size.prtotal=unlimited), ou liez-vous avec un compte sans cette limite.');
    expect(fr).not.toContain('500');
  });

  it('the time limit', () => {
    const r = reason(new TimeLimitExceededError('Time Limit Exceeded'), 42);
    expect(partialReasonText(r, 'fr')).toBe('l’annuaire a arrêté la recherche à sa limite de temps, après 42 entrées — levez-la sur la base dans cn=config '
      + '(olcLimits: dn.exact="cn=admin,dc=x" time.soft=unlimited time.hard=unlimited), ou analysez une base plus petite.');
  });

  it('keeps a reason it does not know as it is', () => {
    expect(partialReasonText('Something else entirely.', 'fr')).toBe('Something else entirely.');
  });
});
