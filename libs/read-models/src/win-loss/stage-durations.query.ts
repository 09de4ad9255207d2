import { WORKING_STAGES } from '#domain';
import type { WorkingStage } from '#domain';
import { DECIDED_IN_WINDOW, echoWindow, windowParams } from './analytics-window.js';
import type { AnalyticsWindow, Queryable } from './analytics-window.js';
import { factsTable } from './win-loss.tables.js';

// Days are numbers rounded to 2 places (they are durations, not money).
export type StageDuration = { stage: WorkingStage; sampleSize: number; medianDays: number | null; p90Days: number | null };
export type StageDurationsReport = { from: string | null; to: string | null; stages: StageDuration[] };

// One (stage, days) pair per completed stay of a decided project; a stay still running has no
// days yet and is left out. percentile_cont interpolates, so it needs float8.
const STAGE_DAY_PERCENTILES = (table: string) => `
  select d.stage, count(*)::int as sample_size,
         round((percentile_cont(0.5) within group (order by d.days::float8))::numeric, 2)::float8 as median_days,
         round((percentile_cont(0.9) within group (order by d.days::float8))::numeric, 2)::float8 as p90_days
    from ${table} f
   cross join lateral (values ${WORKING_STAGES.map((stage) => `('${stage}', f.${stage}_days)`).join(', ')}) as d(stage, days)
   where ${DECIDED_IN_WINDOW} and d.days is not null
   group by d.stage`;

type PercentileRow = { stage: WorkingStage; sample_size: number; median_days: number; p90_days: number };

export async function queryStageDurations(db: Queryable, schema: string, window: AnalyticsWindow): Promise<StageDurationsReport> {
  const { rows } = await db.query<PercentileRow>(STAGE_DAY_PERCENTILES(factsTable(schema)), windowParams(window));
  const byStage = new Map(rows.map((row) => [row.stage, row]));
  const stages = WORKING_STAGES.map((stage): StageDuration => {
    const row = byStage.get(stage);
    return { stage, sampleSize: row?.sample_size ?? 0, medianDays: row?.median_days ?? null, p90Days: row?.p90_days ?? null };
  });
  return { ...echoWindow(window), stages };
}
