import type { Money } from '../money/money.js';
import type { Partner } from './project.commands.js';
import type {
  Acceptance,
  BidOpening,
  Competitor,
  Contract,
  Ending,
  Handover,
  MarketingPlan,
  Milestone,
  NegotiationRound,
  Project,
  ProjectState,
  Quotation,
  Screening,
  Settlement,
  StageEntry,
  Stakeholder,
  Team,
} from './project.state.js';
import { customerTier } from './project.vocabulary.js';
import type { CustomerTier, EntryMode, LeadSource, Outcome, Stage, WorkingStage } from './project.vocabulary.js';

export type QuotationView = Quotation & { latestRevision: number | null; lastSubmittedRevision: number | null };

export type ProjectView = {
  id: string;
  name: string;
  customer: Project['customer'];
  segment: string;
  region: string;
  leadSource: LeadSource;
  estimatedValue: Money;
  stage: Stage;
  stageReached: WorkingStage;
  outcome: Outcome;
  stageHistory: StageEntry[];
  screening: (Screening & { customerTier: CustomerTier }) | null;
  entryMode: EntryMode | null;
  partners: Partner[];
  team: Team | null;
  plan: MarketingPlan | null;
  stakeholders: Stakeholder[];
  competitors: Competitor[];
  quotations: QuotationView[];
  bidOpening: BidOpening | null;
  negotiationRounds: NegotiationRound[];
  contract: Contract | null;
  milestones: Milestone[];
  deliveryComplete: boolean;
  acceptance: Acceptance | null;
  handover: Handover | null;
  settlement: Settlement | null;
  ending: Ending | null;
  identifiedAt: string;
  updatedAt: string;
};

function quotationView(quotation: Quotation): QuotationView {
  const numbers = quotation.revisions.map((revision) => revision.number);
  const submitted = quotation.revisions.filter((revision) => revision.status === 'submitted').map((revision) => revision.number);
  return {
    ...quotation,
    latestRevision: numbers.length > 0 ? Math.max(...numbers) : null,
    lastSubmittedRevision: submitted.length > 0 ? Math.max(...submitted) : null,
  };
}

// The JSON body of GET /v1/projects/{id}; a copy, so callers cannot alter folded state.
export function toProjectView(state: Project): ProjectView;
export function toProjectView(state: ProjectState): ProjectView | null;
export function toProjectView(state: ProjectState): ProjectView | null {
  return projectViewOf(structuredClone(state));
}

// The same view without the copy, for a state folded for this one answer and dropped after it
// (a replay): the view shares the state's objects, so neither may be changed. The copy is a
// tenth of a 1,000-event replay.
export function projectViewOf(state: Project): ProjectView;
export function projectViewOf(state: ProjectState): ProjectView | null;
export function projectViewOf(state: ProjectState): ProjectView | null {
  if (state.status === 'none') return null;
  const { status: _status, entryMode, screening, quotations, ...project } = state;
  return {
    ...project,
    screening: screening ? { ...screening, customerTier: customerTier(screening.strategicImportance) } : null,
    entryMode: entryMode?.mode ?? null,
    partners: entryMode?.partners ?? [],
    quotations: quotations.map(quotationView),
  };
}
