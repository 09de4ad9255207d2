import { priceLines } from './quotation-line.js';
import type { QuotationLineInput } from './quotation-line.js';
import { computeRevisionTotals } from './quotation-totals.js';

const line = (code: string, quantity: string, unitPrice: string, unitCost?: string): QuotationLineInput => ({
  code,
  description: `item ${code}`,
  quantity,
  unit: 'pcs',
  unitPrice,
  ...(unitCost === undefined ? {} : { unitCost }),
});

describe('computeRevisionTotals', () => {
  it('30 lines of 3 × 0.10 total exactly 9.00', () => {
    const lines = Array.from({ length: 30 }, (_, i) => line(`L${i + 1}`, '3', '0.10'));
    let float = 0;
    for (let i = 0; i < 90; i++) float += 0.1; // what a float accumulator makes of the same sum
    expect(float).not.toBe(9);
    expect(computeRevisionTotals(lines)).toEqual({ total: '9.00' });
  });

  it('adds 0.1 and 0.2 to exactly 0.30', () => {
    expect(computeRevisionTotals([line('A', '1', '0.1'), line('B', '1', '0.2')]).total).toBe('0.30');
  });

  it('gives cost and margin when every line is costed', () => {
    expect(computeRevisionTotals([line('A', '2', '250000', '180000'), line('B', '1', '700000', '560000')])).toEqual({
      total: '1200000.00',
      totalCost: '920000.00',
      margin: '280000.00',
      marginPercent: '23.33',
    });
  });

  it('rounds the margin percent half to even', () => {
    // margin 0.125% → 0.12 ; margin 0.135% → 0.14
    expect(computeRevisionTotals([line('A', '1', '1000', '998.75')]).marginPercent).toBe('0.12');
    expect(computeRevisionTotals([line('A', '1', '1000', '998.65')]).marginPercent).toBe('0.14');
  });

  it('reports a negative margin exactly', () => {
    expect(computeRevisionTotals([line('A', '3', '0.10', '0.15')])).toEqual({
      total: '0.30',
      totalCost: '0.45',
      margin: '-0.15',
      marginPercent: '-50.00',
    });
  });

  it('leaves cost and margin out when a line has no cost', () => {
    expect(computeRevisionTotals([line('A', '1', '10', '5'), line('B', '1', '10')])).toEqual({ total: '20.00' });
  });

  it('has no margin percent for a zero total', () => {
    expect(computeRevisionTotals([line('A', '1', '0', '0')])).toEqual({ total: '0.00', totalCost: '0.00', margin: '0.00' });
  });
});

describe('priceLines', () => {
  it('canonicalises decimals and extends each line', () => {
    expect(priceLines([line('A', '1.5', '2.25', '1')])).toEqual([
      {
        code: 'A',
        description: 'item A',
        quantity: '1.50',
        unit: 'pcs',
        unitPrice: '2.25',
        unitCost: '1.00',
        lineTotal: '3.375',
        lineCost: '1.50',
      },
    ]);
  });

  it.each([
    [[], 'QUOTATION_LINES_EMPTY'],
    ['x', 'INVALID_FIELD'],
    [[line('A', '1', '1'), line('A', '2', '2')], 'QUOTATION_LINE_CODE_DUPLICATE'],
    [[line('A', '0', '1')], 'INVALID_FIELD'],
    [[line('A', '-1', '1')], 'INVALID_FIELD'],
    [[line('A', '1', '-1')], 'INVALID_FIELD'],
    [[line('A', '1', '1', '-1')], 'INVALID_FIELD'],
    [[line('A', '1', '1e2')], 'INVALID_DECIMAL'],
    [[line('A', '1', '0.1234567')], 'INVALID_DECIMAL'],
    [[{ ...line('A', '1', '1'), unit: '' }], 'INVALID_FIELD'],
    [[{ ...line('A', '1', '1'), code: ' ' }], 'INVALID_FIELD'],
  ])('refuses %j with %s', (lines, code) => {
    expect(() => priceLines(lines)).toThrow(expect.objectContaining({ code, kind: 'invalid' }));
  });
});
