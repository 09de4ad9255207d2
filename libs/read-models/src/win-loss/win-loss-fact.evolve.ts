import { customerTier, Decimal } from '#domain';
import type { EventOfType, Outcome, ProjectEvent, ProjectEventType } from '#domain';
import { noStageDays } from './win-loss-fact.js';
import type { WinLossFact } from './win-loss-fact.js';

// The fold mutates the fact it is given: a rebuild folds about a million events, and the
// projection owns every fact of its batch (fresh from the table or new), so copying buys nothing.

const MS_PER_DAY = Decimal.fromUnits(86_400_000n, 0);

// Exact to 4 places: day counts are compared and ranked, never summed into money.
export function daysBetween(from: string, to: string): string {
  return Decimal.fromUnits(BigInt(Date.parse(to) - Date.parse(from)), 0).div(MS_PER_DAY, 4).toString();
}

// Names as the domain matches them: ignoring case and surrounding space; the first spelling stays.
function addCompetitor(fact: WinLossFact, name: string): void {
  const key = name.trim().toLowerCase();
  if (!fact.competitors.some((known) => known.trim().toLowerCase() === key)) fact.competitors.push(name);
}

// Close the current stay: an ending or a settlement leaves the stage as surely as an advance does.
function leaveStage(fact: WinLossFact, at: string, to: WinLossFact['currentStage']): void {
  if (fact.currentStage === 'closed') return;
  fact.stageDays[fact.currentStage] = daysBetween(fact.currentStageEnteredAt, at);
  fact.currentStage = to;
  fact.currentStageEnteredAt = at;
}

// The first decision sticks (a won project cancelled later stays won). A contract's signedAt
// may carry an offset or be a bare date: kept as the UTC instant it names.
function decideOutcome(fact: WinLossFact, outcome: Exclude<Outcome, 'open'>, at: string): void {
  if (fact.outcome !== 'open') return;
  fact.outcome = outcome;
  fact.decidedAt = new Date(at).toISOString();
  fact.cycleDays = daysBetween(fact.identifiedAt, at);
}

function lowestBid(fact: WinLossFact, bids: EventOfType<'BidOpeningRecorded'>['data']['bids']): string | null {
  let lowest: Decimal | null = null;
  for (const bid of bids) {
    if (bid.amount.currency !== fact.currency) continue;
    const amount = Decimal.of(bid.amount.amount);
    if (lowest === null || amount.compare(lowest) < 0) lowest = amount;
  }
  return lowest === null ? null : lowest.toString();
}

type FactEvolver<T extends ProjectEventType> = (fact: WinLossFact, event: EventOfType<T>) => void;
type FactEvolvers = { [K in Exclude<ProjectEventType, 'ProjectIdentified'>]?: FactEvolver<K> };

// Only these events touch a fact; the projection skips every other type before any I/O.
const EVOLVERS: FactEvolvers = {
  ProjectScreened: (fact, { data }) => void (fact.customerTier = customerTier(data.strategicImportance)),
  EntryModeSet: (fact, { data }) => void (fact.entryMode = data.mode),
  CompetitorAdded: (fact, { data }) => addCompetitor(fact, data.name),
  StageAdvanced: (fact, { data }) => {
    leaveStage(fact, data.advancedAt, data.to);
    fact.stageReached = data.to;
  },
  QuotationRevisionDrafted: (fact) => void (fact.revisionCount += 1),
  QuotationRevisionSubmitted: (fact, { data }) => {
    fact.ourBid = data.total.amount;
    fact.currency = data.total.currency;
    fact.submissionCount += 1;
  },
  BidOpeningRecorded: (fact, { data }) => {
    fact.runnerUpAmount = lowestBid(fact, data.bids);
    for (const bid of data.bids) addCompetitor(fact, bid.competitor);
  },
  ContractSigned: (fact, { data }) => {
    decideOutcome(fact, 'won', data.signedAt);
    fact.contractValue = data.value.amount;
    fact.winningAmount = data.value.amount;
    fact.winningCurrency = data.value.currency;
  },
  ProjectLost: (fact, { data }) => {
    decideOutcome(fact, 'lost', data.lostAt);
    leaveStage(fact, data.lostAt, 'closed');
    if (data.winner) addCompetitor(fact, data.winner);
    fact.lossReason = data.reason;
    fact.winner = data.winner ?? null;
    fact.winningAmount = data.winningAmount?.amount ?? null;
    fact.winningCurrency = data.winningAmount?.currency ?? null;
  },
  ProjectWithdrawn: (fact, { data }) => {
    decideOutcome(fact, 'withdrawn', data.withdrawnAt);
    leaveStage(fact, data.withdrawnAt, 'closed');
  },
  ProjectCancelled: (fact, { data }) => {
    if (fact.outcome === 'won') fact.cancelledAfterWinAt = data.cancelledAt;
    decideOutcome(fact, 'cancelled', data.cancelledAt);
    leaveStage(fact, data.cancelledAt, 'closed');
  },
  ProjectSettled: (fact, { data }) => leaveStage(fact, data.recordedAt, 'closed'),
};

export function touchesFact(type: string): boolean {
  return type === 'ProjectIdentified' || Object.hasOwn(EVOLVERS, type);
}

export function identifiedFact(projectId: string, { data }: EventOfType<'ProjectIdentified'>, version: number): WinLossFact {
  return {
    projectId, lastVersion: version, outcome: 'open', decidedAt: null, identifiedAt: data.identifiedAt,
    stageReached: 'search', currentStage: 'search', currentStageEnteredAt: data.identifiedAt,
    segment: data.segment, region: data.region, leadSource: data.leadSource, entryMode: null, customerTier: null,
    competitors: [], estimatedAmount: data.estimatedValue.amount, estimatedCurrency: data.estimatedValue.currency,
    currency: null, ourBid: null, contractValue: null, winner: null, winningAmount: null, winningCurrency: null,
    runnerUpAmount: null, priceGap: null, revisionCount: 0, submissionCount: 0, cycleDays: null, stageDays: noStageDays(),
    lossReason: null, cancelledAfterWinAt: null, dealValue: null, dealCurrency: null,
  };
}

// Folds one event of the project's stream (`version` is its stream version) into `fact`, in
// place. An event at or below the last folded version changes nothing, so a batch applied
// twice cannot count twice. Returns the fact, or null while the project is unknown.
export function evolveFact(fact: WinLossFact | null, projectId: string, event: ProjectEvent, version: number): WinLossFact | null {
  if (event.type === 'ProjectIdentified') return fact ?? identifiedFact(projectId, event, version);
  if (fact === null || version <= fact.lastVersion) return fact;
  const evolve = EVOLVERS[event.type] as FactEvolver<typeof event.type> | undefined;
  if (!evolve) return fact;
  evolve(fact, event);
  fact.lastVersion = version;
  return fact;
}
