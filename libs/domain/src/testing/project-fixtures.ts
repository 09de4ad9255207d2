import type { CommandOfType, ProjectCommandType } from '../project/project.commands.js';
import type { QuotationLineInput } from '../quotation/quotation-line.js';

export const PROJECT_ID = '0b7e2f4c-1d2a-4e6b-9c31-5a8f7d2e1001';
export const QUOTATION_ID = '0b7e2f4c-1d2a-4e6b-9c31-5a8f7d2e2001';
export const OTHER_QUOTATION_ID = '0b7e2f4c-1d2a-4e6b-9c31-5a8f7d2e2002';
export const STAKEHOLDER_ID = '0b7e2f4c-1d2a-4e6b-9c31-5a8f7d2e3001';
export const MILESTONE_ID = '0b7e2f4c-1d2a-4e6b-9c31-5a8f7d2e4001';
export const ACTOR = 'key:test-sales';
// Later than every step of the stage histories.
export const NOW = '2026-06-01T10:00:00.000Z';

export const LINES: QuotationLineInput[] = [
  { code: 'A', description: 'Crane PLC retrofit', quantity: '2', unit: 'set', unitPrice: '250000', unitCost: '180000' },
  { code: 'B', description: 'Installation', quantity: '1', unit: 'lot', unitPrice: '700000', unitCost: '560000' },
];

type SampleData = { [K in ProjectCommandType]: CommandOfType<K>['data'] };

const cny = (amount: string) => ({ amount, currency: 'CNY' });

export const SAMPLE_DATA: SampleData = {
  IdentifyProject: {
    projectId: PROJECT_ID,
    name: 'Harbour crane automation',
    customer: { name: 'Ningbo Port Group', externalId: 'ERP-1001' },
    segment: 'ports',
    region: 'east-china',
    leadSource: 'media_tender_notice',
    estimatedValue: cny('1250000.00'),
  },
  ScreenProject: {
    customerValue: 4,
    willingness: 4,
    competitivePosition: 3,
    strategicImportance: 5,
    capabilityFit: 4,
    decision: 'pursue',
    notes: 'fits our crane automation line',
  },
  SetEntryMode: { mode: 'prime_contractor', partners: [] },
  SetTeam: { members: [{ name: 'Li Wei', role: 'bid manager' }, { name: 'Zhang Min', role: 'lead engineer' }] },
  SetMarketingPlan: {
    coreServices: ['crane automation'],
    creativeServices: ['remote monitoring'],
    personalisedServices: ['operator training'],
    funding: 'own funds',
  },
  AddStakeholder: {
    stakeholderId: STAKEHOLDER_ID,
    name: 'Chen Jie',
    kind: 'person',
    organisation: 'Port authority',
    decisionRole: 'decision maker',
    influence: 'high',
    relationshipOwners: ['Li Wei', 'Wang Fang'],
  },
  AddCompetitor: { name: 'Acme Cranes', notes: 'incumbent supplier' },
  AdvanceStage: { to: 'preparation', reason: 'go decision taken' },
  CreateQuotation: {
    quotationId: QUOTATION_ID,
    title: 'Main bid',
    currency: 'CNY',
    technicalApproach: 'retrofit the existing cranes',
    lines: LINES,
    reason: 'initial estimate',
  },
  DraftQuotationRevision: { quotationId: QUOTATION_ID, lines: LINES, reason: 'price round' },
  SubmitQuotationRevision: { quotationId: QUOTATION_ID, revision: 1 },
  WithdrawQuotation: { quotationId: QUOTATION_ID, reason: 'superseded by a joint bid' },
  RecordBidOpening: { ourRank: 1, bids: [{ competitor: 'Acme Cranes', amount: cny('1300000.00') }] },
  RecordNegotiationRound: { date: '2026-03-01', topics: ['price'], concessions: ['free training'], notes: 'first round' },
  SignContract: {
    quotationId: QUOTATION_ID,
    revision: 1,
    value: cny('1200000.00'),
    signedAt: '2026-03-10T00:00:00Z',
    startDate: '2026-04-01',
    endDate: '2026-12-31',
    retentionPercent: '5',
    paymentTerms: '30% advance, 60% on delivery, 10% retention',
  },
  AmendContract: { kind: 'amendment', valueDelta: cny('50000.00'), scope: 'one more crane', reason: 'owner change order' },
  RecordMilestone: {
    milestoneId: MILESTONE_ID,
    name: 'Commissioning',
    plannedDate: '2026-11-30',
    achievedDate: '2026-11-28',
    progressPercent: 100,
  },
  RecordAcceptance: { acceptedAt: '2026-12-05T00:00:00Z', notes: 'accepted without reservations' },
  RecordHandover: { handedOverAt: '2026-12-10T00:00:00Z', notes: 'keys and manuals' },
  SettleProject: { amount: cny('1250000.00'), retentionReleased: true, settledAt: '2027-01-15T00:00:00Z', notes: 'final' },
  RecordLoss: { reason: 'price', winner: 'Acme Cranes', winningAmount: cny('1100000.00'), notes: 'undercut by 8%' },
  WithdrawProject: { reason: 'no capacity this year' },
  CancelProject: { reason: 'owner cancelled the tender' },
};

type Overrides<K extends ProjectCommandType> = Partial<Record<keyof CommandOfType<K>['data'], unknown>>;

// A sample command; overrides may carry deliberately invalid values for refusal tests.
export function command<K extends ProjectCommandType>(type: K, overrides: Overrides<K> = {}, now = NOW): CommandOfType<K> {
  const data = { ...SAMPLE_DATA[type], ...overrides };
  return { type, data, metadata: { now, actor: ACTOR } } as CommandOfType<K>;
}
