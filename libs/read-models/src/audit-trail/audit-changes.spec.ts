import { fold, type ProjectEvent } from '#domain';
import { command, dayAt, historyAt, play, QUOTATION_ID } from '../../../domain/src/testing/index.js';
import { auditChanges } from './audit-changes.js';
import { auditSummary } from './audit-summary.js';

// The state before and after the last event of a history.
function lastStep(events: ProjectEvent[]) {
  const event = events.at(-1)!;
  return { event, before: fold(events.slice(0, -1)), after: fold(events) };
}

describe('auditChanges', () => {
  it('lists every field of a newly identified project from null', () => {
    const { event, before, after } = lastStep(historyAt('search'));
    const changes = auditChanges(before, after, event);
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: 'name', from: null, to: 'Harbour crane automation' },
        { field: 'customer.name', from: null, to: 'Ningbo Port Group' },
        { field: 'estimatedValue', from: null, to: { amount: '1250000.00', currency: 'CNY' } },
        { field: 'stage', from: null, to: 'search' },
      ]),
    );
    expect(changes.map((change) => change.field)).not.toContain('updatedAt');
  });

  it('shows a stage change as old → new without the derived history', () => {
    const { event, before, after } = lastStep(historyAt('preparation'));
    expect(auditChanges(before, after, event)).toEqual([
      { field: 'stage', from: 'search', to: 'preparation' },
      { field: 'stageReached', from: 'search', to: 'preparation' },
    ]);
  });

  it('diffs a new quotation revision line by line against the previous revision', () => {
    const lines = [
      { code: 'A', description: 'Crane PLC retrofit', quantity: '2', unit: 'set', unitPrice: '240000', unitCost: '180000' },
      { code: 'C', description: 'Operator training', quantity: '3', unit: 'day', unitPrice: '5000', unitCost: '2000' },
    ];
    const events = play([command('DraftQuotationRevision', { lines, reason: 'steel price update' }, dayAt(40))], historyAt('quotation'));
    const { event, before, after } = lastStep(events);
    const at = `quotations[${QUOTATION_ID}]`;
    const changes = auditChanges(before, after, event);
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: `${at}.latestRevision`, from: 1, to: 2 },
        { field: `${at}.lines[A].unitPrice`, from: '250000.00', to: '240000.00' },
        { field: `${at}.lines[A].lineTotal`, from: '500000.00', to: '480000.00' },
        { field: `${at}.lines[B]`, from: expect.objectContaining({ code: 'B', description: 'Installation' }), to: null },
        { field: `${at}.lines[C]`, from: null, to: expect.objectContaining({ code: 'C', lineTotal: '15000.00' }) },
        { field: `${at}.totals.total`, from: '1200000.00', to: '495000.00' },
        { field: `${at}.revisions[2].status`, from: null, to: 'draft' },
        { field: `${at}.revisions[2].reason`, from: null, to: 'steel price update' },
      ]),
    );
    // The revision's own lines are not repeated field by field from nothing.
    expect(changes.some((change) => change.field.startsWith(`${at}.revisions[2].lines`))).toBe(false);
    expect(auditSummary(event, before, after)).toBe('Revision 2 of quotation "Main bid" drafted (2 lines, total 495000.00): steel price update');
  });

  it('shows the first revision of a quotation against nothing', () => {
    const events = historyAt('quotation');
    const index = events.findIndex((event) => event.type === 'QuotationRevisionDrafted');
    const { event, before, after } = lastStep(events.slice(0, index + 1));
    const changes = auditChanges(before, after, event);
    expect(changes).toContainEqual({ field: `quotations[${QUOTATION_ID}].latestRevision`, from: null, to: 1 });
    expect(changes).toContainEqual({ field: `quotations[${QUOTATION_ID}].lines[A]`, from: null, to: expect.objectContaining({ lineTotal: '500000.00' }) });
    expect(changes).toContainEqual({ field: `quotations[${QUOTATION_ID}].totals.total`, from: null, to: '1200000.00' });
  });

  it('shows a contract amendment as the value and the new amendment', () => {
    const events = play([command('AmendContract', {}, dayAt(60))], historyAt('implementation'));
    const { event, before, after } = lastStep(events);
    const changes = auditChanges(before, after, event);
    expect(changes).toContainEqual({ field: 'contract.currentValue', from: { amount: '1200000.00', currency: 'CNY' }, to: { amount: '1250000.00', currency: 'CNY' } });
    expect(changes).toContainEqual({ field: 'contract.amendments[1].reason', from: null, to: 'owner change order' });
    expect(auditSummary(event, before, after)).toBe('Contract amendment no. 1: value 1200000.00 CNY → 1250000.00 CNY: owner change order');
  });

  it('names array items by their key, not their index', () => {
    const events = play([command('AddCompetitor', { name: 'Beta Lifts', notes: 'new entrant' }, dayAt(5))], historyAt('preparation'));
    const { event, before, after } = lastStep(events);
    expect(auditChanges(before, after, event)).toEqual([
      { field: 'competitors[Beta Lifts].name', from: null, to: 'Beta Lifts' },
      { field: 'competitors[Beta Lifts].notes', from: null, to: 'new entrant' },
      { field: 'competitors[Beta Lifts].addedAt', from: null, to: dayAt(5) },
    ]);
  });
});
