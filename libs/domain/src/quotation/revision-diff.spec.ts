import { priceLines } from './quotation-line.js';
import { diffRevisions } from './revision-diff.js';

const base = priceLines([
  { code: 'A', description: 'PLC', quantity: '2', unit: 'set', unitPrice: '100', unitCost: '60' },
  { code: 'B', description: 'Install', quantity: '1', unit: 'lot', unitPrice: '50', unitCost: '40' },
  { code: 'C', description: 'Training', quantity: '1', unit: 'day', unitPrice: '10', unitCost: '5' },
]);

describe('diffRevisions', () => {
  it('lists added, removed and changed lines field by field, with the totals delta', () => {
    const next = priceLines([
      { code: 'A', description: 'PLC', quantity: '2', unit: 'set', unitPrice: '90', unitCost: '60' },
      { code: 'B', description: 'Installation', quantity: '1.0', unit: 'lot', unitPrice: '50.00', unitCost: '40' },
      { code: 'D', description: 'Spares', quantity: '4', unit: 'pcs', unitPrice: '2.5', unitCost: '1' },
    ]);
    expect(diffRevisions({ lines: base }, { lines: next })).toEqual({
      added: [next[2]],
      removed: [base[2]],
      changed: [
        {
          code: 'A',
          changes: [
            { field: 'unitPrice', from: '100.00', to: '90.00' },
            { field: 'lineTotal', from: '200.00', to: '180.00' },
          ],
        },
        { code: 'B', changes: [{ field: 'description', from: 'Install', to: 'Installation' }] },
      ],
      totals: {
        from: { total: '260.00', totalCost: '165.00', margin: '95.00', marginPercent: '36.54' },
        to: { total: '240.00', totalCost: '164.00', margin: '76.00', marginPercent: '31.67' },
        delta: { total: '-20.00', totalCost: '-1.00', margin: '-19.00' },
      },
    });
  });

  it('shows a recorded revision as recorded: its own line extensions and totals, not priced again', () => {
    const recordedTotals = { total: '260.00', totalCost: '165.00', margin: '95.00', marginPercent: '36.54' };
    // As if priced under an earlier rule: the line total and the totals differ from a fresh pricing.
    const recorded = { lines: [{ ...base[0], lineTotal: '199.99' }, base[1], base[2]], totals: { ...recordedTotals, total: '259.99' } };
    const next = { lines: [{ ...base[0], unitPrice: '90.00', lineTotal: '180.00' }, base[1], base[2]], totals: { ...recordedTotals, total: '240.00' } };
    const diff = diffRevisions(recorded, next);
    expect(diff.changed).toEqual([
      { code: 'A', changes: [{ field: 'unitPrice', from: '100.00', to: '90.00' }, { field: 'lineTotal', from: '199.99', to: '180.00' }] },
    ]);
    expect(diff.totals.delta.total).toBe('-19.99');
    // Lines as drafted (no extensions, no totals) are still priced.
    const drafted = { lines: base.map(({ lineTotal: _total, lineCost: _cost, ...line }) => line) };
    expect(diffRevisions(drafted, recorded).totals.from.total).toBe('260.00');
  });

  it('shows a cost appearing or disappearing as null ↔ value and drops cost deltas', () => {
    const uncosted = [{ code: 'A', description: 'PLC', quantity: '2', unit: 'set', unitPrice: '100' }];
    const diff = diffRevisions({ lines: uncosted }, { lines: base.slice(0, 1) });
    expect(diff.changed).toEqual([
      {
        code: 'A',
        changes: [
          { field: 'unitCost', from: null, to: '60.00' },
          { field: 'lineCost', from: null, to: '120.00' },
        ],
      },
    ]);
    expect(diff.totals.delta).toEqual({ total: '0.00' });
  });

  it('finds nothing between identical revisions', () => {
    const diff = diffRevisions({ lines: base }, { lines: base });
    expect([diff.added, diff.removed, diff.changed]).toEqual([[], [], []]);
    expect(diff.totals.delta).toEqual({ total: '0.00', totalCost: '0.00', margin: '0.00' });
  });
});
