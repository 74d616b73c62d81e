// One account in detail (issue #13 §5), for the IT staff: why it is flagged (each finding with its severity),
// what to do, the stored schemes by name and attribute, its profile and classes. Never a password, never a hash:
// the report holds neither, and this panel shows only names.
import { useEffect, useRef } from 'react';
import type { AccountReport } from '../../../shared/contract/index.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { accountActions, findingText, schemeName, schemeParams, type ShapeLabels } from '../model/account-text.ts';

interface Props {
  account: AccountReport;
  shapeLabels: ShapeLabels;
  onClose(): void;
}

export function AccountDetail({ account, shapeLabels, onClose }: Props) {
  const { t, language } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // Each account opened is announced by moving focus to its name.
  useEffect(() => heading.current?.focus(), [account]);
  const d = t.accountDetail;
  const actions = accountActions(account, t);
  const nothing = account.findings.length === 0 && account.unchecked !== true;

  return (
    <aside
      className="account-detail" aria-labelledby="account-detail-title" data-testid="account-detail"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="account-detail-head">
        <h2 id="account-detail-title" tabIndex={-1} ref={heading}>{d.title(account.login)}</h2>
        <button type="button" className="button-secondary" onClick={onClose}>{d.close}</button>
      </div>
      <dl className="account-facts">
        <dt>{d.profile}</dt><dd>{t.profiles.one[account.profile]}</dd>
        <dt>{d.classes}</dt><dd>{account.classes.length === 0 ? d.noClass : account.classes.join(', ')}</dd>
        <dt>{d.dn}</dt><dd className="account-dn">{account.dn}</dd>
      </dl>

      <h3>{d.why}</h3>
      {nothing ? <p>{d.nothing}</p> : (
        <ul className="detail-findings">
          {account.findings.map((f, i) => (
            <li key={i} className={`severity-edge-${f.severity}`}>
              <span className={`severity severity-${f.severity}`}>{t.severities[f.severity]}</span>{' '}
              {findingText(f, t, language, shapeLabels)}
            </li>
          ))}
          {account.unchecked === true && <li>{d.unchecked}</li>}
        </ul>
      )}

      {actions.length > 0 && (
        <>
          <h3>{d.whatToDo}</h3>
          <ol className="detail-actions" data-testid="account-actions">
            {actions.map((action) => <li key={action}>{action}</li>)}
          </ol>
        </>
      )}

      <h3>{d.stored}</h3>
      <p className="hint">{d.storedHint}</p>
      {account.storedSchemes.length === 0 ? <p>{d.noStored}</p> : (
        <table className="detail-schemes" data-testid="account-schemes">
          <thead><tr><th scope="col">{d.scheme}</th><th scope="col">{d.attribute}</th><th scope="col">{d.params}</th></tr></thead>
          <tbody>
            {account.storedSchemes.map((s, i) => (
              <tr key={i}><td>{schemeName(s.scheme, t)}</td><td><code>{s.attribute}</code></td><td>{schemeParams(s.params, t)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}
