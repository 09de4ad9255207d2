import type { Money } from '../money/money.js';
import type { QuotationLine } from '../quotation/quotation-line.js';
import type { RevisionTotals } from '../quotation/quotation-totals.js';
import type { Customer, Partner, TeamMember } from './project.commands.js';
import type {
  AmendmentKind,
  EntryMode,
  Influence,
  LeadSource,
  LossReason,
  Outcome,
  ScreeningDecision,
  Stage,
  StakeholderKind,
  WorkingStage,
} from './project.vocabulary.js';

// State is plain JSON (absent values are null) so it can be cached, snapshotted and viewed as is.

export type StageEntry = { stage: Stage; enteredAt: string };

export type Screening = {
  customerValue: number;
  willingness: number;
  competitivePosition: number;
  strategicImportance: number;
  capabilityFit: number;
  decision: ScreeningDecision;
  notes: string;
  screenedAt: string;
};

export type EntryModeChoice = { mode: EntryMode; partners: Partner[]; setAt: string };
export type Team = { members: TeamMember[]; setAt: string };
export type MarketingPlan = {
  coreServices: string[];
  creativeServices: string[];
  personalisedServices: string[];
  funding: string;
  setAt: string;
};

export type Stakeholder = {
  stakeholderId: string;
  name: string;
  kind: StakeholderKind;
  organisation: string | null;
  decisionRole: string;
  influence: Influence;
  relationshipOwners: string[];
  addedAt: string;
};
export type Competitor = { name: string; notes: string | null; addedAt: string };

export type RevisionStatus = 'draft' | 'submitted';
export type QuotationRevision = {
  number: number;
  status: RevisionStatus;
  reason: string;
  lines: QuotationLine[];
  totals: RevisionTotals;
  draftedAt: string;
  submittedAt: string | null;
};
export type Quotation = {
  quotationId: string;
  title: string;
  currency: string;
  technicalApproach: string;
  status: 'active' | 'withdrawn';
  createdAt: string;
  withdrawal: { reason: string; withdrawnAt: string } | null;
  revisions: QuotationRevision[];
};

export type BidOpening = { ourRank: number; bids: { competitor: string; amount: Money }[]; recordedAt: string };
export type NegotiationRound = {
  round: number;
  date: string;
  topics: string[];
  concessions: string[];
  notes: string;
  recordedAt: string;
};

export type Amendment = {
  number: number;
  kind: AmendmentKind;
  valueDelta: Money;
  previousValue: Money;
  newValue: Money;
  newEndDate: string | null;
  scope: string;
  reason: string;
  amendedAt: string;
};
export type Contract = {
  quotationId: string;
  revision: number;
  value: Money;
  currentValue: Money;
  signedAt: string;
  startDate: string;
  endDate: string;
  currentEndDate: string;
  retentionPercent: string;
  paymentTerms: string;
  recordedAt: string;
  amendments: Amendment[];
};

export type Milestone = {
  milestoneId: string;
  name: string;
  plannedDate: string;
  achievedDate: string | null;
  progressPercent: number;
  recordedAt: string;
};
export type Acceptance = { acceptedAt: string; notes: string; recordedAt: string };
export type Handover = { handedOverAt: string; notes: string; recordedAt: string };
export type Settlement = { amount: Money; retentionReleased: boolean; settledAt: string; notes: string; recordedAt: string };

export type Ending =
  | { outcome: 'lost'; reason: LossReason; winner: string | null; winningAmount: Money | null; notes: string | null; endedAt: string }
  | { outcome: 'withdrawn'; reason: string; endedAt: string }
  | { outcome: 'cancelled'; reason: string; endedAt: string };

export type Project = {
  status: 'identified';
  id: string;
  name: string;
  customer: Customer;
  segment: string;
  region: string;
  leadSource: LeadSource;
  estimatedValue: Money;
  stage: Stage;
  stageReached: WorkingStage;
  outcome: Outcome;
  stageHistory: StageEntry[];
  screening: Screening | null;
  entryMode: EntryModeChoice | null;
  team: Team | null;
  plan: MarketingPlan | null;
  stakeholders: Stakeholder[];
  competitors: Competitor[];
  quotations: Quotation[];
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

export type ProjectState = { status: 'none' } | Project;

export function initialState(): ProjectState {
  return { status: 'none' };
}

export function isIdentified(state: ProjectState): state is Project {
  return state.status === 'identified';
}

export function findQuotation(project: Project, quotationId: string): Quotation | undefined {
  return project.quotations.find((quotation) => quotation.quotationId === quotationId);
}

// A live bid: some revision submitted in a quotation that was not withdrawn.
export function hasSubmission(project: Project): boolean {
  return project.quotations.some(
    (quotation) => quotation.status === 'active' && quotation.revisions.some((revision) => revision.status === 'submitted'),
  );
}
