import { DomainError } from '../../errors/domain-error.js';
import { parseMoney } from '../../money/money.js';
import { deepEqual } from '../../shared/deep-equal.js';
import {
  freeText,
  requireArray,
  requireDate,
  requireInteger,
  requireObject,
  requireText,
  requireTextList,
} from '../../shared/validation.js';
import { projectEvent } from '../event-schema.js';
import { hasSubmission } from '../project.state.js';
import type { HandlerMap } from './handler.js';

function parseBid(input: unknown, field: string) {
  const raw = requireObject(input, field);
  return { competitor: requireText(raw.competitor, `${field}.competitor`), amount: parseMoney(raw.amount, `${field}.amount`) };
}

export const tenderHandlers: HandlerMap<'RecordBidOpening' | 'RecordNegotiationRound'> = {
  RecordBidOpening: ({ data, metadata }, project) => {
    if (!hasSubmission(project)) {
      throw new DomainError('BID_OPENING_BEFORE_SUBMISSION', 'a bid opening needs a submitted quotation revision');
    }
    const opening = {
      ourRank: requireInteger(data.ourRank, 'ourRank', 1),
      bids: requireArray(data.bids, 'bids').map((bid, i) => parseBid(bid, `bids[${i}]`)),
    };
    if (project.bidOpening) {
      if (deepEqual({ ...project.bidOpening, recordedAt: undefined }, opening)) return [];
      throw new DomainError('BID_OPENING_ALREADY_RECORDED', 'the bid opening was already recorded', {
        recordedAt: project.bidOpening.recordedAt,
      });
    }
    return [projectEvent('BidOpeningRecorded', { ...opening, recordedAt: metadata.now })];
  },

  RecordNegotiationRound: ({ data, metadata }, project) => [
    projectEvent('NegotiationRoundRecorded', {
      round: project.negotiationRounds.length + 1,
      date: requireDate(data.date, 'date'),
      topics: requireTextList(data.topics, 'topics'),
      concessions: requireTextList(data.concessions ?? [], 'concessions'),
      notes: freeText(data.notes, 'notes'),
      recordedAt: metadata.now,
    }),
  ],
};
