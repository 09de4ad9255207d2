import { ENTRY_MODES, LEAD_SOURCES, LOSS_REASONS, type ProjectCommand, type QuotationLineInput } from '#domain';
import { benchUuid, seededRandom, type Random } from './seeded-random.js';

export type PlannedStep = { at: number; actor: string; command: Pick<ProjectCommand, 'type' | 'data'> };

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 2);
export const HISTORY_DAYS = 3 * 365;
const SEGMENTS = ['ports', 'buildings', 'highways', 'hvac', 'software', 'rail', 'energy', 'water'];
const REGIONS = ['east-china', 'north-china', 'south-china', 'west-china', 'central-china'];
const COMPETITORS = ['ZPMC', 'Acme Cranes', 'Beta Systems', 'Gamma Build', 'Delta Controls', 'Epsilon IT'];
const actor = (random: Random, role: string) => `${role}-${random.int(1, 4)}`;

export const projectIdOf = (index: number) => benchUuid(1, index);
const quotationIdOf = (index: number) => benchUuid(2, index);
const milestoneIdOf = (index: number, n: number) => benchUuid(3, index * 16 + n);

function lines(random: Random): QuotationLineInput[] {
  return Array.from({ length: random.int(3, 8) }, (_, i) => {
    const price = random.int(1_000, 100_000);
    return { code: `L${i + 1}`, description: `Work package ${i + 1}`, quantity: String(random.int(1, 10)), unit: 'lot', unitPrice: `${price}.00`, unitCost: `${Math.round(price * 0.8)}.00` };
  });
}

function reprice(random: Random, previous: QuotationLineInput[]): QuotationLineInput[] {
  const next = previous.map((line) => (random.chance(0.4) ? { ...line, unitPrice: `${Math.round(Number(line.unitPrice) * (0.93 + random.next() * 0.1))}.00` } : line));
  return random.chance(0.2) && next.length > 3 ? next.slice(0, -1) : next;
}

const total = (items: QuotationLineInput[]) => items.reduce((sum, line) => sum + Number(line.quantity) * Number(line.unitPrice), 0);

