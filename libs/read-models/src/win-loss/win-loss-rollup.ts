import { Decimal } from '#domain';
import type { WinLossFact } from './win-loss-fact.js';

// Monthly totals per dimension key, kept beside the facts so the grouped win/loss query adds up
// a few hundred rows instead of every decided project. A decided fact contributes one project
// and its deal value under each dimension; `total` (key null) also serves the quarter grouping.
export type Contribution = { dimension: string; key: string | null; month: string; outcome: string; currency: string; projects: number; value: string };

// The first day of the decision's month, UTC.
export function monthOf(instant: string): string {
  return `${new Date(instant).toISOString().slice(0, 7)}-01`;
}

function keysOf(fact: WinLossFact): [dimension: string, key: string | null][] {
  const competitors: (string | null)[] = fact.competitors.length > 0 ? fact.competitors : [null];
  return [
    ['total', null],
    ['segment', fact.segment],
    ['region', fact.region],
    ['leadSource', fact.leadSource],
    ['entryMode', fact.entryMode],
    ['customerTier', fact.customerTier],
    ['revisionCount', String(fact.revisionCount)],
    ...competitors.map((name): [string, string | null] => ['competitor', name]),
  ];
}

// Everything a fact's contributions depend on; equal signatures contribute the same rows.
export function rollupSignature(fact: WinLossFact | null): string {
  if (fact === null || fact.outcome === 'open') return '';
  const { decidedAt, outcome, dealValue, dealCurrency, segment, region, leadSource, entryMode, customerTier, revisionCount, competitors } = fact;
  return JSON.stringify([decidedAt, outcome, dealValue, dealCurrency, segment, region, leadSource, entryMode, customerTier, revisionCount, competitors]);
}

// One project and its value under each key.
export function contributions(fact: WinLossFact | null): Contribution[] {
  if (fact === null || fact.outcome === 'open' || fact.decidedAt === null || fact.dealValue === null || fact.dealCurrency === null) return [];
  const month = monthOf(fact.decidedAt);
  return keysOf(fact).map(([dimension, key]) => ({ dimension, key, month, outcome: fact.outcome, currency: fact.dealCurrency!, projects: 1, value: fact.dealValue! }));
}

// What a batch (or a rebuild's part, batch after batch) changes in the rollup: the contributions
// of the facts after it, less those from before it, netted per row (exactly: Decimal, each
// distinct amount parsed once).
export class RollupDelta {
  private readonly rows = new Map<string, { row: Contribution; projects: number; value: Decimal }>();
  private readonly amounts = new Map<string, Decimal>();

  add(items: readonly Contribution[], sign: 1 | -1): void {
    if (this.amounts.size > 10_000) this.amounts.clear(); // a part's delta lives for the whole rebuild
    for (const item of items) {
      const id = JSON.stringify([item.dimension, item.key, item.month, item.outcome, item.currency]);
      const amount = this.amounts.get(item.value) ?? Decimal.of(item.value);
      this.amounts.set(item.value, amount);
      const entry = this.rows.get(id) ?? { row: item, projects: 0, value: Decimal.ZERO };
      entry.projects += sign * item.projects;
      entry.value = sign === 1 ? entry.value.add(amount) : entry.value.sub(amount);
      this.rows.set(id, entry);
    }
  }

  // In one fixed order (by row key), whoever computed them: writers adding to the same rows at
  // once (the parts of a parallel rebuild) then lock them in the same order and cannot deadlock.
  changes(): Contribution[] {
    return [...this.rows]
      .filter(([, { projects, value }]) => projects !== 0 || !value.isZero())
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, { row, projects, value }]) => ({ ...row, projects, value: value.toString() }));
  }
}
