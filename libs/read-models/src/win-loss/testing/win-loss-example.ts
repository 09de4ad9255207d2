import { PursuitBuilder } from './pursuit-builder.js';

// The hand-computed example: one pursuit for every kind of outcome. Day N = 2026-01-01 + N days,
// 09:00 UTC. The expected figures in the specs are worked out by hand from this timeline.
export const IDS = {
  wonWithOpening: '00000000-0000-4000-8000-000000000001',
  lostOnPrice: '00000000-0000-4000-8000-000000000002',
  droppedAtScreening: '00000000-0000-4000-8000-000000000003',
  cancelled: '00000000-0000-4000-8000-000000000004',
  stillOpen: '00000000-0000-4000-8000-000000000005',
  lostOnTechnical: '00000000-0000-4000-8000-000000000006',
  wonInUsd: '00000000-0000-4000-8000-000000000007',
  lostBeforeBidding: '00000000-0000-4000-8000-000000000008',
} as const;

export function examplePursuits(): PursuitBuilder[] {
  // P1 won (decided day 60, 2026-03-02): bid 1,000,000 (revision 2), runner-up Acme 1,100,000, contract 980,000.
  const p1 = new PursuitBuilder(IDS.wonWithOpening)
    .identify(0, { segment: 'ports', region: 'east', leadSource: 'media_tender_notice', estimated: '1050000' })
    .screen(2, 5).advance(10, 'preparation').setUp(12, 'prime_contractor').competitor(12, 'Acme')
    .quote(15, '1050000').advance(20, 'quotation').revise(25, '1000000').submit(35, 2).advance(40, 'negotiation')
    .bidOpening(45, 1, [['Acme', '1100000', 'CNY'], ['Beta', '1250000', 'CNY']])
    .sign(60, 2, '980000').advance(70, 'implementation');
  // P2 lost on price (day 50, 2026-02-20): bid 1,200,000, Acme won at 1,000,000.
  const p2 = new PursuitBuilder(IDS.lostOnPrice)
    .identify(0, { segment: 'ports', region: 'north', leadSource: 'inbound', estimated: '1200000' })
    .screen(1, 3).advance(5, 'preparation').setUp(6, 'consortium_partner').competitor(6, 'Acme')
    .quote(8, '1200000').advance(15, 'quotation').submit(20, 1).advance(30, 'negotiation')
    .lose(50, 'price', 'Acme', ['1000000', 'CNY']);
  // P3 dropped at screening (day 3): withdrawn, tier C.
  const p3 = new PursuitBuilder(IDS.droppedAtScreening)
    .identify(0, { segment: 'buildings', region: 'east', leadSource: 'field_sighting', estimated: '500000' })
    .screen(3, 2, 'drop');
  // P4 cancelled by the owner in quotation (day 30), never bid: its value is the 800,000 estimate.
  const p4 = new PursuitBuilder(IDS.cancelled)
    .identify(0, { segment: 'buildings', region: 'east', leadSource: 'inbound', estimated: '800000' })
    .screen(5, 4).advance(10, 'preparation').setUp(12, 'subcontractor').quote(14, '800000').advance(20, 'quotation').cancel(30);
  // P5 still open in preparation: in no figure.
  const p5 = new PursuitBuilder(IDS.stillOpen)
    .identify(0, { segment: 'ports', region: 'east', leadSource: 'inbound', estimated: '300000' })
    .screen(2, 4).advance(5, 'preparation');
  // P6 lost on technical grounds in quotation (day 40, 2026-02-10): bid 700,000, winner unknown.
  const p6 = new PursuitBuilder(IDS.lostOnTechnical)
    .identify(0, { segment: 'buildings', region: 'north', leadSource: 'media_tender_notice', estimated: '700000' })
    .screen(2, 3).advance(4, 'preparation').setUp(5, 'prime_contractor').competitor(5, 'Beta')
    .quote(6, '700000').advance(12, 'quotation').submit(20, 1).lose(40, 'technical');
  // P7 won in USD (day 100, 2026-04-11 09:00): bid 210,000, runner-up Gamma 195,000, contract 200,000.
  const p7 = new PursuitBuilder(IDS.wonInUsd)
    .identify(20, { segment: 'ports', region: 'north', leadSource: 'partner_referral', estimated: '200000', currency: 'USD' })
    .screen(25, 4).advance(30, 'preparation').setUp(32, 'consortium_partner').quote(35, '210000', 'USD')
    .advance(45, 'quotation').submit(60, 1).advance(70, 'negotiation').bidOpening(75, 2, [['Gamma', '195000', 'USD']])
    .sign(100, 1, '200000', 'USD');
  // P8 lost on price in preparation before bidding (day 16): Acme won at 900,000; value = the 950,000 estimate.
  const p8 = new PursuitBuilder(IDS.lostBeforeBidding)
    .identify(0, { segment: 'ports', region: 'east', leadSource: 'informal_channel', estimated: '950000' })
    .screen(1, 3).advance(6, 'preparation').lose(16, 'price', 'Acme', ['900000', 'CNY']);
  return [p1, p2, p3, p4, p5, p6, p7, p8];
}
