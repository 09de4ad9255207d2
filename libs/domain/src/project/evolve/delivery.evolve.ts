import type { Milestone } from '../project.state.js';
import { close } from './evolver.js';
import type { EvolverMap } from './evolver.js';

export const deliveryEvolvers: EvolverMap<
  | 'ContractSigned'
  | 'ContractAmended'
  | 'MilestoneRecorded'
  | 'AcceptanceRecorded'
  | 'HandoverRecorded'
  | 'ProjectSettled'
> = {
  ContractSigned: (project, { data }) => ({
    ...project,
    outcome: 'won',
    contract: { ...data, currentValue: data.value, currentEndDate: data.endDate, amendments: [] },
  }),
  ContractAmended: (project, { data }) => {
    const { contract } = project;
    if (!contract) return project;
    return {
      ...project,
      contract: {
        ...contract,
        currentValue: data.newValue,
        currentEndDate: data.newEndDate ?? contract.currentEndDate,
        amendments: [
          ...contract.amendments,
          {
            number: data.number,
            kind: data.kind,
            valueDelta: data.valueDelta,
            previousValue: data.previousValue,
            newValue: data.newValue,
            newEndDate: data.newEndDate ?? null,
            scope: data.scope,
            reason: data.reason,
            amendedAt: data.amendedAt,
          },
        ],
      },
    };
  },
  MilestoneRecorded: (project, { data }) => {
    const milestone: Milestone = { ...data, achievedDate: data.achievedDate ?? null };
    const known = project.milestones.some((existing) => existing.milestoneId === data.milestoneId);
    return {
      ...project,
      milestones: known
        ? project.milestones.map((existing) => (existing.milestoneId === data.milestoneId ? milestone : existing))
        : [...project.milestones, milestone],
      deliveryComplete: project.deliveryComplete || data.progressPercent >= 100,
    };
  },
  AcceptanceRecorded: (project, { data }) => ({ ...project, acceptance: { ...data } }),
  HandoverRecorded: (project, { data }) => ({ ...project, handover: { ...data } }),
  ProjectSettled: (project, { data }) => ({
    ...close(project, project.outcome, data.recordedAt),
    settlement: { ...data },
  }),
};
