import { DomainError } from '../errors/domain-error.js';
import { Decimal, sumDecimals } from './decimal.js';

const d = (text: string) => Decimal.parse(text);

describe('Decimal', () => {
  it.each([
    ['0', '0.00'],
    ['-0', '0.00'],
    ['7', '7.00'],
    ['007.5', '7.50'],
    ['1.230000', '1.23'],
    ['1.234500', '1.2345'],
    ['-12.1', '-12.10'],
    ['999999999999999.999999', '999999999999999.999999'],
  ])('parses %s canonically as %s', (input, canonical) => {
    expect(d(input).toString()).toBe(canonical);
  });

  it.each(['', ' 1', '1 ', '1e3', '1E-2', 'NaN', 'Infinity', '.5', '5.', '+1', '1,5', '0x10', '1.1234567', '1234567890123456', '--1'])(
    'rejects %j',
    (input) => {
      expect(() => d(input)).toThrow(DomainError);
      try {
        d(input);
      } catch (error) {
        expect((error as DomainError).code).toBe('INVALID_DECIMAL');
        expect((error as DomainError).kind).toBe('invalid');
      }
    },
  );

  it.each([0.1, 10n, null, undefined, {}])('rejects non-string %p', (input) => {
    expect(() => Decimal.parse(input, 'price')).toThrow(
      expect.objectContaining({ code: 'INVALID_DECIMAL', details: expect.objectContaining({ field: 'price' }) }),
    );
  });

  it('adds where binary floating point does not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(d('0.1').add(d('0.2')).toString()).toBe('0.30');
    expect(d('0.1').add(d('0.2')).equals(d('0.3'))).toBe(true);
  });

  it('subtracts, multiplies and negates exactly', () => {
    expect(d('1.00').sub(d('1.01')).toString()).toBe('-0.01');
    expect(d('3').mul(d('0.10')).toString()).toBe('0.30');
    expect(d('1.005').mul(d('1000')).toString()).toBe('1005.00');
    expect(d('0.333333').mul(d('0.333333')).toString()).toBe('0.111110888889');
    expect(d('5.5').negate().toString()).toBe('-5.50');
  });

  it('compares across scales', () => {
    expect(d('1.50').compare(d('1.5'))).toBe(0);
    expect(d('-2').compare(d('1'))).toBe(-1);
    expect(d('10').compare(d('9.999999'))).toBe(1);
    expect(d('0.000').isZero()).toBe(true);
    expect(d('-0.01').isNegative()).toBe(true);
    expect(d('0.01').isPositive()).toBe(true);
  });

  it('divides to an explicit scale rounding half to even', () => {
    expect(d('1').div(d('3'), 4).toString()).toBe('0.3333');
    expect(d('2').div(d('3'), 2).toString()).toBe('0.67');
    expect(d('0.125').div(d('1'), 2).toString()).toBe('0.12');
    expect(d('0.135').div(d('1'), 2).toString()).toBe('0.14');
    expect(d('-0.125').div(d('1'), 2).toString()).toBe('-0.12');
    expect(d('-0.135').div(d('1'), 2).toString()).toBe('-0.14');
    expect(d('1').div(d('-8'), 2).toString()).toBe('-0.12');
    expect(() => d('1').div(d('0'), 2)).toThrow(RangeError);
  });

  it('rounds half to even', () => {
    expect(d('2.345').round(2).toString()).toBe('2.34');
    expect(d('2.355').round(2).toString()).toBe('2.36');
    expect(d('2.3451').round(2).toString()).toBe('2.35');
    expect(d('2.5').round(0).toString()).toBe('2.00');
    expect(d('3.5').round(0).toString()).toBe('4.00');
    expect(d('1.5').round(3).scale).toBe(3);
  });

  it('sums and reads back its own long results', () => {
    const big = sumDecimals([d('999999999999999.999999'), d('999999999999999.999999')]);
    expect(big.toString()).toBe('1999999999999999.999998');
    expect(Decimal.of(big.toString()).equals(big)).toBe(true);
    expect(() => Decimal.of('1e5')).toThrow(DomainError);
    expect(sumDecimals([]).toString()).toBe('0.00');
  });

  it('serialises to JSON as its canonical string', () => {
    expect(JSON.stringify({ total: d('12.5') })).toBe('{"total":"12.50"}');
  });

  describe('sameValue', () => {
    // Spellings of small values: signs, leading zeros, trailing zeros, negative zero.
    const digits = (n: number, next: () => number) => Array.from({ length: n }, () => String(Math.floor(next() * 10))).join('');
    function spelling(next: () => number): string {
      const whole = digits(1 + Math.floor(next() * 3), next);
      const fraction = next() < 0.6 ? `.${digits(1 + Math.floor(next() * 3), next)}` : '';
      return `${next() < 0.3 ? '-' : ''}${whole}${fraction}`;
    }
    let seed = 7;
    const next = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

    it('says what parsing says, for 20,000 pairs of spellings (many of the same value)', () => {
      let equal = 0;
      for (let i = 0; i < 20_000; i++) {
        const a = spelling(next);
        // Half the time the same value respelt: zeros added in front and behind, or the sign of zero flipped.
        const b = i % 2 ? spelling(next) : `${a.startsWith('-') ? '-' : ''}00${a.replace('-', '')}${a.includes('.') ? '00' : '.000'}`;
        const expected = Decimal.of(a).equals(Decimal.of(b));
        expect([a, b, Decimal.sameValue(a, b)]).toEqual([a, b, expected]);
        if (expected) equal++;
      }
      expect(equal).toBeGreaterThan(9_000);
      expect(Decimal.sameValue('-0.00', '0')).toBe(true);
      expect(Decimal.sameValue('-0.50', '-0.5')).toBe(true);
      expect(Decimal.sameValue('0.50', '-0.5')).toBe(false);
      expect(Decimal.sameValue('100', '1')).toBe(false);
      expect(Decimal.sameValue('10.0', '1.00')).toBe(false);
    });

    it('refuses what is not a decimal text, as parsing does', () => {
      expect(() => Decimal.sameValue('1e3', '1000')).toThrow(DomainError);
      expect(() => Decimal.sameValue('1.5', ' 1.5')).toThrow(DomainError);
    });
  });
});
