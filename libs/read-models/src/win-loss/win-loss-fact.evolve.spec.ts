import { withDerivedFigures } from './win-loss-fact.derive.js';
import { evolveFact } from './win-loss-fact.evolve.js';
import type { WinLossFact } from './win-loss-fact.js';
import { day } from './testing/pursuit-builder.js';
import type { PursuitBuilder } from './testing/pursuit-builder.js';
import { examplePursuits, IDS } from './testing/win-loss-example.js';

function factOf(pursuit: PursuitBuilder): WinLossFact | null {
  const fact = pursuit.events.reduce<WinLossFact | null>((state, event, i) => evolveFact(state, pursuit.projectId, event, i + 1), null);
  return fact && withDerivedFigures(fact);
}

const pursuits = new Map(examplePursuits().map((pursuit) => [pursuit.projectId, pursuit]));
const example = (id: string) => pursuits.get(id)!;

describe('the win/loss fact of one project', () => {
  it('records a won pursuit: stage days, revisions, bid, contract, runner-up and price gap', () => {
    const fact = factOf(example(IDS.wonWithOpening))!;
    expect(fact).toEqual({
      projectId: IDS.wonWithOpening,
      lastVersion: example(IDS.wonWithOpening).events.length, // the last event, StageAdvanced, touches the fact
      outcome: 'won',
      decidedAt: day(60), // signedAt
      identifiedAt: day(0),
      stageReached: 'implementation',
      currentStage: 'implementation',
      currentStageEnteredAt: day(70),
      segment: 'ports',
      region: 'east',
      leadSource: 'media_tender_notice',
      entryMode: 'prime_contractor',
      customerTier: 'A', // strategic importance 5
      competitors: ['Acme', 'Beta'], // Acme named, Beta met at the opening
      estimatedAmount: '1050000.00',
      estimatedCurrency: 'CNY',
      currency: 'CNY',
      ourBid: '1000000.00', // revision 2, the one submitted
      contractValue: '980000.00',
      winner: null,
      winningAmount: '980000.00',
      winningCurrency: 'CNY',
      runnerUpAmount: '1100000.00', // the lowest other bid
      priceGap: '0.10', // (1,100,000 − 1,000,000) / 1,000,000
      revisionCount: 2,
      submissionCount: 1,
      cycleDays: '60.00',
      // search 0→10, preparation 10→20, quotation 20→40, negotiation 40→70; implementation still running
      stageDays: { search: '10.00', preparation: '10.00', quotation: '20.00', negotiation: '30.00', implementation: null, transition: null },
      lossReason: null,
      cancelledAfterWinAt: null,
      dealValue: '980000.00',
      dealCurrency: 'CNY',
    });
  });

  it('records a loss with the winner, the winning amount and the gap above it', () => {
    const fact = factOf(example(IDS.lostOnPrice))!;
    expect(fact).toMatchObject({
      outcome: 'lost', decidedAt: day(50), stageReached: 'negotiation', currentStage: 'closed', lossReason: 'price',
      winner: 'Acme', winningAmount: '1000000.00', winningCurrency: 'CNY', ourBid: '1200000.00', customerTier: 'B',
      priceGap: '0.20', // (1,200,000 − 1,000,000) / 1,000,000
      cycleDays: '50.00', dealValue: '1200000.00', competitors: ['Acme'],
      stageDays: { search: '5.00', preparation: '10.00', quotation: '15.00', negotiation: '20.00', implementation: null, transition: null },
    });
  });

  it('records a drop at screening as withdrawn in search, valued at the estimate', () => {
    expect(factOf(example(IDS.droppedAtScreening))).toMatchObject({
      outcome: 'withdrawn', decidedAt: day(3), stageReached: 'search', customerTier: 'C', cycleDays: '3.00', priceGap: null,
      dealValue: '500000.00', dealCurrency: 'CNY', revisionCount: 0,
      stageDays: { search: '3.00', preparation: null, quotation: null, negotiation: null, implementation: null, transition: null },
    });
  });

  it('rounds a negative gap half-even to 6 places (won above the runner-up)', () => {
    // (195,000 − 210,000) / 210,000 = −0.0714285714… → −0.071429
    expect(factOf(example(IDS.wonInUsd))).toMatchObject({ outcome: 'won', priceGap: '-0.071429', dealCurrency: 'USD', cycleDays: '80.00' });
  });

  it('keeps an open pursuit open with its running stay unmeasured', () => {
    expect(factOf(example(IDS.stillOpen))).toMatchObject({
      outcome: 'open', decidedAt: null, cycleDays: null, currentStage: 'preparation', currentStageEnteredAt: day(5),
      stageDays: { search: '5.00', preparation: null, quotation: null, negotiation: null, implementation: null, transition: null },
    });
  });

  it('keeps a won project won when the owner cancels it later, and notes the cancellation', () => {
    const fact = factOf(examplePursuits()[0]!.cancel(90))!;
    expect(fact).toMatchObject({ outcome: 'won', decidedAt: day(60), cancelledAfterWinAt: day(90), currentStage: 'closed' });
    expect(fact.stageDays.implementation).toBe('20.00');
  });

  it('ignores an event at or below the last folded version, and events before identification', () => {
    const pursuit = example(IDS.lostOnPrice);
    const fact = factOf(pursuit)!;
    const drafted = pursuit.events.findIndex((event) => event.type === 'QuotationRevisionDrafted');
    expect(evolveFact(fact, pursuit.projectId, pursuit.events[drafted]!, drafted + 1)).toBe(fact);
    expect(evolveFact(null, 'x', pursuit.events[drafted]!, 1)).toBeNull();
  });
});
