import { invalidField } from '../errors/domain-error.js';

// Guards for command data: the domain re-checks what the HTTP layer already validated,
// because commands also arrive from imports and other callers.

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalidField(field, 'must be a non-empty string');
  return value.trim();
}

export function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidField(field, 'must be a string');
  return value.trim() === '' ? undefined : value.trim();
}

// Free text that may be empty (notes); absent means empty.
export function freeText(value: unknown, field: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw invalidField(field, 'must be a string');
  return value;
}

export function requireInteger(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `between ${min} and ${max}`;
    throw invalidField(field, `must be an integer ${range}`);
  }
  return value;
}

export function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw invalidField(field, 'must be a boolean');
  return value;
}

export function requireOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidField(field, `must be one of ${allowed.join(', ')}`, { allowed });
  }
  return value as T;
}

export function requireArray(value: unknown, field: string, minLength = 0): readonly unknown[] {
  if (!Array.isArray(value)) throw invalidField(field, 'must be a list');
  if (value.length < minLength) throw invalidField(field, `must have at least ${minLength} item(s)`);
  return value;
}

export function requireTextList(value: unknown, field: string, minLength = 0): string[] {
  return requireArray(value, field, minLength).map((item, index) => requireText(item, `${field}[${index}]`));
}

export function requireObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidField(field, 'must be an object');
  return value as Record<string, unknown>;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function isCalendarDate(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

// A calendar date, YYYY-MM-DD (contract and milestone dates); compares correctly as a string.
export function requireDate(value: unknown, field: string): string {
  const match = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
  if (!match || !isCalendarDate(match[1], match[2], match[3])) throw invalidField(field, 'must be a date YYYY-MM-DD');
  return value as string;
}

export function optionalDate(value: unknown, field: string): string | undefined {
  return value === undefined || value === null ? undefined : requireDate(value, field);
}

// An ISO 8601 instant (date-time with zone) or a plain date, kept as given.
export function requireInstant(value: unknown, field: string): string {
  const match = typeof value === 'string' ? INSTANT_PATTERN.exec(value) : null;
  if (!match || !isCalendarDate(match[1], match[2], match[3])) {
    throw invalidField(field, 'must be an ISO 8601 date-time (UTC) or date');
  }
  return value as string;
}
