// Accounts (IT staff): every account with its kind, class, hash scheme and findings; filter, sort and search.
// Only the rows on screen are in the page (TanStack Virtual), so 100,000 accounts scroll smoothly.
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AccountFinding, AccountReport, ScanReport } from '../../../shared/contract/index.ts';
import { ACCOUNT_FINDING_CODES, PROFILES, SEVERITIES } from '../../../shared/contract/codes.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { patternName } from '../i18n/pattern-names.ts';
import { hasLikelyDefault, isImposed, needsForcedRenewal } from '../model/known-passwords.ts';
import { filterAccounts, NO_FILTER, sortAccounts, type AccountColumn, type AccountFilter, type AccountSort } from '../model/account-filter.ts';

const ROW_HEIGHT = 40;
const COLUMNS: readonly AccountColumn[] = ['login', 'profile', 'classes', 'scheme', 'risk', 'findings'];

export function AccountsPage({ report }: { report: ScanReport | null }) {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState<AccountFilter>(NO_FILTER);
  const [sort, setSort] = useState<AccountSort>({ column: 'risk', descending: false });
  const deferredFilter = useDeferredValue(filter);
  const scrollRef = useRef<HTMLDivElement>(null);

  // Sort the whole list once per order, then filter it: filters change often and filtering keeps the order.
  const sorted = useMemo(() => (report === null ? [] : sortAccounts(report.accounts, sort)), [report, sort]);
  const shapeLabels = useMemo(() => imposedLabels(report), [report]);
  const anyForced = useMemo(() => report !== null && report.accounts.some(needsForcedRenewal), [report]);
  const rows = useMemo(() => filterAccounts(sorted, deferredFilter), [sorted, deferredFilter]);

  const columns = useMemo<ColumnDef<AccountReport>[]>(() => [
    { id: 'login', cell: ({ row }) => <span className="login" title={row.original.dn}>{row.original.login}</span> },
    { id: 'profile', cell: ({ row }) => t.profiles.one[row.original.profile] },
    { id: 'classes', cell: ({ row }) => row.original.classes.join(', ') },
    { id: 'scheme', cell: ({ row }) => <code>{row.original.hashScheme}</code> },
    {
      id: 'risk',
      cell: ({ row }) => row.original.risk === null
        ? <span className="severity severity-none">{t.accounts.noRisk}</span>
        : <span className={`severity severity-${row.original.risk}`}>{t.severities[row.original.risk]}</span>,
    },
    {
      id: 'findings',
      cell: ({ row }) => {
        const text = findingsText(row.original, t, language, shapeLabels);
        // Seen first, before the text the column may cut: this password is known to others, renew it by force.
        const mark = isImposed(row.original) ? t.accounts.marks.imposed : hasLikelyDefault(row.original) ? t.accounts.marks.sharedDefault : null;
        return <span title={text}>{mark !== null && <span className="forced-mark">{mark}</span>}{text}</span>;
      },
    },
  ], [t, language, shapeLabels]);

  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, manualFiltering: true });
  const tableRows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  if (report === null) {
    return (
      <section aria-labelledby="page-title" className="page">
        <PageTitle>{t.accounts.title}</PageTitle>
        <p className="lead">{t.summary.empty}</p>
      </section>
    );
  }

  const update = <K extends keyof AccountFilter>(key: K, value: AccountFilter[K]) => setFilter((f) => ({ ...f, [key]: value }));
  const toggleSort = (column: AccountColumn) => {
    setSort((s) => (s.column === column ? { column, descending: !s.descending } : { column, descending: false }));
    scrollRef.current?.scrollTo({ top: 0 });
  };

  return (
    <section aria-labelledby="page-title" className="page accounts-page">
      <PageTitle>{t.accounts.title}</PageTitle>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field field-search">
          <label htmlFor="account-search">{t.accounts.search}</label>
          <input
            id="account-search" type="search" autoComplete="off" spellCheck={false} value={filter.search}
            onChange={(e) => update('search', e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && filter.search !== '') {
                e.preventDefault();
                update('search', '');
              }
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="filter-profile">{t.accounts.profileFilter}</label>
          <select id="filter-profile" value={filter.profile ?? ''} onChange={(e) => update('profile', e.target.value === '' ? null : e.target.value as AccountFilter['profile'])}>
            <option value="">{t.accounts.all}</option>
            {PROFILES.map((p) => <option key={p} value={p}>{t.profiles.plural[p]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-code">{t.accounts.codeFilter}</label>
          <select id="filter-code" value={filter.code ?? ''} onChange={(e) => update('code', e.target.value === '' ? null : e.target.value as AccountFilter['code'])}>
            <option value="">{t.accounts.all}</option>
            {ACCOUNT_FINDING_CODES.map((c) => <option key={c} value={c}>{t.codes[c]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-severity">{t.accounts.severityFilter}</label>
          <select id="filter-severity" value={filter.severity ?? ''} onChange={(e) => update('severity', e.target.value === '' ? null : e.target.value as AccountFilter['severity'])}>
            <option value="">{t.accounts.all}</option>
            {SEVERITIES.map((s) => <option key={s} value={s}>{t.severities[s]}</option>)}
          </select>
        </div>
        <label className="checkbox-inline">
          <input type="checkbox" checked={filter.onlyWithFindings} onChange={(e) => update('onlyWithFindings', e.target.checked)} /> {t.accounts.onlyWithFindings}
        </label>
        {anyForced && (
          <label className="checkbox-inline">
            <input type="checkbox" checked={filter.forcedRenewal} onChange={(e) => update('forcedRenewal', e.target.checked)} /> {t.accounts.onlyForcedRenewal}
          </label>
        )}
        <button type="button" className="button-secondary" onClick={() => setFilter(NO_FILTER)}>{t.accounts.clearFilters}</button>
      </form>
      <p className="meta" role="status" aria-live="polite" data-testid="accounts-count">{t.accounts.shown(rows.length, report.accounts.length)}</p>

      <div className="table-scroll" ref={scrollRef} tabIndex={0} role="region" aria-label={t.accounts.tableLabel}>
        <table className="accounts-table" aria-rowcount={rows.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((column) => {
                const active = sort.column === column;
                return (
                  <th key={column} scope="col" className={`col-${column}`} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                    <button type="button" className="sort-button" onClick={() => toggleSort(column)} title={t.accounts.sortBy(t.accounts.columns[column])}>
                      {t.accounts.columns[column]}
                      <span aria-hidden="true" className="sort-mark">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }}><td colSpan={COLUMNS.length} /></tr>}
            {items.map((item) => {
              const row = tableRows[item.index];
              if (row === undefined) return null;
              return (
                <tr key={row.id} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }} data-login={row.original.login}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={`col-${cell.column.id}`}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }}><td colSpan={COLUMNS.length} /></tr>}
          </tbody>
        </table>
        {rows.length === 0 && <p className="empty-table">{t.accounts.none}</p>}
      </div>
    </section>
  );
}

type Translations = ReturnType<typeof useI18n>['t'];

/** The imposed schemes' labels by shape, from the report's IMPOSED_PASSWORD_SCHEME findings. */
type ShapeLabels = ReadonlyMap<string, { fr: string; en: string }>;

function imposedLabels(report: ScanReport | null): ShapeLabels {
  const labels = new Map<string, { fr: string; en: string }>();
  for (const f of report?.directoryFindings ?? []) {
    if (f.code === 'IMPOSED_PASSWORD_SCHEME' && f.shape !== undefined && f.shapeLabel !== undefined) labels.set(f.shape, f.shapeLabel);
  }
  return labels;
}

function findingText(finding: AccountFinding, t: Translations, language: 'fr' | 'en', shapeLabels: ShapeLabels): string {
  const parts = [t.codes[finding.code]];
  const pattern = patternName(finding, language);
  // The imposed formula is named as the school's own (its shape label: case and punctuation included).
  if (finding.imposedScheme === true) {
    const label = (finding.shape === undefined ? undefined : shapeLabels.get(finding.shape)?.[language]) ?? pattern;
    parts.push(t.accounts.imposedScheme(label));
  } else if (pattern !== null) parts.push(pattern);
  if (finding.code === 'SHARED_PASSWORD' && finding.groupSize !== undefined) parts.push(t.accounts.sharedWith(finding.groupSize));
  if (finding.code === 'SHARED_PASSWORD' && finding.likelyDefault === true) parts.push(t.accounts.likelyDefault);
  if (finding.scheme !== undefined && finding.code !== 'CLEARTEXT_PASSWORD') parts.push(finding.scheme);
  return parts.length === 1 ? parts[0]! : `${parts[0]} (${parts.slice(1).join(', ')})`;
}

function findingsText(account: AccountReport, t: Translations, language: 'fr' | 'en', shapeLabels: ShapeLabels): string {
  const texts = account.findings.map((f) => findingText(f, t, language, shapeLabels));
  if (account.unchecked === true) texts.push(t.accounts.unchecked);
  return texts.length === 0 ? t.accounts.noFinding : texts.join(' · ');
}
