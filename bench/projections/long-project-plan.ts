import type { PlannedStep } from './project-plan.js';
import { benchUuid } from './seeded-random.js';

const LINES = Array.from({ length: 6 }, (_, i) => ({ code: `L${i + 1}`, description: `Package ${i + 1}`, quantity: '2', unit: 'lot', unitPrice: `${10_000 + i * 1_000}.00`, unitCost: '8000.00' }));

// A pursuit of exactly 1,000 events (for the replay timing), shaped like a long contract: 50
// price rounds and 50 negotiation rounds to win it, then 100 amendments and 787 progress
// updates on 40 delivery milestones.
export function planLongProject(startAt: number): { projectId: string; steps: PlannedStep[] } {
  const projectId = benchUuid(9, 1);
  const quotationId = benchUuid(9, 2);
  let at = startAt;
  const steps: PlannedStep[] = [];
  const step = (type: PlannedStep['command']['type'], data: object) => {
    steps.push({ at, actor: 'bench-long', command: { type, data } as PlannedStep['command'] });
    at += 60_000;
  };
  step('IdentifyProject', { projectId, name: 'Long pursuit', customer: { name: 'Long customer' }, segment: 'ports', region: 'east-china', leadSource: 'inbound', estimatedValue: { amount: '9000000.00', currency: 'CNY' } });
  step('ScreenProject', { customerValue: 5, willingness: 5, competitivePosition: 5, strategicImportance: 5, capabilityFit: 5, decision: 'pursue', notes: '' });
  step('AdvanceStage', { to: 'preparation', reason: 'go' });
  step('SetEntryMode', { mode: 'prime_contractor', partners: [] });
  step('SetTeam', { members: [{ name: 'Li Wei', role: 'bid manager' }] });
  step('SetMarketingPlan', { coreServices: ['x'], creativeServices: [], personalisedServices: [], funding: 'own' });
  step('CreateQuotation', { quotationId, title: 'Main bid', currency: 'CNY', technicalApproach: 'x', lines: LINES, reason: 'first' });
  step('AdvanceStage', { to: 'quotation', reason: 'priced' });
  for (let n = 0; n < 50; n++) {
    step('DraftQuotationRevision', { quotationId, lines: LINES.map((line, i) => (i === n % 6 ? { ...line, unitPrice: `${10_000 + n}.00` } : line)), reason: `round ${n}` });
  }
  step('SubmitQuotationRevision', { quotationId, revision: 51 });
  step('AdvanceStage', { to: 'negotiation', reason: 'submitted' });
  for (let n = 0; n < 50; n++) step('RecordNegotiationRound', { date: '2025-01-01', topics: ['price'], concessions: [], notes: `round ${n}` });
  step('SignContract', { quotationId, revision: 51, value: { amount: '9000000.00', currency: 'CNY' }, signedAt: '2025-02-01T00:00:00Z', startDate: '2025-03-01', endDate: '2027-12-31', retentionPercent: '5', paymentTerms: 'x' });
  step('AdvanceStage', { to: 'implementation', reason: 'signed' });
  for (let n = 0; n < 100; n++) step('AmendContract', { kind: 'amendment', valueDelta: { amount: '1000.00', currency: 'CNY' }, scope: `change ${n}`, reason: 'owner' });
  for (let n = 0; n < 787; n++) {
    step('RecordMilestone', { milestoneId: benchUuid(10, n % 40), name: `Milestone ${n % 40}`, plannedDate: '2026-01-01', progressPercent: Math.min(99, 1 + Math.floor(n / 40) * 5) });
  }
  return { projectId, steps };
}
