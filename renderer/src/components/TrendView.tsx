// The trend (issue #13 §2): one sentence that compares only what compares — the same source at the same depth —
// and says plainly when the scan just before does not; then the school's last scans as bars, each dated (day and
// time) with its score. A scan of another depth or source is drawn pale and named as not compared; one that could
// not be graded (issue #15 §2) has no bar.
import { useI18n } from '../i18n/i18n.tsx';
import type { Trend, TrendPoint } from '../model/trend.ts';
import { historyEntryText } from '../model/history-entry.ts';

const BAR_SLOT = 56;
const BAR_HEIGHT = 64;
const TOP = 14;
const BOTTOM = 30;

export function TrendView({ trend }: { trend: Trend }) {
  const { t } = useI18n();
  const depthOf = (p: TrendPoint): string => (p.depth === undefined ? t.history.depthUnknown : t.depths.names[p.depth]);
  const previousWhen = trend.previous === null ? '' : t.history.when(trend.previous.finishedAt);
  const previousDepth = trend.previous === null ? '' : depthOf(trend.previous);
  const earlier = trend.points.length > 1;
  const sentence = !trend.currentGraded ? t.summary.trendNotGraded
    : trend.delta === null
      // Earlier scans that compare but none graded, or none that compares at all.
      ? (!earlier ? t.summary.trendFirst : trend.points.slice(0, -1).some((p) => p.comparable) ? t.summary.trendNoEarlierGrade : t.trend.noComparable)
      : trend.delta > 0 ? t.trend.up(trend.delta, previousWhen, previousDepth)
        : trend.delta < 0 ? t.trend.down(-trend.delta, previousWhen, previousDepth) : t.trend.same(previousWhen, previousDepth);
  const skipped = trend.skipped === null ? null
    : t.trend.skipped(t.history.when(trend.skipped.entry.finishedAt), trend.skipped.depth ? depthOf(trend.skipped.entry) : null, trend.skipped.source);

  const width = Math.max(240, trend.points.length * BAR_SLOT);
  const step = width / Math.max(1, trend.points.length);
  return (
    <>
      <p className="trend-sentence" data-testid="trend-sentence">{sentence}</p>
      {skipped !== null && <p className="trend-skipped" data-testid="trend-skipped">{skipped}</p>}
      {earlier && (
        <svg
          className="trend-chart" viewBox={`0 0 ${width} ${TOP + BAR_HEIGHT + BOTTOM}`} style={{ maxWidth: `${width}px` }}
          role="img" aria-label={t.trend.chartLabel(trend.points.length)} data-testid="trend-chart"
        >
          {trend.points.map((point, i) => {
            // A scan that was not graded has no bar: its score is no score.
            const h = point.graded ? Math.max(2, (point.score / 100) * BAR_HEIGHT) : 2;
            const x = i * step + 6;
            const middle = i * step + step / 2;
            const fill = !point.graded ? 'trend-bar trend-bar-none' : point.comparable ? `trend-bar grade-fill-${point.grade}` : 'trend-bar trend-bar-other';
            const title = `${historyEntryText(point, t, point.graded)}${point.comparable ? '' : ` (${t.trend.otherBar})`}`;
            return (
              <g key={point.reportId} data-comparable={point.comparable}>
                <title>{title}</title>
                <rect x={x} y={TOP + BAR_HEIGHT - h} width={Math.max(4, step - 12)} height={h} className={fill} />
                <text x={middle} y={TOP + BAR_HEIGHT - h - 3} textAnchor="middle" className="trend-score">{point.graded ? point.score : '—'}</text>
                <text x={middle} y={TOP + BAR_HEIGHT + 12} textAnchor="middle" className="trend-label">{t.trend.barDay(point.finishedAt)}</text>
                <text x={middle} y={TOP + BAR_HEIGHT + 25} textAnchor="middle" className="trend-label trend-time">{t.trend.barTime(point.finishedAt)}</text>
              </g>
            );
          })}
        </svg>
      )}
    </>
  );
}
