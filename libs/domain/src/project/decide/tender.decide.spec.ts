import { projectDecider } from '../../index.js';
import { deciderSpec } from '../../testing/decider-spec.js';
import { command, NOW } from '../../testing/project-fixtures.js';
import { historyAt, play } from '../../testing/project-history.js';
import { projectEvent } from '../event-schema.js';

const spec = deciderSpec(projectDecider, expect);
const submitted = () => play([command('SubmitQuotationRevision')], historyAt('quotation'));

describe('RecordBidOpening', () => {
  const bids = [
    { competitor: 'Acme Cranes', amount: { amount: '1300000', currency: 'CNY' } },
    { competitor: 'Delta Port Systems', amount: { amount: '1250000.5', currency: 'CNY' } },
  ];

  it('records the bid opening after a submission', () => {
    spec
      .given(submitted())
      .when(command('RecordBidOpening', { ourRank: 1, bids }))
      .then([
        projectEvent('BidOpeningRecorded', {
          ourRank: 1,
          bids: [
            { competitor: 'Acme Cranes', amount: { amount: '1300000.00', currency: 'CNY' } },
            { competitor: 'Delta Port Systems', amount: { amount: '1250000.50', currency: 'CNY' } },
          ],
          recordedAt: NOW,
        }),
      ]);
  });

  it('refuses before any submission', () => {
    spec.given(historyAt('quotation')).when(command('RecordBidOpening')).thenThrows('BID_OPENING_BEFORE_SUBMISSION');
  });

  it('is a no-op when the same opening is recorded again', () => {
    spec.given(play([command('RecordBidOpening')], submitted()))
      .when(command('RecordBidOpening', {}, '2026-07-01T00:00:00Z'))
      .thenNothing();
  });

  it('refuses a different second opening', () => {
    spec.given(play([command('RecordBidOpening')], submitted()))
      .when(command('RecordBidOpening', { ourRank: 2 }))
      .thenThrows('BID_OPENING_ALREADY_RECORDED');
  });

  it.each([
    [{ ourRank: 0 }, 'INVALID_FIELD'],
    [{ ourRank: 1.5 }, 'INVALID_FIELD'],
    [{ bids: 'none' }, 'INVALID_FIELD'],
    [{ bids: [{ competitor: '', amount: { amount: '1', currency: 'CNY' } }] }, 'INVALID_FIELD'],
    [{ bids: [{ competitor: 'Acme', amount: { amount: '1', currency: 'rmb' } }] }, 'INVALID_CURRENCY'],
    [{ bids: [{ competitor: 'Acme', amount: { amount: 'NaN', currency: 'CNY' } }] }, 'INVALID_DECIMAL'],
  ])('refuses %j with %s', (overrides, code) => {
    spec.given(submitted()).when(command('RecordBidOpening', overrides)).thenThrows(code);
  });
});

describe('RecordNegotiationRound', () => {
  const round = (number: number) =>
    projectEvent('NegotiationRoundRecorded', {
      round: number,
      date: '2026-03-01',
      topics: ['price'],
      concessions: ['free training'],
      notes: 'first round',
      recordedAt: NOW,
    });

  it('records numbered rounds', () => {
    spec.given(historyAt('negotiation')).when(command('RecordNegotiationRound')).then([round(1)]);
    spec.given(play([command('RecordNegotiationRound')], historyAt('negotiation')))
      .when(command('RecordNegotiationRound'))
      .then([round(2)]);
  });

  it.each([[{ date: '2026-02-30' }], [{ date: '01/03/2026' }], [{ topics: [''] }], [{ topics: undefined }], [{ notes: 3 }]])(
    'refuses %j',
    (overrides) => {
      spec.given(historyAt('negotiation')).when(command('RecordNegotiationRound', overrides)).thenThrows('INVALID_FIELD');
    },
  );
});
