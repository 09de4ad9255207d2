import { echoWindow, ratio } from './analytics-window.js';
import type { AnalyticsWindow, Queryable } from './analytics-window.js';
import { compareKeys, DIMENSION_SQL, groupKey } from './win-loss-dimensions.js';
import type { GroupKey, WinLossDimension } from './win-loss-dimensions.js';
import { splitWindow } from './win-loss-window-split.js';
import { factsTable, rollupTable } from './win-loss.tables.js';

export type MoneyTotal = { amount: string; currency: string };

// winRate = won / (won + lost), 4 places; withdrawn and cancelled are reported beside it, never in it.
export type WinLossFigures = {
  won: number;
  lost: number;
  withdrawn: number;
  cancelled: number;
  winRate: string | null;
  wonValue: MoneyTotal[]; // contract values as signed, per currency
  lostValue: MoneyTotal[]; // our last submitted bid (the estimate when we never bid), per currency
};
export type WinLossGroup = WinLossFigures & { key: GroupKey };
export type WinLossParams = AnalyticsWindow & { groupBy?: WinLossDimension };
export type WinLossReport = {
  groupBy: WinLossDimension | null;
  from: string | null;
  to: string | null;
  groups: WinLossGroup[];
  total: WinLossFigures; // each project once, even when grouped by competitor
};

// Whole months from the rollup ($1 dimension, months [$2, $3)), the partial months at the edges
// from the facts ([$4, $5) and [$6, $7)), added up per key, currency and outcome.
const WIN_LOSS_SUMS = (facts: string, rollup: string, sql: (typeof DIMENSION_SQL)[WinLossDimension]) => `
  with contributions as (
    select ${sql.rollupKey} as key, r.currency, r.outcome, r.projects, r.value
      from ${rollup} r
     where r.dimension = $1 and r.month >= $2::date and r.month < $3::date
    union all
    select ${sql.factKey} as key, f.deal_currency, f.outcome, 1, f.deal_value
      from ${facts} f ${sql.join}
     where f.outcome <> 'open'
       and ((f.decided_at >= $4::timestamptz and f.decided_at < $5::timestamptz) or (f.decided_at >= $6::timestamptz and f.decided_at < $7::timestamptz))
  )
  select key, currency, outcome, sum(projects)::int as projects, sum(value)::text as value
    from contributions
   group by key, currency, outcome
  having sum(projects) <> 0`;

type SumRow = { key: string | null; currency: string; outcome: string; projects: number; value: string };
const TOTAL_SQL = { factKey: 'null::text', join: '', rollupDimension: 'total', rollupKey: 'r.key' };

function emptyFigures(): WinLossFigures {
  return { won: 0, lost: 0, withdrawn: 0, cancelled: 0, winRate: null, wonValue: [], lostValue: [] };
}

// Rows are already summed per currency; this only lays them out per key.
function toFigures(rows: readonly SumRow[], dimension: WinLossDimension | undefined): Map<GroupKey, WinLossFigures> {
  const groups = new Map<GroupKey, WinLossFigures>();
  for (const row of [...rows].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))) {
    const key = groupKey(dimension, row.key);
    const figures = groups.get(key) ?? emptyFigures();
    groups.set(key, figures);
    if (row.outcome === 'won' || row.outcome === 'lost' || row.outcome === 'withdrawn' || row.outcome === 'cancelled') figures[row.outcome] += row.projects;
    if (row.outcome === 'won') figures.wonValue.push({ amount: row.value, currency: row.currency });
    if (row.outcome === 'lost') figures.lostValue.push({ amount: row.value, currency: row.currency });
  }
  for (const figures of groups.values()) figures.winRate = ratio(figures.won, figures.won + figures.lost);
  return groups;
}

async function sums(db: Queryable, schema: string, params: WinLossParams, sql: (typeof DIMENSION_SQL)[WinLossDimension]) {
  const { months, edges } = splitWindow(params);
  const [first = [null, null], second = [null, null]] = edges;
  const { rows } = await db.query<SumRow>(WIN_LOSS_SUMS(factsTable(schema), rollupTable(schema), sql), [sql.rollupDimension, ...months, ...first, ...second]);
  return rows;
}

// The grouped win/loss figures over decided projects in the window (the benchmark's query).
export async function queryWinLoss(db: Queryable, schema: string, params: WinLossParams): Promise<WinLossReport> {
  // One after the other: `db` may be a single client, which must not run two queries at once.
  const grouped = params.groupBy ? toFigures(await sums(db, schema, params, DIMENSION_SQL[params.groupBy]), params.groupBy) : new Map();
  const total = toFigures(await sums(db, schema, params, TOTAL_SQL), undefined).get(null) ?? emptyFigures();
  return {
    groupBy: params.groupBy ?? null,
    ...echoWindow(params),
    groups: [...grouped].sort(([a], [b]) => compareKeys(a, b)).map(([key, figures]) => ({ key, ...figures })),
    total,
  };
}
