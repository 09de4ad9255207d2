import type { Queryable } from '../generations/generation.js';
import { quoteIdent } from '../projection.js';

export type ProjectListItem = {
  id: string;
  name: string;
  customer: { name: string; externalId: string | null };
  segment: string;
  region: string;
  leadSource: string;
  stage: string;
  outcome: string;
  estimatedValue: { amount: string; currency: string };
  entryMode: string | null;
  contractValue: { amount: string; currency: string } | null;
  identifiedAt: string;
  updatedAt: string;
  version: number;
};

export type ProjectListFilter = { stage?: string; outcome?: string; segment?: string; region?: string; leadSource?: string; q?: string };
// Keyset: the last item of the previous page in the list's order.
export type ProjectListKey = { identifiedAt: string; id: string };

const selectProjects = (schema: string) => `
  select project_id, name, customer_name, customer_external_id, segment, region, lead_source, stage, outcome,
         estimated_amount::text, estimated_currency, entry_mode, contract_amount::text, contract_currency,
         identified_at, updated_at, version
    from ${quoteIdent(schema)}.projects
   where ($1::text is null or stage = $1)
     and ($2::text is null or outcome = $2)
     and ($3::text is null or segment = $3)
     and ($4::text is null or region = $4)
     and ($5::text is null or lead_source = $5)
     and ($6::text is null or search_text like $6)
     and ($7::timestamptz is null or (identified_at, project_id) < ($7, $8::uuid))
   order by identified_at desc, project_id desc
   limit $9`;

// `like` pattern for a substring, with the pattern's own wildcards taken literally.
export const containsPattern = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type ProjectRow = {
  project_id: string; name: string; customer_name: string; customer_external_id: string | null; segment: string;
  region: string; lead_source: string; stage: string; outcome: string; estimated_amount: string; estimated_currency: string;
  entry_mode: string | null; contract_amount: string | null; contract_currency: string | null; identified_at: Date;
  updated_at: Date; version: number;
};

function toItem(row: ProjectRow): ProjectListItem {
  return {
    id: row.project_id,
    name: row.name,
    customer: { name: row.customer_name, externalId: row.customer_external_id },
    segment: row.segment,
    region: row.region,
    leadSource: row.lead_source,
    stage: row.stage,
    outcome: row.outcome,
    estimatedValue: { amount: row.estimated_amount, currency: row.estimated_currency },
    entryMode: row.entry_mode,
    contractValue: row.contract_amount === null ? null : { amount: row.contract_amount, currency: row.contract_currency! },
    identifiedAt: row.identified_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

// One page and the key of the next one (null on the last page).
export async function listProjects(
  db: Queryable,
  schema: string,
  filter: ProjectListFilter,
  page: { after: ProjectListKey | null; limit: number },
): Promise<{ items: ProjectListItem[]; next: ProjectListKey | null }> {
  const { rows } = await db.query<ProjectRow>(selectProjects(schema), [
    filter.stage ?? null, filter.outcome ?? null, filter.segment ?? null, filter.region ?? null, filter.leadSource ?? null,
    filter.q ? containsPattern(filter.q) : null, page.after?.identifiedAt ?? null, page.after?.id ?? null, page.limit + 1,
  ]);
  const items = rows.slice(0, page.limit).map(toItem);
  const last = items.at(-1);
  return { items, next: rows.length > page.limit && last ? { identifiedAt: last.identifiedAt, id: last.id } : null };
}
