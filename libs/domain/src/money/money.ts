import { DomainError, invalidField } from '../errors/domain-error.js';
import { Decimal } from './decimal.js';

export type Money = { amount: string; currency: string };

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export function parseCurrency(value: unknown, field = 'currency'): string {
  if (typeof value !== 'string' || !CURRENCY_PATTERN.test(value)) {
    throw new DomainError('INVALID_CURRENCY', `${field} must be an ISO 4217 code (three upper-case letters)`, {
      field,
      value: typeof value === 'string' ? value : String(value),
    });
  }
  return value;
}

export type MoneyParseOptions = { allowNegative?: boolean };

// Validates outside input and returns it in canonical form.
export function parseMoney(input: unknown, field: string, options: MoneyParseOptions = {}): Money {
  if (typeof input !== 'object' || input === null) {
    throw invalidField(field, 'must be an object { amount, currency }');
  }
  const { amount, currency } = input as Record<string, unknown>;
  const value = Decimal.parse(amount, `${field}.amount`);
  if (value.isNegative() && !options.allowNegative) {
    throw invalidField(`${field}.amount`, 'must not be negative');
  }
  return { amount: value.toString(), currency: parseCurrency(currency, `${field}.currency`) };
}

export function money(amount: Decimal, currency: string): Money {
  return { amount: amount.toString(), currency };
}

export function amountOf(value: Money): Decimal {
  return Decimal.of(value.amount);
}

export function assertSameCurrency(expected: string, actual: string, field = 'currency'): void {
  if (expected !== actual) {
    throw new DomainError('CURRENCY_MISMATCH', `${field} is ${actual} but ${expected} is required`, {
      field,
      expected,
      actual,
    });
  }
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a.currency, b.currency);
  return money(amountOf(a).add(amountOf(b)), a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a.currency, b.currency);
  return money(amountOf(a).sub(amountOf(b)), a.currency);
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a.currency, b.currency);
  return amountOf(a).compare(amountOf(b));
}
