// One past scan in a line a person can tell apart from the others (issue #13 §2): the school, the date and the
// time, the depth, the source and the grade. « Collège Test — 5 déc. 2026 (D) » twice said nothing.
import type { HistoryEntry } from '../../../shared/contract/index.ts';
import type { Messages } from '../i18n/messages-fr.ts';

/** `graded`: false for a scan that could check nothing, whose grade means nothing. */
export function historyEntryText(entry: HistoryEntry, t: Messages, graded = entry.graded !== false): string {
  const source = t.history.source(entry.sourceKind, entry.source);
  // A scan without a saved school is labelled by its source: say it once.
  const label = entry.label === entry.source ? source : entry.label;
  const parts = [
    label,
    t.history.when(entry.finishedAt),
    entry.depth === undefined ? t.history.depthUnknown : t.depths.names[entry.depth].toLowerCase(),
    ...(entry.label === entry.source ? [] : [source]),
  ];
  return `${parts.join(' — ')} (${graded ? t.history.grade(entry.grade) : t.summary.notGraded})`;
}
