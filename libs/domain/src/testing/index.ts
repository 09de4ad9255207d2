export { deciderSpec } from './decider-spec.js';
export type { Decider, Expect, ThenStep } from './decider-spec.js';
export * from './project-fixtures.js';
export { ALL_STAGES, commandsInto, dayAt, historyAt, play } from './project-history.js';
