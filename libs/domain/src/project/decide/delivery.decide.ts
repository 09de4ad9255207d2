import { DomainError } from '../../errors/domain-error.js';
import { assertSameCurrency, parseMoney } from '../../money/money.js';
import {
  freeText,
  optionalDate,
  requireBoolean,
  requireDate,
  requireInstant,
  requireInteger,
  requireText,
} from '../../shared/validation.js';
import { projectEvent } from '../event-schema.js';
import type { HandlerMap } from './handler.js';
import { requireContract } from './contract.decide.js';

export const deliveryHandlers: HandlerMap<'RecordMilestone' | 'RecordAcceptance' | 'RecordHandover' | 'SettleProject'> = {
  // Recording a known milestone again updates it; progress only moves forward.
  RecordMilestone: ({ data, metadata }, project) => {
    const milestoneId = requireText(data.milestoneId, 'milestoneId');
    const existing = project.milestones.find((milestone) => milestone.milestoneId === milestoneId);
    const progressPercent = requireInteger(data.progressPercent, 'progressPercent', 0, 100);
    const achievedDate = optionalDate(data.achievedDate, 'achievedDate') ?? existing?.achievedDate ?? undefined;
    const milestone = {
      milestoneId,
      name: requireText(data.name, 'name'),
      plannedDate: requireDate(data.plannedDate, 'plannedDate'),
      ...(achievedDate ? { achievedDate } : {}),
      progressPercent,
    };
    if (existing) {
      if (progressPercent < existing.progressPercent) {
        throw new DomainError('MILESTONE_PROGRESS_DECREASED', `milestone ${milestoneId} progress cannot go down`, {
          milestoneId,
          previous: existing.progressPercent,
          requested: progressPercent,
        });
      }
      const unchanged =
        existing.name === milestone.name &&
        existing.plannedDate === milestone.plannedDate &&
        existing.achievedDate === (achievedDate ?? null) &&
        existing.progressPercent === progressPercent;
      if (unchanged) return [];
    }
    return [projectEvent('MilestoneRecorded', { ...milestone, recordedAt: metadata.now })];
  },

  RecordAcceptance: ({ data, metadata }, project) => {
    if (project.acceptance) {
      throw new DomainError('ACCEPTANCE_ALREADY_RECORDED', 'completion acceptance was already recorded', {
        acceptedAt: project.acceptance.acceptedAt,
      });
    }
    return [
      projectEvent('AcceptanceRecorded', {
        acceptedAt: requireInstant(data.acceptedAt, 'acceptedAt'),
        notes: freeText(data.notes, 'notes'),
        recordedAt: metadata.now,
      }),
    ];
  },

  RecordHandover: ({ data, metadata }, project) => {
    if (!project.acceptance) {
      throw new DomainError('HANDOVER_BEFORE_ACCEPTANCE', 'handover needs completion acceptance first');
    }
    if (project.handover) {
      throw new DomainError('HANDOVER_ALREADY_RECORDED', 'handover was already recorded', {
        handedOverAt: project.handover.handedOverAt,
      });
    }
    return [
      projectEvent('HandoverRecorded', {
        handedOverAt: requireInstant(data.handedOverAt, 'handedOverAt'),
        notes: freeText(data.notes, 'notes'),
        recordedAt: metadata.now,
      }),
    ];
  },

  // Final settlement closes the project; the outcome stays won.
  SettleProject: ({ data, metadata }, project) => {
    if (!project.acceptance) throw new DomainError('SETTLEMENT_BEFORE_ACCEPTANCE', 'settlement needs completion acceptance first');
    if (!project.handover) throw new DomainError('SETTLEMENT_BEFORE_HANDOVER', 'settlement needs the handover first');
    const contract = requireContract(project);
    const amount = parseMoney(data.amount, 'amount');
    assertSameCurrency(contract.value.currency, amount.currency, 'amount.currency');
    return [
      projectEvent('ProjectSettled', {
        amount,
        retentionReleased: requireBoolean(data.retentionReleased, 'retentionReleased'),
        settledAt: requireInstant(data.settledAt, 'settledAt'),
        notes: freeText(data.notes, 'notes'),
        recordedAt: metadata.now,
      }),
    ];
  },
};
