import { decide } from '../project/project.decide.js';
import { fold } from '../project/project.evolve.js';
import type { ProjectCommand, ProjectCommandType } from '../project/project.commands.js';
import type { ProjectEvent } from '../project/project.events.js';
import type { Stage } from '../project/project.vocabulary.js';
import { command } from './project-fixtures.js';

// Histories are produced by the decider itself, so they are valid by construction.

export function dayAt(day: number): string {
  return new Date(Date.UTC(2026, 0, 1 + day, 9)).toISOString();
}

type Step = { type: ProjectCommandType; data?: Record<string, unknown> };

const STEPS_INTO: Record<Stage, readonly Step[]> = {
  search: [{ type: 'IdentifyProject' }],
  preparation: [{ type: 'ScreenProject' }, { type: 'AdvanceStage', data: { to: 'preparation' } }],
  quotation: [
    { type: 'SetEntryMode' },
    { type: 'SetTeam' },
    { type: 'SetMarketingPlan' },
    { type: 'CreateQuotation' },
    { type: 'AdvanceStage', data: { to: 'quotation' } },
  ],
  negotiation: [{ type: 'SubmitQuotationRevision' }, { type: 'AdvanceStage', data: { to: 'negotiation' } }],
  implementation: [{ type: 'SignContract' }, { type: 'AdvanceStage', data: { to: 'implementation' } }],
  transition: [{ type: 'RecordMilestone' }, { type: 'AdvanceStage', data: { to: 'transition' } }],
  closed: [{ type: 'RecordAcceptance' }, { type: 'RecordHandover' }, { type: 'SettleProject' }],
};

const ORDER: readonly Stage[] = ['search', 'preparation', 'quotation', 'negotiation', 'implementation', 'transition', 'closed'];

export function play(commands: readonly ProjectCommand[], history: readonly ProjectEvent[] = []): ProjectEvent[] {
  return commands.reduce<ProjectEvent[]>((events, next) => [...events, ...decide(next, fold(events))], [...history]);
}

export function commandsInto(stage: Stage): ProjectCommand[] {
  const steps = ORDER.slice(0, ORDER.indexOf(stage) + 1).flatMap((each) => STEPS_INTO[each]);
  return steps.map((step, index) => command(step.type, step.data ?? {}, dayAt(index)));
}

// The events of the sample project brought to `stage` (closed = settled, won).
export function historyAt(stage: Stage): ProjectEvent[] {
  return play(commandsInto(stage));
}

export const ALL_STAGES = ORDER;
