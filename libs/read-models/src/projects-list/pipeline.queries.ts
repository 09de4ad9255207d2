import { WORKING_STAGES, type WorkingStage } from '#domain';
import type { Queryable } from '../generations/generation.js';
import { quoteIdent } from '../projection.js';

// The chance a pursuit in this stage turns into revenue, for the weighted pipeline. Signed
// work (implementation, transition) counts in full. Exact decimals: SQL numeric, never floats.
export const STAGE_WEIGHTS: Record<WorkingStage, string> = {
  search: '0.10',
  preparation: '0.20',
  quotation: '0.40',
  negotiation: '0.60',
  implementation: '1.00',
  transition: '1.00',
};

export type MoneyTotal = { amount: string; currency: string };
export type PipelineStage = { stage: WorkingStage; weight: string; count: number; estimatedValue: MoneyTotal[]; weightedValue: MoneyTotal[] };
export type PipelineFilter = { segment?: string; region?: string; leadSource?: string };

// Closed projects are out of the pipeline. Money is summed per currency, never converted;
// the weighted sum is rounded half away from zero to cents once, after summing.
const selectPipeline = (schema: string) => `
  select p.stage, p.estimated_currency as currency, count(*)::integer as count,
         sum(p.estimated_amount)::text as estimated, round(sum(p.estimated_amount) * w.weight, 2)::text as weighted
    from ${quoteIdent(schema)}.projects p
    join unnest($1::text[], $2::numeric[]) as w(stage, weight) on w.stage = p.stage
   where ($3::text is null or p.segment = $3)
     and ($4::text is null or p.region = $4)
     and ($5::text is null or p.lead_source = $5)
   group by p.stage, p.estimated_currency, w.weight
   order by p.estimated_currency`;

type PipelineRow = { stage: WorkingStage; currency: string; count: number; estimated: string; weighted: string };

export async function readPipeline(db: Queryable, schema: string, filter: PipelineFilter): Promise<PipelineStage[]> {
  const { rows } = await db.query<PipelineRow>(selectPipeline(schema), [
    WORKING_STAGES, WORKING_STAGES.map((stage) => STAGE_WEIGHTS[stage]), filter.segment ?? null, filter.region ?? null, filter.leadSource ?? null,
  ]);
  return WORKING_STAGES.map((stage) => {
    const mine = rows.filter((row) => row.stage === stage);
    return {
      stage,
      weight: STAGE_WEIGHTS[stage],
      count: mine.reduce((sum, row) => sum + row.count, 0),
      estimatedValue: mine.map((row) => ({ amount: row.estimated, currency: row.currency })),
      weightedValue: mine.map((row) => ({ amount: row.weighted, currency: row.currency })),
    };
  });
}
