import type { CustomerTier, LossReason, Outcome, Stage, WorkingStage } from '#domain';

export type StageDays = Record<WorkingStage, string | null>;

// One row per project, the unit of every win/loss figure. Amounts and day counts are decimal
// strings (SQL numeric), timestamps ISO-8601 UTC. A project counts in the analytics once it is
// decided; until then the row only accumulates what the decision will need.
export type WinLossFact = {
  projectId: string;
  lastVersion: number; // the stream version folded in last: replays of older events are skipped
  outcome: Outcome; // the first decision sticks: a won project cancelled later stays won
  decidedAt: string | null;
  identifiedAt: string;
  stageReached: WorkingStage;
  currentStage: Stage; // `closed` once ended or settled
  currentStageEnteredAt: string;
  segment: string;
  region: string;
  leadSource: string;
  entryMode: string | null;
  customerTier: CustomerTier | null;
  competitors: string[]; // named competitors, bidders at the opening and the winner, each once
  estimatedAmount: string;
  estimatedCurrency: string;
  currency: string | null; // of our last submitted bid
  ourBid: string | null;
  contractValue: string | null; // as signed, before amendments
  winner: string | null;
  winningAmount: string | null; // lost: the winner's price; won: our contract value
  winningCurrency: string | null;
  runnerUpAmount: string | null; // won: the lowest other bid at the opening, in our currency
  priceGap: string | null;
  revisionCount: number; // revisions drafted, over every quotation
  submissionCount: number;
  cycleDays: string | null; // identified → decided
  stageDays: StageDays; // stays that ended (advanced, ended or settled); open stays are null
  lossReason: LossReason | null;
  cancelledAfterWinAt: string | null;
  dealValue: string | null; // won: contract value; otherwise our last bid, else the estimate
  dealCurrency: string | null;
};

export function noStageDays(): StageDays {
  return { search: null, preparation: null, quotation: null, negotiation: null, implementation: null, transition: null };
}
