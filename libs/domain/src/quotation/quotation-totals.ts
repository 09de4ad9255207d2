import { Decimal, sumDecimals } from '../money/decimal.js';
import type { QuotationLineInput } from './quotation-line.js';

export type RevisionTotals = {
  total: string;
  totalCost?: string;
  margin?: string;
  marginPercent?: string;
};

const PERCENT_SCALE = 2;

// Exact totals; cost and margin only when every line carries a unit cost (a partial cost would
// overstate the margin). marginPercent is margin / total × 100, two decimals, half-even.
export function computeRevisionTotals(lines: readonly QuotationLineInput[]): RevisionTotals {
  const total = sumDecimals(lines.map((line) => Decimal.of(line.quantity).mul(Decimal.of(line.unitPrice))));
  const costed = lines.length > 0 && lines.every((line) => line.unitCost !== undefined && line.unitCost !== null);
  if (!costed) return { total: total.toString() };

  const totalCost = sumDecimals(lines.map((line) => Decimal.of(line.quantity).mul(Decimal.of(line.unitCost as string))));
  const margin = total.sub(totalCost);
  return {
    total: total.toString(),
    totalCost: totalCost.toString(),
    margin: margin.toString(),
    ...(total.isZero() ? {} : { marginPercent: margin.mul(Decimal.HUNDRED).div(total, PERCENT_SCALE).toString() }),
  };
}
