import type { EventOfType, ProjectEventType } from '../project.events.js';
import type { Project } from '../project.state.js';
import type { Outcome } from '../project.vocabulary.js';

export type Evolver<T extends ProjectEventType> = (project: Project, event: EventOfType<T>) => Project;
export type EvolverMap<T extends ProjectEventType> = { [K in T]: Evolver<K> };

export function close(project: Project, outcome: Outcome, at: string): Project {
  return {
    ...project,
    stage: 'closed',
    outcome,
    stageHistory: [...project.stageHistory, { stage: 'closed', enteredAt: at }],
  };
}
