import type { ProjectIdentified } from '../project.events.js';
import type { Project } from '../project.state.js';
import { close } from './evolver.js';
import type { EvolverMap } from './evolver.js';

export function identified({ data }: ProjectIdentified): Project {
  return {
    status: 'identified',
    id: data.projectId,
    name: data.name,
    customer: data.customer,
    segment: data.segment,
    region: data.region,
    leadSource: data.leadSource,
    estimatedValue: data.estimatedValue,
    stage: 'search',
    stageReached: 'search',
    outcome: 'open',
    stageHistory: [{ stage: 'search', enteredAt: data.identifiedAt }],
    screening: null,
    entryMode: null,
    team: null,
    plan: null,
    stakeholders: [],
    competitors: [],
    quotations: [],
    bidOpening: null,
    negotiationRounds: [],
    contract: null,
    milestones: [],
    deliveryComplete: false,
    acceptance: null,
    handover: null,
    settlement: null,
    ending: null,
    identifiedAt: data.identifiedAt,
    updatedAt: data.identifiedAt,
  };
}

export const pursuitEvolvers: EvolverMap<
  | 'ProjectScreened'
  | 'EntryModeSet'
  | 'TeamSet'
  | 'MarketingPlanSet'
  | 'StakeholderAdded'
  | 'CompetitorAdded'
  | 'StageAdvanced'
  | 'ProjectLost'
  | 'ProjectWithdrawn'
  | 'ProjectCancelled'
> = {
  ProjectScreened: (project, { data }) => ({ ...project, screening: { ...data } }),
  EntryModeSet: (project, { data }) => ({ ...project, entryMode: { ...data } }),
  TeamSet: (project, { data }) => ({ ...project, team: { ...data } }),
  MarketingPlanSet: (project, { data }) => ({ ...project, plan: { ...data } }),
  StakeholderAdded: (project, { data }) => ({
    ...project,
    stakeholders: [...project.stakeholders, { ...data, organisation: data.organisation ?? null }],
  }),
  CompetitorAdded: (project, { data }) => ({
    ...project,
    competitors: [...project.competitors, { name: data.name, notes: data.notes ?? null, addedAt: data.addedAt }],
  }),
  StageAdvanced: (project, { data }) => ({
    ...project,
    stage: data.to,
    stageReached: data.to,
    stageHistory: [...project.stageHistory, { stage: data.to, enteredAt: data.advancedAt }],
  }),
  ProjectLost: (project, { data }) => ({
    ...close(project, 'lost', data.lostAt),
    ending: {
      outcome: 'lost',
      reason: data.reason,
      winner: data.winner ?? null,
      winningAmount: data.winningAmount ?? null,
      notes: data.notes ?? null,
      endedAt: data.lostAt,
    },
  }),
  ProjectWithdrawn: (project, { data }) => ({
    ...close(project, 'withdrawn', data.withdrawnAt),
    ending: { outcome: 'withdrawn', reason: data.reason, endedAt: data.withdrawnAt },
  }),
  ProjectCancelled: (project, { data }) => ({
    ...close(project, 'cancelled', data.cancelledAt),
    ending: { outcome: 'cancelled', reason: data.reason, endedAt: data.cancelledAt },
  }),
};
