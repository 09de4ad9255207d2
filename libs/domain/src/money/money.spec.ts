import { addMoney, compareMoney, parseMoney, subtractMoney } from './money.js';

const cny = (amount: string) => ({ amount, currency: 'CNY' });

describe('Money', () => {
  it('parses to canonical form', () => {
    expect(parseMoney({ amount: '125000', currency: 'CNY' }, 'value')).toEqual(cny('125000.00'));
  });

  it.each([
    [{ amount: '1', currency: 'cny' }, 'INVALID_CURRENCY'],
    [{ amount: '1', currency: 'CNYX' }, 'INVALID_CURRENCY'],
    [{ amount: '1' }, 'INVALID_CURRENCY'],
    [{ amount: 1, currency: 'CNY' }, 'INVALID_DECIMAL'],
    [{ amount: '1e3', currency: 'CNY' }, 'INVALID_DECIMAL'],
    [{ amount: '-1', currency: 'CNY' }, 'INVALID_FIELD'],
    ['1 CNY', 'INVALID_FIELD'],
    [null, 'INVALID_FIELD'],
  ])('rejects %j with %s', (input, code) => {
    expect(() => parseMoney(input, 'value')).toThrow(expect.objectContaining({ code, kind: 'invalid' }));
  });

  it('allows negative amounts only when asked', () => {
    expect(parseMoney(cny('-10.5'), 'valueDelta', { allowNegative: true })).toEqual(cny('-10.50'));
  });

  it('adds and subtracts exactly in one currency', () => {
    expect(addMoney(cny('0.1'), cny('0.2'))).toEqual(cny('0.30'));
    expect(subtractMoney(cny('100.00'), cny('100.01'))).toEqual(cny('-0.01'));
    expect(compareMoney(cny('1.10'), cny('1.1'))).toBe(0);
  });

  it('refuses to mix currencies', () => {
    const usd = { amount: '1.00', currency: 'USD' };
    for (const operation of [addMoney, subtractMoney, compareMoney]) {
      expect(() => operation(cny('1.00'), usd)).toThrow(
        expect.objectContaining({
          code: 'CURRENCY_MISMATCH',
          kind: 'invalid',
          details: expect.objectContaining({ expected: 'CNY', actual: 'USD' }),
        }),
      );
    }
  });
});
