// Accounts (IT staff): every account with its kind, class, hash scheme and findings; filter, sort and search;
// a detail panel per account (why, what to do, stored schemes by name) and the filtered list as CSV (issue #13 §5).
// Only the rows on screen are in the page (TanStack Virtual), so 100,000 accounts scroll smoothly; rows grow to
// show the whole problems text.
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AccountReport, ScanReport } from '../../../shared/contract/index.ts';
import { ACCOUNT_FINDING_CODES, PROFILES, SEVERITIES } from '../../../shared/contract/codes.ts';
import { AccountDetail } from '../components/AccountDetail.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { needsForcedRenewal } from '../model/known-passwords.ts';
import { filterAccounts, NO_FILTER, sortAccounts, type AccountColumn, type AccountFilter, type AccountSort } from '../model/account-filter.ts';
import { findingsText, forcedRenewal, imposedLabels, schemeName } from '../model/account-text.ts';
import { accountsCsv, accountsCsvFileName } from '../model/accounts-csv.ts';
import { safeFileName } from '../model/export-file.ts';

/** A one-line row as drawn (styles.css: 4 px padding, a severity badge); a row whose problems wrap is measured. */
const ROW_HEIGHT = 29;
const COLUMNS: readonly AccountColumn[] = ['login', 'profile', 'classes', 'scheme', 'risk', 'findings'];

/** `schoolName`: the school's saved name (the history's label), for the export's file name. */
export function AccountsPage({ report, schoolName = null }: { report: ScanReport | null; schoolName?: string | null }) {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState<AccountFilter>(NO_FILTER);
  const [sort, setSort] = useState<AccountSort>({ column: 'risk', descending: false });
  const deferredFilter = useDeferredValue(filter);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [openDn, setOpenDn] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const urls = useRef<string[]>([]);
  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);
  // Another report: its accounts are others.
  useEffect(() => {
    setOpenDn(null);
    setExported(null);
  }, [report]);

  // Sort the whole list once per order, then filter it: filters change often and filtering keeps the order.
  const sorted = useMemo(() => (report === null ? [] : sortAccounts(report.accounts, sort)), [report, sort]);
  const shapeLabels = useMemo(() => imposedLabels(report), [report]);
  const anyForced = useMemo(() => report !== null && report.accounts.some(needsForcedRenewal), [report]);
  const rows = useMemo(() => filterAccounts(sorted, deferredFilter), [sorted, deferredFilter]);
  const open = useMemo(() => (openDn === null ? undefined : report?.accounts.find((a) => a.dn === openDn)), [report, openDn]);

  const columns = useMemo<ColumnDef<AccountReport>[]>(() => [
    { id: 'login', cell: ({ row }) => <span className="login" title={row.original.dn}>{row.original.login}</span> },
    { id: 'profile', cell: ({ row }) => t.profiles.one[row.original.profile] },
    { id: 'classes', cell: ({ row }) => row.original.classes.join(', ') },
    { id: 'scheme', cell: ({ row }) => schemeName(row.original.hashScheme, t) },
    {
      id: 'risk',
      cell: ({ row }) => row.original.risk === null
        ? <span className="severity severity-none">{t.accounts.noRisk}</span>
        : <span className={`severity severity-${row.original.risk}`}>{t.severities[row.original.risk]}</span>,
    },
    {
      id: 'findings',
      cell: ({ row }) => {
        const forced = forcedRenewal(row.original);
        // Seen first: this password is known to others, renew it by force.
        return <>{forced !== null && <span className="forced-mark">{t.accounts.marks[forced]}</span>}{findingsText(row.original, t, language, shapeLabels)}</>;
      },
    },
  ], [t, language, shapeLabels]);

  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, manualFiltering: true });
  const tableRows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A row's measured height follows its account, not its place, when the filter or the order changes.
    getItemKey: (index) => rows[index]?.dn ?? index,
    // Rows grow with their problems' text: measured once drawn, remeasured when the width changes.
    measureElement: (element) => element.getBoundingClientRect().height,
    overscan: 12,
  });
  // Rows measured while the list scrolls (End, a drag of the bar, a wheel fling) do not move it under the reader:
  // an adjustment would stop the browser's own scroll half-way. Once it rests, rows above the view are compensated.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = (item, _delta, instance) => !instance.isScrolling && item.start < (instance.scrollOffset ?? 0);
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

  const closeDetail = () => {
    const dn = openDn;
    setOpenDn(null);
    // Back to the row it was opened from, when it is still drawn; else to the list.
    requestAnimationFrame(() => {
      const row = dn === null ? null : [...(scrollRef.current?.querySelectorAll<HTMLElement>('tr[data-dn]') ?? [])].find((r) => r.dataset.dn === dn);
      (row ?? scrollRef.current)?.focus();
    });
  };

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, account: AccountReport) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setOpenDn(account.dn);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      let next = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
      while (next !== null && !(next instanceof HTMLElement && next.dataset.dn !== undefined)) next = e.key === 'ArrowDown' ? next.nextElementSibling : next.previousElementSibling;
      (next as HTMLElement | null)?.focus();
    }
  };

  const exportCsv = () => {
    const fileName = safeFileName(accountsCsvFileName(report, schoolName, t, language));
    const blob = new Blob([accountsCsv(rows, t, language, shapeLabels)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    urls.current.push(url);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
    setExported(t.accounts.exported(fileName, rows.length));
  };

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
      <div className="accounts-bar">
        <p className="meta" role="status" aria-live="polite" data-testid="accounts-count">{t.accounts.shown(rows.length, report.accounts.length)}</p>
        <p className="meta accounts-hint" id="accounts-hint">{t.accounts.openDetail}</p>
        <button type="button" className="button-secondary" onClick={exportCsv} disabled={rows.length === 0}>{t.accounts.exportCsv}</button>
        {exported !== null && <p className="meta accounts-exported" role="status" data-testid="accounts-exported">{exported}</p>}
      </div>

      <div className={`accounts-body${open === undefined ? '' : ' with-detail'}`}>
      <div
        className="table-scroll" ref={scrollRef} tabIndex={0} role="region" aria-label={t.accounts.tableLabel} aria-describedby="accounts-hint"
        onKeyDown={(e) => {
          // The browser's own End aims at the bottom as estimated before the last rows are measured, and stops short
          // of it; the list goes there itself, measuring on the way.
          if ((e.key === 'End' || e.key === 'Home') && !e.altKey && !e.shiftKey && rows.length > 0) {
            e.preventDefault();
            virtualizer.scrollToIndex(e.key === 'End' ? rows.length - 1 : 0, { align: e.key === 'End' ? 'end' : 'start' });
          }
        }}
      >
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
                <tr
                  key={row.id} aria-rowindex={item.index + 2} data-index={item.index} ref={virtualizer.measureElement}
                  data-login={row.original.login} data-dn={row.original.dn} tabIndex={0}
                  className={row.original.dn === openDn ? 'account-row selected' : 'account-row'}
                  aria-current={row.original.dn === openDn ? 'true' : undefined}
                  onClick={() => setOpenDn(row.original.dn)} onKeyDown={(e) => onRowKey(e, row.original)}
                >
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
      {open !== undefined && <AccountDetail account={open} shapeLabels={shapeLabels} onClose={closeDetail} />}
      </div>
    </section>
  );
}
