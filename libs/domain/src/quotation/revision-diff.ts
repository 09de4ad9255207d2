import { Decimal } from '../money/decimal.js';
import type { QuotationLine, QuotationLineInput } from './quotation-line.js';
import { computeRevisionTotals } from './quotation-totals.js';
import type { RevisionTotals } from './quotation-totals.js';

// A revision as drafted (lines only) or as recorded (lines with their extensions, and totals).
export type DiffableRevision = { lines: readonly (QuotationLineInput | QuotationLine)[]; totals?: RevisionTotals };

export type LineFieldChange = { field: string; from: string | null; to: string | null };
export type LineChange = { code: string; changes: LineFieldChange[] };

export type TotalsDelta = { total: string; totalCost?: string; margin?: string };

export type RevisionDiff = {
  added: QuotationLine[];
  removed: QuotationLine[];
  changed: LineChange[];
  totals: { from: RevisionTotals; to: RevisionTotals; delta: TotalsDelta };
};

const TEXT_FIELDS = ['description', 'unit'] as const;
const DECIMAL_FIELDS = ['quantity', 'unitPrice', 'unitCost', 'lineTotal', 'lineCost'] as const;

function withExtensions(line: QuotationLineInput | QuotationLine): QuotationLine {
  const quantity = Decimal.of(line.quantity);
  const { unitCost } = line;
  return {
    ...line,
    lineTotal: quantity.mul(Decimal.of(line.unitPrice)).toString(),
    ...(unitCost == null ? {} : { lineCost: quantity.mul(Decimal.of(unitCost)).toString() }),
  };
}

function sameDecimal(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true; // most fields of most lines
  if (a === undefined || b === undefined) return false;
  return Decimal.sameValue(a, b);
}

function lineChanges(from: QuotationLine, to: QuotationLine): LineFieldChange[] {
  const changes: LineFieldChange[] = [];
  for (const field of TEXT_FIELDS) {
    if (from[field] !== to[field]) changes.push({ field, from: from[field], to: to[field] });
  }
  for (const field of DECIMAL_FIELDS) {
    if (!sameDecimal(from[field], to[field])) changes.push({ field, from: from[field] ?? null, to: to[field] ?? null });
  }
  return changes;
}

function delta(from: string | undefined, to: string | undefined): string | undefined {
  return from === undefined || to === undefined ? undefined : Decimal.of(to).sub(Decimal.of(from)).toString();
}

// A revision's lines with their extensions, and its totals, by its lines array: states share
// their revisions, so a replay diffing each revision against the previous one extends and totals
// every revision once rather than twice. Callers get fresh arrays; the cached lines are not changed.
type Extended = { lines: QuotationLine[]; totals: RevisionTotals };
const EXTENDED = new WeakMap<DiffableRevision['lines'], Extended>();

function extended(revision: DiffableRevision): Extended {
  let known = EXTENDED.get(revision.lines);
  if (known === undefined) {
    known = asRecorded(revision) ?? computed(revision);
    EXTENDED.set(revision.lines, known);
  }
  return known;
}

function computed(revision: DiffableRevision): Extended {
  const lines = revision.lines.map(withExtensions);
  return { lines, totals: computeRevisionTotals(lines) };
}

// A recorded revision already carries its extensions and totals, priced when it was drafted:
// those are what the customer was quoted, so a diff shows them rather than pricing them again
// (which also spares a replay most of its decimal arithmetic).
function asRecorded(revision: DiffableRevision): Extended | null {
  if (!revision.totals) return null;
  for (const line of revision.lines) {
    const { lineTotal, lineCost } = line as Partial<QuotationLine>;
    if (typeof lineTotal !== 'string' || (line.unitCost == null) !== (lineCost == null)) return null;
  }
  return { lines: revision.lines as QuotationLine[], totals: revision.totals };
}

// The lines that changed going from revision `from` to revision `to` (matched by code), and
// both revisions' totals: everything but the totals' deltas, which the audit trail does not need
// (it replays a million events, and the deltas are decimal arithmetic).
export type RevisionLinesDiff = Omit<RevisionDiff, 'totals'> & { totals: { from: RevisionTotals; to: RevisionTotals } };

export function diffRevisionLines(from: DiffableRevision, to: DiffableRevision): RevisionLinesDiff {
  const fromExtended = extended(from);
  const toExtended = extended(to);
  const before = fromExtended.lines;
  const after = toExtended.lines;
  const beforeByCode = new Map(before.map((line) => [line.code, line]));
  const afterCodes = new Set(after.map((line) => line.code));

  const changed: LineChange[] = [];
  for (const line of after) {
    const previous = beforeByCode.get(line.code);
    const changes = previous ? lineChanges(previous, line) : [];
    if (changes.length > 0) changed.push({ code: line.code, changes });
  }
  return {
    added: after.filter((line) => !beforeByCode.has(line.code)),
    removed: before.filter((line) => !afterCodes.has(line.code)),
    changed,
    totals: { from: { ...fromExtended.totals }, to: { ...toExtended.totals } },
  };
}

// What changed going from revision `from` to revision `to`; lines are matched by code.
export function diffRevisions(from: DiffableRevision, to: DiffableRevision): RevisionDiff {
  const { totals, ...lines } = diffRevisionLines(from, to);
  const totalCost = delta(totals.from.totalCost, totals.to.totalCost);
  const margin = delta(totals.from.margin, totals.to.margin);
  return {
    ...lines,
    totals: {
      ...totals,
      delta: {
        total: Decimal.of(totals.to.total).sub(Decimal.of(totals.from.total)).toString(),
        ...(totalCost === undefined ? {} : { totalCost }),
        ...(margin === undefined ? {} : { margin }),
      },
    },
  };
}
