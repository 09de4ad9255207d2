import { DECIDED_IN_WINDOW, echoWindow, ratio, windowParams } from './analytics-window.js';
import type { AnalyticsWindow, Queryable } from './analytics-window.js';
import { factsTable } from './win-loss.tables.js';

export type LossReasonShare = { reason: string; count: number; share: string | null };
export type LossReasonsReport = { from: string | null; to: string | null; lost: number; reasons: LossReasonShare[] };

const LOSS_REASON_COUNTS = (table: string) => `
  select f.loss_reason as reason, count(*)::int as count
    from ${table} f
   where ${DECIDED_IN_WINDOW} and f.outcome = 'lost'
   group by f.loss_reason
   order by count desc, reason`;

// Each loss reason's share among the projects lost in the window (4 places), most frequent first.
export async function queryLossReasons(db: Queryable, schema: string, window: AnalyticsWindow): Promise<LossReasonsReport> {
  const { rows } = await db.query<{ reason: string; count: number }>(LOSS_REASON_COUNTS(factsTable(schema)), windowParams(window));
  const lost = rows.reduce((sum, row) => sum + row.count, 0);
  return { ...echoWindow(window), lost, reasons: rows.map((row) => ({ ...row, share: ratio(row.count, lost) })) };
}
