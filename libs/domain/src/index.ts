import { decide } from './project/project.decide.js';
import { evolve } from './project/project.evolve.js';
import { initialState } from './project/project.state.js';

export { DomainError, isDomainError } from './errors/domain-error.js';
export type { DomainErrorDetails } from './errors/domain-error.js';
export { DOMAIN_ERROR_CODES } from './errors/error-codes.js';
export type { DomainErrorCode, DomainErrorKind } from './errors/error-codes.js';

export { Decimal, sumDecimals } from './money/decimal.js';
export {
  addMoney,
  amountOf,
  assertSameCurrency,
  compareMoney,
  money,
  parseCurrency,
  parseMoney,
  subtractMoney,
} from './money/money.js';
export type { Money, MoneyParseOptions } from './money/money.js';

export { priceLines } from './quotation/quotation-line.js';
export type { QuotationLine, QuotationLineInput } from './quotation/quotation-line.js';
export { computeRevisionTotals } from './quotation/quotation-totals.js';
export type { RevisionTotals } from './quotation/quotation-totals.js';
export { diffRevisionLines, diffRevisions } from './quotation/revision-diff.js';
export type { DiffableRevision, LineChange, LineFieldChange, RevisionDiff, RevisionLinesDiff, TotalsDelta } from './quotation/revision-diff.js';

export * from './project/project.vocabulary.js';
export type * from './project/project.commands.js';
export type * from './project/project.events.js';
export type * from './project/project.state.js';
export { findQuotation, hasSubmission, initialState, isIdentified } from './project/project.state.js';
export {
  EVENT_SCHEMA_VERSIONS,
  eventRecordedAt,
  isProjectEventType,
  PROJECT_EVENT_TYPES,
  projectEvent,
} from './project/event-schema.js';
export { COMMAND_STAGES, isAllowedInStage, PROJECT_COMMAND_TYPES } from './project/stage-rules.js';
export { STAGE_GATES } from './project/decide/stage-transition.decide.js';
export { decide } from './project/project.decide.js';
export { evolve, fold } from './project/project.evolve.js';
export { projectViewOf, toProjectView } from './project/project.view.js';
export { projectIdOf, projectStreamId, toProjectEvent } from './project/project-stream.js';
export type { ProjectView, QuotationView } from './project/project.view.js';

// The decider as one value, for the generic load → decide → append command path.
export const projectDecider = { decide, evolve, initialState } as const;
