import { WORKING_STAGES } from '#domain';
import type { WorkingStage } from '#domain';
import { DECIDED_IN_WINDOW, echoWindow, ratio, windowParams } from './analytics-window.js';
import type { AnalyticsWindow, Queryable } from './analytics-window.js';
import { factsTable } from './win-loss.tables.js';

export type FunnelStage = {
  stage: WorkingStage;
  reached: number;
  reachedNext: number | null; // null for the last stage
  shareReachedNext: string | null;
  won: number;
  shareWon: string | null;
};
export type FunnelReport = { from: string | null; to: string | null; decided: number; stages: FunnelStage[] };

// Decided projects counted by the furthest stage they reached and whether they were won; the
// funnel is the running total from the far end (a project that reached S reached every stage before).
const REACHED_COUNTS = (table: string) => `
  select f.stage_reached as stage, count(*)::int as projects, count(*) filter (where f.outcome = 'won')::int as won
    from ${table} f
   where ${DECIDED_IN_WINDOW}
   group by f.stage_reached`;

export async function queryFunnel(db: Queryable, schema: string, window: AnalyticsWindow): Promise<FunnelReport> {
  const { rows } = await db.query<{ stage: WorkingStage; projects: number; won: number }>(REACHED_COUNTS(factsTable(schema)), windowParams(window));
  const furthest = new Map(rows.map((row) => [row.stage, row]));
  const reached: number[] = [];
  const won: number[] = [];
  for (let i = WORKING_STAGES.length - 1; i >= 0; i -= 1) {
    const here = furthest.get(WORKING_STAGES[i]!);
    reached[i] = (reached[i + 1] ?? 0) + (here?.projects ?? 0);
    won[i] = (won[i + 1] ?? 0) + (here?.won ?? 0);
  }
  const stages = WORKING_STAGES.map((stage, i): FunnelStage => {
    const next = i + 1 < WORKING_STAGES.length ? reached[i + 1]! : null;
    return {
      stage,
      reached: reached[i]!,
      reachedNext: next,
      shareReachedNext: next === null ? null : ratio(next, reached[i]!),
      won: won[i]!,
      shareWon: ratio(won[i]!, reached[i]!),
    };
  });
  return { ...echoWindow(window), decided: reached[0]!, stages };
}
