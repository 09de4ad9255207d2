import type { PoolClient } from 'pg';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '../../projection.js';
import { winLossProjection } from '../win-loss.projection.js';

// Each slice of `size` events in its own transaction, as the runner applies batches.
export async function applyInBatches(client: PoolClient, log: RecordedEvent[], size: number, schema: string, projection: Projection = winLossProjection): Promise<void> {
  for (let i = 0; i < log.length; i += size) {
    await client.query('begin');
    await projection.apply(log.slice(i, i + size), { tx: client, schema });
    await client.query('commit');
  }
}

export async function factsIn(client: PoolClient, schema: string) {
  const { rows } = await client.query(`select * from ${schema}.win_loss_facts order by project_id`);
  return rows;
}

const ROLLUP_ORDER = 'order by dimension, key nulls last, month, outcome, currency';

export async function rollupIn(client: PoolClient, schema: string) {
  const { rows } = await client.query(
    `select dimension, key, month::text, outcome, currency, projects, value::text from ${schema}.win_loss_monthly where projects <> 0 ${ROLLUP_ORDER}`,
  );
  return rows;
}

// The rollup recomputed from the facts in SQL, independently of the projection's own code.
export async function rollupFromFacts(client: PoolClient, schema: string) {
  const { rows } = await client.query(`
    select dimension, key, month::text, outcome, currency, projects, value::text from (
      select d.dimension, d.key, date_trunc('month', f.decided_at at time zone 'UTC')::date as month, f.outcome,
             f.deal_currency as currency, count(*)::int as projects, sum(f.deal_value) as value
        from ${schema}.win_loss_facts f
       cross join lateral (values ('total', null), ('segment', f.segment), ('region', f.region), ('leadSource', f.lead_source),
                                  ('entryMode', f.entry_mode), ('customerTier', f.customer_tier), ('revisionCount', f.revision_count::text),
                                  ('competitor', null)) as d(dimension, key)
       where f.outcome <> 'open' and (d.dimension <> 'competitor' or cardinality(f.competitors) = 0)
       group by 1, 2, 3, 4, 5
      union all
      select 'competitor', c.name, date_trunc('month', f.decided_at at time zone 'UTC')::date, f.outcome, f.deal_currency, count(*)::int, sum(f.deal_value)
        from ${schema}.win_loss_facts f cross join unnest(f.competitors) as c(name)
       where f.outcome <> 'open'
       group by 1, 2, 3, 4, 5
    ) recomputed ${ROLLUP_ORDER}`);
  return rows;
}
