import { eventRecordedAt } from './event-schema.js';
import type { ProjectEvent } from './project.events.js';
import { initialState } from './project.state.js';
import type { ProjectState } from './project.state.js';
import { deliveryEvolvers } from './evolve/delivery.evolve.js';
import type { Evolver, EvolverMap } from './evolve/evolver.js';
import { identified, pursuitEvolvers } from './evolve/pursuit.evolve.js';
import { quotationEvolvers } from './evolve/quotation.evolve.js';

const EVOLVERS: EvolverMap<Exclude<ProjectEvent['type'], 'ProjectIdentified'>> = {
  ...pursuitEvolvers,
  ...quotationEvolvers,
  ...deliveryEvolvers,
};

// Total: an event that does not fit the state (or an unknown type) leaves it unchanged.
export function evolve(state: ProjectState, event: ProjectEvent): ProjectState {
  if (event.type === 'ProjectIdentified') return state.status === 'none' ? identified(event) : state;
  if (state.status === 'none') return state;
  const apply = EVOLVERS[event.type] as Evolver<typeof event.type> | undefined;
  if (!apply) return state;
  return { ...apply(state, event), updatedAt: eventRecordedAt(event) };
}

export function fold(events: readonly ProjectEvent[]): ProjectState {
  return events.reduce<ProjectState>(evolve, initialState());
}