// One project's commands with their times, from its own seed: the same plan every time, so the
// generator can regenerate a plan instead of keeping a million of them in memory.
export function planProject(index: number, seed: number): PlannedStep[] {
  const random = seededRandom(seed ^ Math.imul(index + 1, 0x9e3779b1));
  let at = START + random.int(0, HISTORY_DAYS) * DAY + random.int(0, 600) * 60_000;
  const steps: PlannedStep[] = [];
  const step = (role: string, type: ProjectCommand['type'], data: object, days = random.int(1, 12)) => {
    steps.push({ at, actor: actor(random, role), command: { type, data } as PlannedStep['command'] });
    at += days * DAY + random.int(1, 480) * 60_000;
  };
  const projectId = projectIdOf(index);
  const fate = random.next();
  step('sales', 'IdentifyProject', {
    projectId, name: `Project ${index}`, customer: { name: `Customer ${random.int(1, 5_000)}`, externalId: `ERP-${random.int(1, 5_000)}` },
    segment: random.pick(SEGMENTS), region: random.pick(REGIONS), leadSource: random.pick(LEAD_SOURCES),
    estimatedValue: { amount: `${random.int(100, 50_000)}000.00`, currency: 'CNY' },
  });
  if (fate < 0.05) return steps; // still in search
  const scores = { customerValue: random.int(1, 5), willingness: random.int(1, 5), competitivePosition: random.int(1, 5), strategicImportance: random.int(1, 5), capabilityFit: random.int(1, 5), notes: 'screened' };
  if (fate < 0.3) return (step('sales', 'ScreenProject', { ...scores, decision: 'drop' }), steps);
  step('sales', 'ScreenProject', { ...scores, decision: 'pursue' });
  if (random.chance(0.5)) step('sales', 'AddCompetitor', { name: random.pick(COMPETITORS) });
  step('sales', 'AdvanceStage', { to: 'preparation', reason: 'go' });
  step('sales', 'SetEntryMode', { mode: random.pick(ENTRY_MODES), partners: [] });
  if (fate < 0.35) return steps; // still preparing
  if (fate < 0.45) return (step('sales', random.chance(0.6) ? 'WithdrawProject' : 'CancelProject', { reason: 'not for us' }), steps);
  step('sales', 'SetTeam', { members: [{ name: 'Li Wei', role: 'bid manager' }] });
  step('sales', 'SetMarketingPlan', { coreServices: ['delivery'], creativeServices: [], personalisedServices: [], funding: 'own funds' });
  let priced = lines(random);
  const quotationId = quotationIdOf(index);
  step('estimator', 'CreateQuotation', { quotationId, title: 'Main bid', currency: 'CNY', technicalApproach: 'standard', lines: priced, reason: 'first estimate' });
  step('sales', 'AdvanceStage', { to: 'quotation', reason: 'priced' });
  const revisions = 1 + random.int(0, 2);
  for (let n = 2; n <= revisions; n++) step('estimator', 'DraftQuotationRevision', { quotationId, lines: (priced = reprice(random, priced)), reason: 'price round' });
  step('estimator', 'SubmitQuotationRevision', { quotationId, revision: revisions });
  if (fate > 0.95) return steps; // waiting for the tender
  step('sales', 'AdvanceStage', { to: 'negotiation', reason: 'submitted' });
  if (random.chance(0.6)) step('estimator', 'RecordBidOpening', { ourRank: random.int(1, 4), bids: [{ competitor: random.pick(COMPETITORS), amount: { amount: `${Math.round(total(priced) * 0.95)}.00`, currency: 'CNY' } }] });
  if (random.chance(0.5)) step('contracts', 'RecordNegotiationRound', { date: '2025-01-01', topics: ['price'], concessions: [], notes: 'round' });
  if (fate < 0.7) {
    step('sales', 'RecordLoss', { reason: random.pick(LOSS_REASONS), winner: random.pick(COMPETITORS), winningAmount: { amount: `${Math.round(total(priced) * (0.85 + random.next() * 0.2))}.00`, currency: 'CNY' } });
    return steps;
  }
  step('contracts', 'SignContract', { quotationId, revision: revisions, value: { amount: `${total(priced)}.00`, currency: 'CNY' }, signedAt: new Date(at).toISOString(), startDate: '2025-01-01', endDate: '2026-12-31', retentionPercent: '5', paymentTerms: '30/60/10' });
  step('contracts', 'AdvanceStage', { to: 'implementation', reason: 'signed' });
  for (let n = random.chance(0.4) ? random.int(1, 2) : 0; n > 0; n--) step('contracts', 'AmendContract', { kind: random.chance(0.8) ? 'amendment' : 'correction', valueDelta: { amount: `${random.int(1, 50)}000.00`, currency: 'CNY' }, scope: 'change order', reason: 'owner request' });
  step('delivery', 'RecordMilestone', { milestoneId: milestoneIdOf(index, 1), name: 'Design', plannedDate: '2025-03-01', progressPercent: 40 }, random.int(20, 60));
  step('delivery', 'RecordMilestone', { milestoneId: milestoneIdOf(index, 2), name: 'Commissioning', plannedDate: '2025-09-01', progressPercent: 100 });
  step('delivery', 'AdvanceStage', { to: 'transition', reason: 'delivered' });
  if (random.chance(0.5)) return steps;
  step('delivery', 'RecordAcceptance', { acceptedAt: new Date(at).toISOString(), notes: 'accepted' });
  step('delivery', 'RecordHandover', { handedOverAt: new Date(at).toISOString(), notes: 'handed over' });
  step('delivery', 'SettleProject', { amount: { amount: `${total(priced)}.00`, currency: 'CNY' }, retentionReleased: true, settledAt: new Date(at).toISOString(), notes: 'final' });
  return steps;
}
