import { DECIDED_IN_WINDOW, echoWindow, windowParams } from './analytics-window.js';
import type { AnalyticsWindow, Queryable } from './analytics-window.js';
import { DIMENSION_SQL, groupKey } from './win-loss-dimensions.js';
import type { GroupKey, WinLossDimension } from './win-loss-dimensions.js';
import { factsTable } from './win-loss.tables.js';
import type { MoneyTotal } from './win-loss.query.js';

// Gaps are decimal strings to 4 places. Lost: (ours − winner) / winner, > 0 means we were dearer.
// Won: (runner-up − ours) / ours, > 0 means we left that much on the table.
export type PriceGapItem = {
  projectId: string;
  outcome: 'won' | 'lost';
  decidedAt: string;
  segment: string;
  region: string;
  leadSource: string;
  entryMode: string | null;
  customerTier: string | null;
  competitors: string[];
  revisionCount: number;
  ourBid: MoneyTotal;
  winner: string | null;
  winningAmount: MoneyTotal | null;
  runnerUpAmount: MoneyTotal | null;
  priceGap: string;
};
export type PriceGapSummary = { key: GroupKey; outcome: 'won' | 'lost'; projects: number; medianGap: string };
// Keyset: the last item of the previous page, in the list's order (latest decision first).
export type PriceGapKey = { decidedAt: string; projectId: string };
export type PriceGapsParams = AnalyticsWindow & { groupBy?: WinLossDimension; limit: number; after?: PriceGapKey };
export type PriceGapsReport = {
  from: string | null;
  to: string | null;
  groupBy: WinLossDimension | null;
  summary: PriceGapSummary[];
  items: PriceGapItem[];
  nextAfter: PriceGapKey | null;
};

const WITH_GAP = `${DECIDED_IN_WINDOW} and f.outcome in ('won', 'lost') and f.price_gap is not null`;

const MEDIAN_GAPS = (table: string, key: string, join: string) => `
  select ${key} as key, f.outcome, count(*)::int as projects,
         round((percentile_cont(0.5) within group (order by f.price_gap::float8))::numeric, 4)::text as median_gap
    from ${table} f ${join}
   where ${WITH_GAP}
   group by 1, 2
   order by 1 nulls last, 2`;

const GAP_ITEMS = (table: string) => `
  select f.project_id, f.outcome, f.decided_at, f.segment, f.region, f.lead_source, f.entry_mode, f.customer_tier,
         f.competitors, f.revision_count, f.currency, f.our_bid::text, f.winner, f.winning_amount::text,
         f.winning_currency, f.runner_up_amount::text, round(f.price_gap, 4)::text as price_gap
    from ${table} f
   where ${WITH_GAP}
     and ($3::timestamptz is null or (f.decided_at, f.project_id) < ($3::timestamptz, $4::text))
   order by f.decided_at desc, f.project_id desc
   limit $5`;

type GapRow = {
  project_id: string; outcome: 'won' | 'lost'; decided_at: Date; segment: string; region: string; lead_source: string;
  entry_mode: string | null; customer_tier: string | null; competitors: string[]; revision_count: number; currency: string;
  our_bid: string; winner: string | null; winning_amount: string | null; winning_currency: string | null;
  runner_up_amount: string | null; price_gap: string;
};

function toItem(row: GapRow): PriceGapItem {
  return {
    projectId: row.project_id, outcome: row.outcome, decidedAt: row.decided_at.toISOString(), segment: row.segment,
    region: row.region, leadSource: row.lead_source, entryMode: row.entry_mode, customerTier: row.customer_tier,
    competitors: row.competitors, revisionCount: row.revision_count,
    ourBid: { amount: row.our_bid, currency: row.currency },
    winner: row.winner,
    winningAmount: row.winning_amount === null ? null : { amount: row.winning_amount, currency: row.winning_currency! },
    runnerUpAmount: row.runner_up_amount === null ? null : { amount: row.runner_up_amount, currency: row.currency },
    priceGap: row.price_gap,
  };
}

// Per-project gaps (a page of them) and the median gap per outcome (and group).
export async function queryPriceGaps(db: Queryable, schema: string, params: PriceGapsParams): Promise<PriceGapsReport> {
  const table = factsTable(schema);
  const window = windowParams(params);
  const grouping = params.groupBy ? DIMENSION_SQL[params.groupBy] : { factKey: 'null::text', join: '' };
  const summary = await db.query(MEDIAN_GAPS(table, grouping.factKey, grouping.join), window);
  const after = params.after ? [params.after.decidedAt, params.after.projectId] : [null, null];
  const page = await db.query<GapRow>(GAP_ITEMS(table), [...window, ...after, params.limit + 1]);
  const items = page.rows.slice(0, params.limit).map(toItem);
  const last = items.at(-1);
  return {
    ...echoWindow(params),
    groupBy: params.groupBy ?? null,
    summary: summary.rows.map((row) => ({ key: groupKey(params.groupBy, row.key), outcome: row.outcome, projects: row.projects, medianGap: row.median_gap })),
    items,
    nextAfter: page.rows.length > params.limit && last ? { decidedAt: last.decidedAt, projectId: last.projectId } : null,
  };
}
