import { DomainError } from '../../errors/domain-error.js';
import { parseMoney } from '../../money/money.js';
import { optionalText, requireOneOf, requireText } from '../../shared/validation.js';
import { projectEvent } from '../event-schema.js';
import { LOSS_REASONS } from '../project.vocabulary.js';
import type { HandlerMap } from './handler.js';

export const endingHandlers: HandlerMap<'RecordLoss' | 'WithdrawProject' | 'CancelProject'> = {
  RecordLoss: ({ data, metadata }, project) => {
    if (project.contract) throw new DomainError('LOSS_AFTER_CONTRACT', 'a project with a signed contract cannot be lost');
    const winner = optionalText(data.winner, 'winner');
    const notes = optionalText(data.notes, 'notes');
    const winningAmount =
      data.winningAmount === undefined || data.winningAmount === null
        ? undefined
        : parseMoney(data.winningAmount, 'winningAmount');
    return [
      projectEvent('ProjectLost', {
        reason: requireOneOf(data.reason, 'reason', LOSS_REASONS),
        ...(winner ? { winner } : {}),
        ...(winningAmount ? { winningAmount } : {}),
        ...(notes ? { notes } : {}),
        lostAt: metadata.now,
      }),
    ];
  },

  WithdrawProject: ({ data, metadata }, project) => {
    if (project.contract) {
      throw new DomainError('WITHDRAWAL_AFTER_CONTRACT', 'a project with a signed contract cannot be withdrawn; cancel it instead');
    }
    return [projectEvent('ProjectWithdrawn', { reason: requireText(data.reason, 'reason'), withdrawnAt: metadata.now })];
  },

  CancelProject: ({ data, metadata }) => [
    projectEvent('ProjectCancelled', { reason: requireText(data.reason, 'reason'), cancelledAt: metadata.now }),
  ],
};
