import { WORKING_STAGES } from '#domain';
import type { WorkingStage } from '#domain';
import { noStageDays } from './win-loss-fact.js';
import type { WinLossFact } from './win-loss-fact.js';

type SqlType = 'text' | 'integer' | 'numeric' | 'timestamptz' | 'jsonb';
type Field = Exclude<keyof WinLossFact, 'stageDays'>;
export type FactColumn = { name: string; type: SqlType } & ({ field: Field } | { stage: WorkingStage });

const col = (name: string, type: SqlType, field: Field): FactColumn => ({ name, type, field });

// The one mapping between a fact and its row: the upsert's column list, its unnest() casts, the
// parameter arrays and the read-back all come from here, so they cannot drift apart.
// Competitors are written as jsonb because unnest() cannot take a ragged text[][].
export const FACT_COLUMNS: readonly FactColumn[] = [
  col('project_id', 'text', 'projectId'),
  col('last_version', 'integer', 'lastVersion'),
  col('outcome', 'text', 'outcome'),
  col('decided_at', 'timestamptz', 'decidedAt'),
  col('identified_at', 'timestamptz', 'identifiedAt'),
  col('stage_reached', 'text', 'stageReached'),
  col('current_stage', 'text', 'currentStage'),
  col('current_stage_entered_at', 'timestamptz', 'currentStageEnteredAt'),
  col('segment', 'text', 'segment'),
  col('region', 'text', 'region'),
  col('lead_source', 'text', 'leadSource'),
  col('entry_mode', 'text', 'entryMode'),
  col('customer_tier', 'text', 'customerTier'),
  col('competitors', 'jsonb', 'competitors'),
  col('estimated_amount', 'numeric', 'estimatedAmount'),
  col('estimated_currency', 'text', 'estimatedCurrency'),
  col('currency', 'text', 'currency'),
  col('our_bid', 'numeric', 'ourBid'),
  col('contract_value', 'numeric', 'contractValue'),
  col('winner', 'text', 'winner'),
  col('winning_amount', 'numeric', 'winningAmount'),
  col('winning_currency', 'text', 'winningCurrency'),
  col('runner_up_amount', 'numeric', 'runnerUpAmount'),
  col('price_gap', 'numeric', 'priceGap'),
  col('revision_count', 'integer', 'revisionCount'),
  col('submission_count', 'integer', 'submissionCount'),
  col('cycle_days', 'numeric', 'cycleDays'),
  ...WORKING_STAGES.map((stage): FactColumn => ({ name: `${stage}_days`, type: 'numeric', stage })),
  col('loss_reason', 'text', 'lossReason'),
  col('cancelled_after_win_at', 'timestamptz', 'cancelledAfterWinAt'),
  col('deal_value', 'numeric', 'dealValue'),
  col('deal_currency', 'text', 'dealCurrency'),
];

// node-postgres gives numeric as string, text[] as string[] and timestamptz as Date.
export function factFromRow(row: Record<string, unknown>): WinLossFact {
  const fact: Record<string, unknown> = { stageDays: noStageDays() };
  for (const column of FACT_COLUMNS) {
    const raw = row[column.name] ?? null;
    const value = raw instanceof Date ? raw.toISOString() : raw;
    if ('stage' in column) (fact.stageDays as Record<string, unknown>)[column.stage] = value;
    else fact[column.field] = value;
  }
  return fact as WinLossFact;
}
