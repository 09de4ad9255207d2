import { DomainError } from '../errors/domain-error.js';

// Input limits: 15 integer digits and 6 decimals. Computed values (sums, products) may exceed them.
const STRICT_PATTERN = /^-?\d{1,15}(\.\d{1,6})?$/;
const CANONICAL_PATTERN = /^-?\d+(\.\d+)?$/;
const MIN_DISPLAY_SCALE = 2;

// Projections replay a million events through this code: keep the common powers precomputed.
const POWERS_OF_TEN = Array.from({ length: 40 }, (_, exponent) => 10n ** BigInt(exponent));

function pow10(exponent: number): bigint {
  return POWERS_OF_TEN[exponent] ?? 10n ** BigInt(exponent);
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

// Integer division rounding half to even (banker's rounding).
function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  if (denominator < 0n) return divideHalfEven(-numerator, -denominator);
  const quotient = numerator / denominator;
  const twiceRemainder = abs(numerator % denominator) * 2n;
  const awayFromZero = numerator < 0n ? quotient - 1n : quotient + 1n;
  if (twiceRemainder < denominator) return quotient;
  if (twiceRemainder > denominator) return awayFromZero;
  return quotient % 2n === 0n ? quotient : awayFromZero;
}

// Parsed values, by their text: replays meet the same few thousand amounts over and over, and a
// Decimal is immutable, so one instance may serve every caller. Cleared when it grows too large.
const PARSED = new Map<string, Decimal>();
const PARSED_LIMIT = 50_000;
// Each instance's canonical text, computed once (kept outside so instances stay plain values).
const TEXTS = new WeakMap<Decimal, string>();

function fromText(text: string): Decimal {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const units = BigInt(whole + fraction);
  return Decimal.fromUnits(negative ? -units : units, fraction.length);
}

// A canonical decimal text reduced to one spelling per value: "-007.50" and "-7.5" both give
// "-7.5", "-0.00" and "0" both give "0".
function valueText(text: string): string {
  const negative = text.charCodeAt(0) === 45; // '-'
  const point = text.indexOf('.');
  let start = negative ? 1 : 0;
  const wholeEnd = point < 0 ? text.length : point;
  while (start < wholeEnd - 1 && text.charCodeAt(start) === 48) start++; // leading zeros, one digit kept
  let end = text.length;
  if (point >= 0) {
    while (end > point + 1 && text.charCodeAt(end - 1) === 48) end--; // trailing zeros of the fraction
    if (end === point + 1) end = point; // no fraction left: no point either
  }
  const digits = text.slice(start, end);
  return negative && digits !== '0' ? `-${digits}` : digits;
}

export class Decimal {
  static readonly ZERO = new Decimal(0n, 0);
  static readonly HUNDRED = new Decimal(100n, 0);

  private constructor(
    readonly units: bigint,
    readonly scale: number,
  ) {}

  static fromUnits(units: bigint, scale: number): Decimal {
    if (!Number.isInteger(scale) || scale < 0) throw new RangeError(`Invalid scale ${scale}`);
    return new Decimal(units, scale);
  }

  // Strict parse for outside input.
  static parse(text: unknown, field = 'amount'): Decimal {
    if (typeof text !== 'string' || !STRICT_PATTERN.test(text)) {
      throw new DomainError(
        'INVALID_DECIMAL',
        `${field} must be a decimal string with at most 15 integer digits and 6 decimals`,
        { field, value: typeof text === 'string' ? text : String(text) },
      );
    }
    return fromText(text);
  }

  // For values this library produced itself (totals may exceed the input limits).
  static of(text: string): Decimal {
    const known = PARSED.get(text);
    if (known !== undefined) return known;
    if (!CANONICAL_PATTERN.test(text)) {
      throw new DomainError('INVALID_DECIMAL', `not a decimal string: ${text}`, { value: text });
    }
    const parsed = fromText(text);
    if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
    PARSED.set(text, parsed);
    return parsed;
  }

  // Do two decimal texts this library produced name the same value? Compared as text, without
  // parsing: leading zeros of the whole part, trailing zeros of the fraction and the sign of zero
  // do not count. A replay compares line after line of quotation revisions this way.
  static sameValue(a: string, b: string): boolean {
    if (a === b) return true;
    if (!CANONICAL_PATTERN.test(a) || !CANONICAL_PATTERN.test(b)) return Decimal.of(a).equals(Decimal.of(b)); // throws, as `of` does
    return valueText(a) === valueText(b);
  }

  static isValid(text: unknown): boolean {
    return typeof text === 'string' && STRICT_PATTERN.test(text);
  }

  private rescaled(scale: number): bigint {
    return this.units * pow10(scale - this.scale);
  }

  add(other: Decimal): Decimal {
    const scale = Math.max(this.scale, other.scale);
    return new Decimal(this.rescaled(scale) + other.rescaled(scale), scale);
  }

  sub(other: Decimal): Decimal {
    return this.add(other.negate());
  }

  mul(other: Decimal): Decimal {
    return new Decimal(this.units * other.units, this.scale + other.scale);
  }

  // Division always names its result scale; the last digit is rounded half-even.
  div(other: Decimal, scale: number): Decimal {
    if (other.units === 0n) throw new RangeError('Division by zero');
    const numerator = this.units * pow10(other.scale + scale);
    const denominator = other.units * pow10(this.scale);
    return new Decimal(divideHalfEven(numerator, denominator), scale);
  }

  round(scale: number): Decimal {
    if (scale >= this.scale) return new Decimal(this.rescaled(scale), scale);
    return new Decimal(divideHalfEven(this.units, pow10(this.scale - scale)), scale);
  }

  negate(): Decimal {
    return new Decimal(-this.units, this.scale);
  }

  compare(other: Decimal): -1 | 0 | 1 {
    const scale = Math.max(this.scale, other.scale);
    const a = this.rescaled(scale);
    const b = other.rescaled(scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  equals(other: Decimal): boolean {
    return this.compare(other) === 0;
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  isNegative(): boolean {
    return this.units < 0n;
  }

  isPositive(): boolean {
    return this.units > 0n;
  }

  // Canonical: at least two decimals, no further trailing zeros.
  toString(): string {
    let text = TEXTS.get(this);
    if (text === undefined) TEXTS.set(this, (text = this.format()));
    return text;
  }

  private format(): string {
    let units = this.units;
    let scale = this.scale;
    while (scale > MIN_DISPLAY_SCALE && units % 10n === 0n) {
      units /= 10n;
      scale -= 1;
    }
    if (scale < MIN_DISPLAY_SCALE) {
      units *= pow10(MIN_DISPLAY_SCALE - scale);
      scale = MIN_DISPLAY_SCALE;
    }
    const digits = abs(units).toString().padStart(scale + 1, '0');
    const point = digits.length - scale;
    return `${units < 0n ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

export function sumDecimals(values: readonly Decimal[]): Decimal {
  return values.reduce((total, value) => total.add(value), Decimal.ZERO);
}
