export const WIN_LOSS_DIMENSIONS = [
  'segment',
  'region',
  'leadSource',
  'entryMode',
  'competitor',
  'customerTier',
  'revisionCount',
  'quarter',
] as const;
export type WinLossDimension = (typeof WIN_LOSS_DIMENSIONS)[number];

export type GroupKey = string | number | null;

// The only SQL a caller's choice selects, always from this fixed table. `f` is a fact row,
// `r` a rollup row (see win-loss-rollup.ts); keys are text in SQL, numbers only in JSON.
// A project counts once under each competitor it faced; one that faced none has the key null.
// Quarters are read from the rollup's `total` rows (a month lies within one quarter).
export const DIMENSION_SQL: Record<WinLossDimension, { factKey: string; join: string; rollupDimension: string; rollupKey: string }> = {
  segment: { factKey: 'f.segment', join: '', rollupDimension: 'segment', rollupKey: 'r.key' },
  region: { factKey: 'f.region', join: '', rollupDimension: 'region', rollupKey: 'r.key' },
  leadSource: { factKey: 'f.lead_source', join: '', rollupDimension: 'leadSource', rollupKey: 'r.key' },
  entryMode: { factKey: 'f.entry_mode', join: '', rollupDimension: 'entryMode', rollupKey: 'r.key' },
  competitor: { factKey: 'c.name', join: 'left join lateral unnest(f.competitors) as c(name) on true', rollupDimension: 'competitor', rollupKey: 'r.key' },
  customerTier: { factKey: 'f.customer_tier', join: '', rollupDimension: 'customerTier', rollupKey: 'r.key' },
  revisionCount: { factKey: 'f.revision_count::text', join: '', rollupDimension: 'revisionCount', rollupKey: 'r.key' },
  quarter: { factKey: `to_char(f.decided_at at time zone 'UTC', 'YYYY-"Q"Q')`, join: '', rollupDimension: 'total', rollupKey: `to_char(r.month, 'YYYY-"Q"Q')` },
};

export function isWinLossDimension(value: unknown): value is WinLossDimension {
  return typeof value === 'string' && (WIN_LOSS_DIMENSIONS as readonly string[]).includes(value);
}

export function groupKey(dimension: WinLossDimension | undefined, key: string | null): GroupKey {
  return dimension === 'revisionCount' && key !== null ? Number(key) : key;
}

// Nulls last, revision counts by number, text by code point (not by the database's collation).
export function compareKeys(a: GroupKey, b: GroupKey): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}
