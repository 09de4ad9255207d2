import { diffRevisionLines, type ProjectEvent, type ProjectState, type Quotation } from '#domain';
import { diffStates, type FieldChange } from './state-diff.js';

// Bookkeeping, or derived from fields listed anyway (the stage change says what stageHistory adds).
const NOT_AUDITED = new Set(['status', 'updatedAt', 'stageHistory']);

const quotationOf = (state: ProjectState, quotationId: string): Quotation | undefined =>
  state.status === 'identified' ? state.quotations.find((quotation) => quotation.quotationId === quotationId) : undefined;

// A new revision, line by line against the quotation's previous revision (the domain's own
// diffRevisionLines): `quotations[q].lines[A].unitPrice 100.00 → 90.00`, lines added and removed
// as whole lines, then the totals.
function revisionChanges(before: ProjectState, after: ProjectState, quotationId: string, number: number): FieldChange[] {
  const earlier = (quotationOf(before, quotationId)?.revisions ?? []).filter((each) => each.number < number);
  const previous = earlier.sort((a, b) => b.number - a.number)[0];
  const revision = quotationOf(after, quotationId)?.revisions.find((each) => each.number === number);
  if (!revision) return [];
  const diff = diffRevisionLines(previous ?? { lines: [] }, revision);
  const at = `quotations[${quotationId}]`;
  return [
    { field: `${at}.latestRevision`, from: previous?.number ?? null, to: number },
    ...diff.removed.map((line) => ({ field: `${at}.lines[${line.code}]`, from: line, to: null })),
    ...diff.added.map((line) => ({ field: `${at}.lines[${line.code}]`, from: null, to: line })),
    ...diff.changed.flatMap(({ code, changes }) =>
      changes.map((change) => ({ field: `${at}.lines[${code}].${change.field}`, from: change.from, to: change.to })),
    ),
    ...diffStates(previous ? diff.totals.from : null, diff.totals.to).map((change) => ({ ...change, field: `${at}.totals.${change.field}` })),
  ];
}

// What an event changed, from the project's state just before and just after it.
export function auditChanges(before: ProjectState, after: ProjectState, event: ProjectEvent): FieldChange[] {
  const from = before.status === 'none' ? null : before;
  const to = after.status === 'none' ? null : after;
  if (event.type !== 'QuotationRevisionDrafted') return diffStates(from, to, NOT_AUDITED);
  const { quotationId, revision } = event.data;
  const at = `quotations[${quotationId}].revisions[${revision}]`;
  return [
    ...diffStates(from, to, NOT_AUDITED, new Set([`${at}.lines`, `${at}.totals`])),
    ...revisionChanges(before, after, quotationId, revision),
  ];
}
