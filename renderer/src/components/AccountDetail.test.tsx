// The account detail panel (issue #13 §5), rendered to markup: why, what to do, the schemes by name and attribute,
// in the reader's language; nothing that could be a stored value.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AccountReport } from '../../../shared/contract/index.ts';
import { I18nContext } from '../i18n/i18n.tsx';
import { en } from '../i18n/messages-en.ts';
import { fr } from '../i18n/messages-fr.ts';
import { account } from '../model/report-fixture.test-support.ts';
import { AccountDetail } from './AccountDetail.tsx';

const legacy: AccountReport = {
  ...account('prof.martin', 'teacher', [
    { code: 'LEGACY_HASH', severity: 'high', scheme: 'MD5' },
    { code: 'LM_HASH', severity: 'critical', scheme: 'LM' },
    { code: 'PERSONAL_INFO_PASSWORD', severity: 'critical', patternId: 'surname+birthdate:DDMMYYYY', pattern: 'nom + date de naissance (JJMMAAAA)' },
  ], ['6A', '5B']),
  hashScheme: 'LM',
  storedSchemes: [
    { scheme: 'MD5', attribute: 'userPassword' },
    { scheme: 'LM', attribute: 'sambaLMPassword' },
    { scheme: 'BCRYPT', attribute: 'userPassword', params: { cost: 8, salt: 16, prefix: '$2b$08$N9qo8uLOickgx2ZMRZoMye' } },
  ],
};

function render(a: AccountReport, language: 'fr' | 'en' = 'fr'): string {
  const html = renderToStaticMarkup(
    <I18nContext.Provider value={{ language, t: language === 'fr' ? fr : en }}>
      <AccountDetail account={a} shapeLabels={new Map()} onClose={() => undefined} />
    </I18nContext.Provider>,
  );
  return html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, '\'').replace(/\s+/g, ' ');
}

describe('AccountDetail', () => {
  it('says why, with each finding’s severity, and what to do, most severe first', () => {
    const text = render(legacy);
    expect(text).toContain('Compte prof.martin');
    expect(text).toContain(`critique ${fr.codes.LM_HASH}`);
    expect(text).toContain(`élevée ${fr.codes.LEGACY_HASH} (MD5)`);
    expect(text).toContain('nom + date de naissance (JJMMAAAA)');
    const actions = [fr.accountDetail.actions.LM_HASH, fr.accountDetail.actions.PERSONAL_INFO_PASSWORD, fr.accountDetail.actions.LEGACY_HASH];
    for (const action of actions) expect(text).toContain(action);
    expect(text.indexOf(actions[0]!)).toBeLessThan(text.indexOf(actions[2]!));
    expect(text).toContain('enseignant');
    expect(text).toContain('6A, 5B');
  });

  it('shows the stored schemes by name and attribute, numbers for parameters, never a string value', () => {
    const text = render(legacy);
    expect(text).toContain('MD5 userPassword');
    expect(text).toContain('LM sambaLMPassword');
    expect(text).toContain('bcrypt userPassword cost 8, sel de 16 octets');
    expect(text).not.toContain('$2b$');
    expect(text).not.toContain('N9qo8uLOickgx2ZMRZoMye');
  });

  it('speaks English in English, and says when there is nothing to do', () => {
    const text = render(legacy, 'en');
    expect(text).toContain('surname + date of birth (DDMMYYYY)');
    expect(text).toContain(en.accountDetail.actions.LEGACY_HASH);
    expect(text).not.toMatch(/nom|naissance|Empreinte|critique/);
    const clean = render(account('eleve.sain', 'student'));
    expect(clean).toContain(fr.accountDetail.nothing);
    expect(clean).not.toContain(fr.accountDetail.whatToDo);
  });
});
