import { Decimal } from '#domain';
import type { WinLossFact } from './win-loss-fact.js';

// Ratios keep 6 places in the table; the API rounds them to 4.
const GAP_SCALE = 6;

function ratio(numerator: Decimal, denominator: Decimal): string | null {
  return denominator.isZero() ? null : numerator.div(denominator, GAP_SCALE).toString();
}

// Lost: how far above the winner we were, (ours − winner) / winner.
// Won: how much room we left, (runner-up − ours) / ours. Only within one currency.
export function priceGap(fact: WinLossFact): string | null {
  if (fact.ourBid === null) return null;
  const ours = Decimal.of(fact.ourBid);
  if (fact.outcome === 'lost' && fact.winningAmount !== null && fact.winningCurrency === fact.currency) {
    const winner = Decimal.of(fact.winningAmount);
    return ratio(ours.sub(winner), winner);
  }
  if (fact.outcome === 'won' && fact.runnerUpAmount !== null) {
    return ratio(Decimal.of(fact.runnerUpAmount).sub(ours), ours);
  }
  return null;
}

// The value a decided project stands for: what we signed, else what we bid, else the estimate.
function dealValue(fact: WinLossFact): [amount: string, currency: string] {
  if (fact.outcome === 'won' && fact.contractValue !== null && fact.winningCurrency !== null) {
    return [fact.contractValue, fact.winningCurrency];
  }
  if (fact.ourBid !== null && fact.currency !== null) return [fact.ourBid, fact.currency];
  return [fact.estimatedAmount, fact.estimatedCurrency];
}

// The figures computed from the others, refreshed once per project and batch before writing.
export function withDerivedFigures(fact: WinLossFact): WinLossFact {
  fact.priceGap = priceGap(fact);
  [fact.dealValue, fact.dealCurrency] = dealValue(fact);
  return fact;
}
