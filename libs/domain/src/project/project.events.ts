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
  ScreeningDecision,
  StakeholderKind,
  WorkingStage,
} from './project.vocabulary.js';

// Event type names are stored forever: never rename one; add a new type or bump its schema version.
type DomainEvent<Type extends string, Data> = { type: Type; schemaVersion: number; data: Data };

export type ProjectIdentified = DomainEvent<
  'ProjectIdentified',
  {
    projectId: string;
    name: string;
    customer: Customer;
    segment: string;
    region: string;
    leadSource: LeadSource;
    estimatedValue: Money;
    identifiedAt: string;
  }
>;
export type ProjectScreened = DomainEvent<
  'ProjectScreened',
  {
    customerValue: number;
    willingness: number;
    competitivePosition: number;
    strategicImportance: number;
    capabilityFit: number;
    decision: ScreeningDecision;
    notes: string;
    screenedAt: string;
  }
>;
export type EntryModeSet = DomainEvent<'EntryModeSet', { mode: EntryMode; partners: Partner[]; setAt: string }>;
export type TeamSet = DomainEvent<'TeamSet', { members: TeamMember[]; setAt: string }>;
export type MarketingPlanSet = DomainEvent<
  'MarketingPlanSet',
  { coreServices: string[]; creativeServices: string[]; personalisedServices: string[]; funding: string; setAt: string }
>;
export type StakeholderAdded = DomainEvent<
  'StakeholderAdded',
  {
    stakeholderId: string;
    name: string;
    kind: StakeholderKind;
    organisation?: string;
    decisionRole: string;
    influence: Influence;
    relationshipOwners: string[];
    addedAt: string;
  }
>;
export type CompetitorAdded = DomainEvent<'CompetitorAdded', { name: string; notes?: string; addedAt: string }>;
export type StageAdvanced = DomainEvent<
  'StageAdvanced',
  { from: WorkingStage; to: WorkingStage; reason: string; advancedAt: string }
>;

export type QuotationCreated = DomainEvent<
  'QuotationCreated',
  { quotationId: string; title: string; currency: string; technicalApproach: string; createdAt: string }
>;
export type QuotationRevisionDrafted = DomainEvent<
  'QuotationRevisionDrafted',
  { quotationId: string; revision: number; reason: string; lines: QuotationLine[]; totals: RevisionTotals; draftedAt: string }
>;
export type QuotationRevisionSubmitted = DomainEvent<
  'QuotationRevisionSubmitted',
  { quotationId: string; revision: number; total: Money; submittedAt: string }
>;
export type QuotationWithdrawn = DomainEvent<'QuotationWithdrawn', { quotationId: string; reason: string; withdrawnAt: string }>;
export type BidOpeningRecorded = DomainEvent<
  'BidOpeningRecorded',
  { ourRank: number; bids: { competitor: string; amount: Money }[]; recordedAt: string }
>;
export type NegotiationRoundRecorded = DomainEvent<
  'NegotiationRoundRecorded',
  { round: number; date: string; topics: string[]; concessions: string[]; notes: string; recordedAt: string }
>;

export type ContractSigned = DomainEvent<
  'ContractSigned',
  {
    quotationId: string;
    revision: number;
    value: Money;
    signedAt: string;
    startDate: string;
    endDate: string;
    retentionPercent: string;
    paymentTerms: string;
    recordedAt: string;
  }
>;
export type ContractAmended = DomainEvent<
  'ContractAmended',
  {
    number: number;
    kind: AmendmentKind;
    valueDelta: Money;
    previousValue: Money;
    newValue: Money;
    newEndDate?: string;
    previousEndDate?: string;
    scope: string;
    reason: string;
    amendedAt: string;
  }
>;

export type MilestoneRecorded = DomainEvent<
  'MilestoneRecorded',
  {
    milestoneId: string;
    name: string;
    plannedDate: string;
    achievedDate?: string;
    progressPercent: number;
    recordedAt: string;
  }
>;
export type AcceptanceRecorded = DomainEvent<'AcceptanceRecorded', { acceptedAt: string; notes: string; recordedAt: string }>;
export type HandoverRecorded = DomainEvent<'HandoverRecorded', { handedOverAt: string; notes: string; recordedAt: string }>;
export type ProjectSettled = DomainEvent<
  'ProjectSettled',
  { amount: Money; retentionReleased: boolean; settledAt: string; notes: string; recordedAt: string }
>;

export type ProjectLost = DomainEvent<
  'ProjectLost',
  { reason: LossReason; winner?: string; winningAmount?: Money; notes?: string; lostAt: string }
>;
export type ProjectWithdrawn = DomainEvent<'ProjectWithdrawn', { reason: string; withdrawnAt: string }>;
export type ProjectCancelled = DomainEvent<'ProjectCancelled', { reason: string; cancelledAt: string }>;

export type ProjectEvent =
  | ProjectIdentified
  | ProjectScreened
  | EntryModeSet
  | TeamSet
  | MarketingPlanSet
  | StakeholderAdded
  | CompetitorAdded
  | StageAdvanced
  | QuotationCreated
  | QuotationRevisionDrafted
  | QuotationRevisionSubmitted
  | QuotationWithdrawn
  | BidOpeningRecorded
  | NegotiationRoundRecorded
  | ContractSigned
  | ContractAmended
  | MilestoneRecorded
  | AcceptanceRecorded
  | HandoverRecorded
  | ProjectSettled
  | ProjectLost
  | ProjectWithdrawn
  | ProjectCancelled;

export type ProjectEventType = ProjectEvent['type'];
export type EventOfType<T extends ProjectEventType> = Extract<ProjectEvent, { type: T }>;
