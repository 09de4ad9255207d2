import type { ProjectCommandType } from './project.commands.js';
import type { WorkingStage } from './project.vocabulary.js';

const PURSUIT: readonly WorkingStage[] = ['search', 'preparation', 'quotation', 'negotiation'];
const BIDDING: readonly WorkingStage[] = ['preparation', 'quotation', 'negotiation'];
const TENDER: readonly WorkingStage[] = ['quotation', 'negotiation'];
const CONTRACTED: readonly WorkingStage[] = ['negotiation', 'implementation', 'transition'];
const ANY_WORKING: readonly WorkingStage[] = ['search', 'preparation', 'quotation', 'negotiation', 'implementation', 'transition'];

// From which stages each command may run; decide consults this first. A closed project refuses
// everything (PROJECT_CLOSED), and IdentifyProject runs only before the project exists.
export const COMMAND_STAGES: Record<ProjectCommandType, readonly WorkingStage[]> = {
  IdentifyProject: [],
  ScreenProject: ['search'],
  SetEntryMode: BIDDING,
  SetTeam: ['preparation', 'quotation', 'negotiation', 'implementation', 'transition'],
  SetMarketingPlan: BIDDING,
  AddStakeholder: ANY_WORKING,
  AddCompetitor: PURSUIT,
  // transition has no working stage after it: settlement closes the project
  AdvanceStage: ['search', 'preparation', 'quotation', 'negotiation', 'implementation'],
  CreateQuotation: BIDDING,
  DraftQuotationRevision: BIDDING,
  SubmitQuotationRevision: TENDER,
  WithdrawQuotation: BIDDING,
  RecordBidOpening: TENDER,
  RecordNegotiationRound: ['negotiation'],
  SignContract: ['negotiation'],
  AmendContract: CONTRACTED,
  RecordMilestone: ['implementation'],
  RecordAcceptance: ['transition'],
  RecordHandover: ['transition'],
  SettleProject: ['transition'],
  RecordLoss: PURSUIT,
  WithdrawProject: PURSUIT,
  CancelProject: ANY_WORKING,
};

export const PROJECT_COMMAND_TYPES = Object.keys(COMMAND_STAGES) as ProjectCommandType[];

export function isAllowedInStage(type: ProjectCommandType, stage: WorkingStage): boolean {
  return COMMAND_STAGES[type].includes(stage);
}
