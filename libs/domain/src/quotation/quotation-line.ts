import { DomainError, invalidField } from '../errors/domain-error.js';
import { Decimal } from '../money/decimal.js';
import { requireArray, requireObject, requireText } from '../shared/validation.js';

export type QuotationLineInput = {
  code: string;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  unitCost?: string;
};

// A line as recorded in a revision: canonical decimals plus its exact extensions.
export type QuotationLine = QuotationLineInput & { lineTotal: string; lineCost?: string };

function parseLine(input: unknown, field: string): QuotationLine {
  const raw = requireObject(input, field);
  const quantity = Decimal.parse(raw.quantity, `${field}.quantity`);
  if (!quantity.isPositive()) throw invalidField(`${field}.quantity`, 'must be greater than 0');
  const unitPrice = Decimal.parse(raw.unitPrice, `${field}.unitPrice`);
  if (unitPrice.isNegative()) throw invalidField(`${field}.unitPrice`, 'must not be negative');
  const unitCost = raw.unitCost === undefined || raw.unitCost === null ? undefined : Decimal.parse(raw.unitCost, `${field}.unitCost`);
  if (unitCost?.isNegative()) throw invalidField(`${field}.unitCost`, 'must not be negative');

  return {
    code: requireText(raw.code, `${field}.code`),
    description: requireText(raw.description, `${field}.description`),
    quantity: quantity.toString(),
    unit: requireText(raw.unit, `${field}.unit`),
    unitPrice: unitPrice.toString(),
    ...(unitCost ? { unitCost: unitCost.toString() } : {}),
    lineTotal: quantity.mul(unitPrice).toString(),
    ...(unitCost ? { lineCost: quantity.mul(unitCost).toString() } : {}),
  };
}

// Validates a revision's lines (at least one, unique codes) and prices each of them exactly.
export function priceLines(input: unknown, field = 'lines'): QuotationLine[] {
  const items = requireArray(input, field);
  if (items.length === 0) {
    throw new DomainError('QUOTATION_LINES_EMPTY', 'a quotation revision needs at least one line', { field });
  }
  const lines = items.map((item, index) => parseLine(item, `${field}[${index}]`));
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.code)) {
      throw new DomainError('QUOTATION_LINE_CODE_DUPLICATE', `line code ${line.code} appears more than once`, {
        field,
        code: line.code,
      });
    }
    seen.add(line.code);
  }
  return lines;
}
