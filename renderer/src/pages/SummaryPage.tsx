// Summary (head of school): the grade and what it means, who is affected, what to do first, and the trend.
// Laid out to print on one A4 page (see the print rules in styles.css).
import { useMemo } from 'react';
import type { AccountFindingCode, Grade, HistoryEntry, Language, Profile, ScanReport } from '../../../shared/contract/index.ts';
import { ACCOUNT_FINDING_CODES, GRADE_FLOORS, PROFILES } from '../../../shared/contract/codes.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { Messages } from '../i18n/messages-fr.ts';
import { knownPasswordSentences } from '../model/known-passwords.ts';
import { historyEntryText } from '../model/history-entry.ts';
import { isGraded, trendFor } from '../model/trend.ts';
import { TrendView } from '../components/TrendView.tsx';
import { urgentActions, type UrgentAction } from '../model/urgent-actions.ts';

interface Props {
  report: ScanReport | null;
  reportId: string | null;
  history: HistoryEntry[];
  onPickReport(reportId: string): void;
  /** Opens the breached-password import; absent when printing. */
  onImportBreaches?(): void;
}

export function SummaryPage({ report, reportId, history, onPickReport, onImportBreaches }: Props) {
  const { t, language } = useI18n();
  const actions = useMemo(() => (report === null ? [] : urgentActions(report)), [report]);
  const known = useMemo(() => (report === null ? [] : knownPasswordSentences(report, t, language)), [report, t, language]);
  const directoryFindings = report?.directoryFindings.filter((f) => f.code !== 'IMPOSED_PASSWORD_SCHEME') ?? [];
  const graded = report?.summary.graded;
  const trend = useMemo(() => (reportId === null ? null : trendFor(history, reportId, 8, graded === undefined ? undefined : { graded })), [history, reportId, graded]);

  if (reportId === null) {
    return (
      <section aria-labelledby="page-title" className="page">
        <PageTitle>{t.summary.title}</PageTitle>
        <p className="lead">{t.summary.empty}</p>
      </section>
    );
  }
  if (report === null) {
    return (
      <section aria-labelledby="page-title" className="page">
        <PageTitle>{t.summary.title}</PageTitle>
        <p role="status">{t.app.loading}</p>
      </section>
    );
  }
  const { summary } = report;
  // Issue #15 §2: a scan that could check no account has no grade: « non évaluable », never a letter.
  const notGraded = summary.graded === false;
  const inputProblems = report.source.inputProblems?.total ?? 0;
  // Why the scan stopped early, said by code: a report without one (version 1, or another failure) says only that it did.
  const partialWhy = report.partialError === undefined ? null : t.summary.partialReason(report.partialError.code, report.partialError.params);
  // The school's name; a scan without one is named by its source, an LDIF file by its name only: the summary (and
  // its PDF) never shows a path of this computer (issue #13 §4).
  const source = t.history.source(report.source.kind, report.source.location);
  const saved = history.find((h) => h.reportId === reportId)?.label;
  const label = saved === undefined || saved === report.source.location ? source : saved;
  const scannedOn = t.summary.scannedOn(t.time.dateTime(report.finishedAt));
  const sorted = [...history].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));

  return (
    <section aria-labelledby="page-title" className="page summary-page">
      <div className="summary-head">
        <div>
          <PageTitle>{t.summary.title} — {label}</PageTitle>
          <p className="meta">{scannedOn} · {t.summary.source(source)}</p>
        </div>
        <div className="summary-tools no-print">
          {sorted.length > 1 && (
            <div className="field field-inline">
              <label htmlFor="report-picker">{t.summary.pickReport}</label>
              <select id="report-picker" value={reportId} onChange={(e) => onPickReport(e.target.value)}>
                {sorted.map((h) => (
                  <option key={h.reportId} value={h.reportId}>
                    {historyEntryText(h, t, h.reportId === reportId ? !notGraded : isGraded(h))}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="button" className="button-primary" onClick={() => window.print()}>{t.summary.print}</button>
        </div>
      </div>

      <div className="verdict">
        {notGraded ? (
          <div className="grade grade-none" data-testid="grade" data-graded="false" aria-label={`${t.summary.gradeLabel} : ${t.summary.notGraded}`}
            style={{ background: 'var(--ink-soft)' }}>
            <span className="grade-caption" aria-hidden="true">{t.summary.gradeLabel}</span>
            <span className="grade-letter" aria-hidden="true">—</span>
          </div>
        ) : (
          <div className={`grade grade-${summary.grade}`} data-testid="grade" aria-label={`${t.summary.gradeLabel} ${summary.grade}`}>
            <span className="grade-caption" aria-hidden="true">{t.summary.gradeLabel}</span>
            <span className="grade-letter" aria-hidden="true">{summary.grade}</span>
          </div>
        )}
        <div className="verdict-text">
          {!notGraded && <p className="score"><span className="score-value" data-testid="score">{summary.score}</span> <span className="score-unit">{t.summary.outOf}</span></p>}
          <p className="verdict-sentence">{notGraded ? t.summary.notGradedSentence(report.source.kind) : t.grades[summary.grade]}</p>
          <p className="meta">
            {t.summary.accounts(summary.accounts)} · {t.summary.withFindings(summary.withFindings)}
            {!notGraded && summary.checkable !== undefined && summary.checkable < summary.accounts && (
              <> · <span data-testid="checkable">{t.summary.checkable(summary.checkable, summary.accounts)}</span></>
            )}
          </p>
          {report.partial && (
            <p className="alert alert-warn" data-testid="partial">
              {t.summary.partial}{partialWhy !== null && <> {t.summary.partialBecause(partialWhy)}</>}
            </p>
          )}
          {inputProblems > 0 && <p className="alert alert-warn" data-testid="input-problems">{t.summary.inputProblems(inputProblems)}</p>}
          {report.source.breachIndex?.present === false && (
            <div className="alert alert-warn" data-testid="breach-not-checked">
              <p className="alert-title">{t.summary.breachNotChecked}</p>
              <p>{t.summary.breachNotCheckedHint}</p>
              {onImportBreaches !== undefined && (
                <button type="button" className="button-secondary no-print" onClick={onImportBreaches}>{t.summary.breachImport}</button>
              )}
            </div>
          )}
        </div>
        <GradeLegend current={notGraded ? null : summary.grade} />
      </div>

      {known.length > 0 && (
        <section aria-labelledby="known-title" className="card known-passwords" data-testid="known-passwords">
          <h2 id="known-title">{t.summary.known}</h2>
          <ul className="known-list">
            {known.map((sentence) => <li key={sentence}>{sentence}</li>)}
          </ul>
        </section>
      )}

      <div className="summary-grid">
        <section aria-labelledby="urgent-title" className="card urgent">
          <h2 id="urgent-title">{t.summary.urgent}</h2>
          {actions.length === 0 ? <p>{t.summary.nothingUrgent}</p> : (
            <ol className="urgent-list">
              {actions.map((action) => (
                <li key={actionKey(action)} className={`severity-edge severity-edge-${action.severity}`}>{actionText(action, t, language)}</li>
              ))}
            </ol>
          )}
        </section>

        <section aria-labelledby="profiles-title" className="card card-profiles">
          <h2 id="profiles-title">{t.summary.byProfile}</h2>
          <ProfileTable report={report} />
        </section>

        <section aria-labelledby="problems-title" className="card card-problems">
          <h2 id="problems-title">{t.summary.byProblem}</h2>
          <ProblemBars byCode={summary.byCode} total={summary.accounts} />
        </section>

        <section aria-labelledby="trend-title" className="card card-trend">
          <h2 id="trend-title">{t.summary.trend}</h2>
          {trend !== null && <TrendView trend={trend} />}
          {directoryFindings.length > 0 && (
            <>
              <h3>{t.summary.directory}</h3>
              <ul className="directory-findings">
                {directoryFindings.map((f, i) => (
                  <li key={`${f.code}-${i}`}><span className={`severity severity-${f.severity}`}>{t.severities[f.severity]}</span> {t.directoryCodes[f.code]}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
      <p className="summary-confidential" data-testid="confidential">{t.legend.confidential} · {label} · {scannedOn}</p>
    </section>
  );
}

/** What A–F mean: each grade's score range (the engine's GRADE_FLOORS) and word, the admin rule. */
function GradeLegend({ current }: { current: Grade | null }) {
  const { t } = useI18n();
  return (
    <section className="grade-legend" aria-labelledby="legend-title" data-testid="grade-legend">
      <h2 id="legend-title">{t.legend.title}</h2>
      <ul className="legend-list">
        {GRADE_FLOORS.map(([grade, low], i) => (
          <li key={grade} data-grade={grade} aria-current={grade === current ? 'true' : undefined}>
            <span className={`grade-chip grade-${grade}`}>{grade}</span>{' '}
            <span className="legend-range">{t.legend.range(low, i === 0 ? 100 : GRADE_FLOORS[i - 1]![1] - 1)}</span>{' '}
            <span className="legend-word">{t.legend.words[grade]}</span>
          </li>
        ))}
      </ul>
      <p className="legend-rule">{t.legend.adminRule}</p>
    </section>
  );
}

function actionKey(action: UrgentAction): string {
  return action.kind === 'imposed' ? `imposed-${action.profile}` : `${action.kind}-${action.code}`;
}

function actionText(action: UrgentAction, t: Messages, language: Language): string {
  const who = (profiles: Profile[]): string => t.list(profiles.map((p) => t.profiles.plural[p]));
  switch (action.kind) {
    case 'directory': return t.directoryCodes[action.code];
    case 'imposed': return t.forcedActions.imposed(action.accounts, who([action.profile]), action.label?.[language] ?? null);
    case 'default': return t.forcedActions.sharedDefault(action.accounts, who(action.profiles));
    case 'accounts': return t.codeActions[action.code](action.accounts, who(action.profiles));
  }
}


function ProfileTable({ report }: { report: ScanReport }) {
  const { t } = useI18n();
  const rows = PROFILES.flatMap((profile) => {
    const s = report.summary.byProfile[profile];
    return s === undefined || s.accounts === 0 ? [] : [{ profile, ...s }];
  });
  return (
    <table className="profile-table">
      <thead>
        <tr>
          <th scope="col">{t.summary.profileColumn}</th>
          <th scope="col" className="num">{t.summary.accountsColumn}</th>
          <th scope="col" className="num">{t.summary.findingsColumn}</th>
          <th scope="col" className="num">{t.summary.gradeColumn}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.profile} data-profile={row.profile}>
            <th scope="row">{capitalise(t.profiles.plural[row.profile as Profile])}</th>
            <td className="num">{row.accounts.toLocaleString(t.locale)}</td>
            <td className="num">{row.withFindings.toLocaleString(t.locale)}</td>
            <td className="num">
              {row.graded === false
                ? <span className="grade-chip grade-none" style={{ background: 'var(--ink-soft)', padding: '0 4px' }}>{t.summary.notGraded}</span>
                : <span className={`grade-chip grade-${row.grade}`}>{row.grade}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProblemBars({ byCode, total }: { byCode: Partial<Record<AccountFindingCode, number>>; total: number }) {
  const { t } = useI18n();
  const bars = ACCOUNT_FINDING_CODES.flatMap((code) => {
    const n = byCode[code] ?? 0;
    return n > 0 ? [{ code, n }] : [];
  }).sort((a, b) => b.n - a.n);
  if (bars.length === 0) return <p>{t.summary.noProblem}</p>;
  const max = Math.max(...bars.map((b) => b.n));
  return (
    <ul className="bar-chart" aria-label={t.summary.chartLabel}>
      {bars.map(({ code, n }) => (
        <li key={code} className="bar-row">
          <span className="bar-label">{t.codes[code]}</span>
          <span className="bar-track" aria-hidden="true"><span className="bar-fill" style={{ width: `${Math.max(2, (n / max) * 100)}%` }} /></span>
          <span className="bar-value">{n.toLocaleString(t.locale)}{total > 0 && <span className="bar-share"> ({(n / total).toLocaleString(t.locale, { style: 'percent', maximumFractionDigits: 0 })})</span>}</span>
        </li>
      ))}
    </ul>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
