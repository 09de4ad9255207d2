import type { Money } from '../money/money.js';
import type { QuotationLineInput } from '../quotation/quotation-line.js';
import type {
  AmendmentKind,
  EntryMode,
  Influence,
  LeadSource,
  LossReason,
  ScreeningDecision,
  Stage,
  StakeholderKind,
} from './project.vocabulary.js';

export type CommandMetadata = { now: string; actor: string };

type Command<Type extends string, Data> = { type: Type; data: Data; metadata: CommandMetadata };

export type Customer = { name: string; externalId?: string };
export type Partner = { name: string; role?: string };
export type TeamMember = { name: string; role: string };

export type IdentifyProject = Command<
  'IdentifyProject',
  {
    projectId: string;
    name: string;
    customer: Customer;
    segment: string;
    region: string;
    leadSource: LeadSource;
    estimatedValue: Money;
  }
>;
export type ScreenProject = Command<
  'ScreenProject',
  {
    customerValue: number;
    willingness: number;
    competitivePosition: number;
    strategicImportance: number;
    capabilityFit: number;
    decision: ScreeningDecision;
    notes: string;
  }
>;
export type SetEntryMode = Command<'SetEntryMode', { mode: EntryMode; partners: Partner[] }>;
export type SetTeam = Command<'SetTeam', { members: TeamMember[] }>;
export type SetMarketingPlan = Command<
  'SetMarketingPlan',
  { coreServices: string[]; creativeServices: string[]; personalisedServices: string[]; funding: string }
>;
export type AddStakeholder = Command<
  'AddStakeholder',
  {
    stakeholderId: string;
    name: string;
    kind: StakeholderKind;
    organisation?: string;
    decisionRole: string;
    influence: Influence;
    relationshipOwners: string[];
  }
>;
export type AddCompetitor = Command<'AddCompetitor', { name: string; notes?: string }>;
export type AdvanceStage = Command<'AdvanceStage', { to: Stage; reason: string }>;

export type CreateQuotation = Command<
  'CreateQuotation',
  { quotationId: string; title: string; currency: string; technicalApproach: string; lines: QuotationLineInput[]; reason: string }
>;
export type DraftQuotationRevision = Command<
  'DraftQuotationRevision',
  { quotationId: string; lines: QuotationLineInput[]; reason: string }
>;
export type SubmitQuotationRevision = Command<'SubmitQuotationRevision', { quotationId: string; revision: number }>;
export type WithdrawQuotation = Command<'WithdrawQuotation', { quotationId: string; reason: string }>;
export type RecordBidOpening = Command<'RecordBidOpening', { ourRank: number; bids: { competitor: string; amount: Money }[] }>;
export type RecordNegotiationRound = Command<
  'RecordNegotiationRound',
  { date: string; topics: string[]; concessions: string[]; notes: string }
>;

export type SignContract = Command<
  'SignContract',
  {
    quotationId: string;
    revision: number;
    value: Money;
    signedAt: string;
    startDate: string;
    endDate: string;
    retentionPercent: string;
    paymentTerms: string;
  }
>;
export type AmendContract = Command<
  'AmendContract',
  { kind: AmendmentKind; valueDelta: Money; newEndDate?: string; scope: string; reason: string }
>;

export type RecordMilestone = Command<
  'RecordMilestone',
  { milestoneId: string; name: string; plannedDate: string; achievedDate?: string; progressPercent: number }
>;
export type RecordAcceptance = Command<'RecordAcceptance', { acceptedAt: string; notes: string }>;
export type RecordHandover = Command<'RecordHandover', { handedOverAt: string; notes: string }>;
export type SettleProject = Command<
  'SettleProject',
  { amount: Money; retentionReleased: boolean; settledAt: string; notes: string }
>;

export type RecordLoss = Command<'RecordLoss', { reason: LossReason; winner?: string; winningAmount?: Money; notes?: string }>;
export type WithdrawProject = Command<'WithdrawProject', { reason: string }>;
export type CancelProject = Command<'CancelProject', { reason: string }>;

export type ProjectCommand =
  | IdentifyProject
  | ScreenProject
  | SetEntryMode
  | SetTeam
  | SetMarketingPlan
  | AddStakeholder
  | AddCompetitor
  | AdvanceStage
  | CreateQuotation
  | DraftQuotationRevision
  | SubmitQuotationRevision
  | WithdrawQuotation
  | RecordBidOpening
  | RecordNegotiationRound
  | SignContract
  | AmendContract
  | RecordMilestone
  | RecordAcceptance
  | RecordHandover
  | SettleProject
  | RecordLoss
  | WithdrawProject
  | CancelProject;

export type ProjectCommandType = ProjectCommand['type'];
export type CommandOfType<T extends ProjectCommandType> = Extract<ProjectCommand, { type: T }>;
