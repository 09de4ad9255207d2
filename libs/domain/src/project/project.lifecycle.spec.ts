import { fold, projectViewOf, toProjectView } from '../index.js';
import { command, PROJECT_ID, QUOTATION_ID } from '../testing/project-fixtures.js';
import { dayAt, play } from '../testing/project-history.js';
import type { ProjectCommand } from './project.commands.js';
import type { Project } from './project.state.js';

const cny = (amount: string) => ({ amount, currency: 'CNY' });
const line = (code: string, quantity: string, unitPrice: string, unitCost: string) => ({
  code,
  description: `item ${code}`,
  quantity,
  unit: 'set',
  unitPrice,
  unitCost,
});

// identify → settle, with three revisions and two amendments (one correction); day n at 09:00 UTC.
const script: [ProjectCommand['type'], Record<string, unknown>][] = [
  ['IdentifyProject', {}],
  ['AddStakeholder', {}],
  ['AddCompetitor', {}],
  ['ScreenProject', { strategicImportance: 3 }],
  ['AdvanceStage', { to: 'preparation' }],
  ['SetEntryMode', { mode: 'consortium_partner', partners: [{ name: 'Shanghai Design Institute', role: 'designer' }] }],
  ['SetTeam', {}],
  ['SetMarketingPlan', {}],
  ['CreateQuotation', { lines: [line('A', '3', '0.10', '0.05'), line('B', '1', '0.2', '0.1')] }],
  ['AdvanceStage', { to: 'quotation' }],
  ['SubmitQuotationRevision', { revision: 1 }],
  ['RecordBidOpening', {}],
  ['AdvanceStage', { to: 'negotiation' }],
  ['RecordNegotiationRound', {}],
  ['DraftQuotationRevision', { lines: [line('A', '3', '0.09', '0.05'), line('B', '1', '0.2', '0.1')], reason: 'round 1' }],
  ['SubmitQuotationRevision', { revision: 2 }],
  ['DraftQuotationRevision', { lines: [line('A', '3', '0.09', '0.05')], reason: 'scope cut' }],
  ['SubmitQuotationRevision', { revision: 3 }],
  ['SignContract', { revision: 3, value: cny('1000.00') }],
  ['AdvanceStage', { to: 'implementation' }],
  ['AmendContract', { valueDelta: cny('250.25'), newEndDate: '2027-03-31' }],
  ['AmendContract', { kind: 'correction', valueDelta: cny('-0.30'), scope: 'typo', reason: 'recording error' }],
  ['RecordMilestone', { progressPercent: 50, achievedDate: undefined }],
  ['RecordMilestone', {}],
  ['AdvanceStage', { to: 'transition' }],
  ['RecordAcceptance', {}],
  ['RecordHandover', {}],
  ['SettleProject', { amount: cny('1249.95') }],
];

const events = play(script.map(([type, data], day) => command(type, data as never, dayAt(day))));
const dayOf = (type: string, nth = 0) => dayAt(script.map(([t], day) => [t, day] as const).filter(([t]) => t === type)[nth][1]);

describe('a full won lifecycle', () => {
  const project = fold(events) as Project;
  const view = toProjectView(project);

  it('ends settled and closed, won, with every stage entry timed', () => {
    expect(view).toMatchObject({ id: PROJECT_ID, stage: 'closed', stageReached: 'transition', outcome: 'won', deliveryComplete: true });
    expect(view.stageHistory).toEqual([
      { stage: 'search', enteredAt: dayAt(0) },
      { stage: 'preparation', enteredAt: dayOf('AdvanceStage', 0) },
      { stage: 'quotation', enteredAt: dayOf('AdvanceStage', 1) },
      { stage: 'negotiation', enteredAt: dayOf('AdvanceStage', 2) },
      { stage: 'implementation', enteredAt: dayOf('AdvanceStage', 3) },
      { stage: 'transition', enteredAt: dayOf('AdvanceStage', 4) },
      { stage: 'closed', enteredAt: dayOf('SettleProject') },
    ]);
    expect(view.identifiedAt).toBe(dayAt(0));
    expect(view.updatedAt).toBe(dayOf('SettleProject'));
    expect(view.ending).toBeNull();
  });

  it('shows the screening with its customer tier, entry mode and partners', () => {
    expect(view.screening).toMatchObject({ strategicImportance: 3, decision: 'pursue', customerTier: 'B' });
    expect(view.entryMode).toBe('consortium_partner');
    expect(view.partners).toEqual([{ name: 'Shanghai Design Institute', role: 'designer' }]);
    expect(view.stakeholders).toHaveLength(1);
    expect(view.competitors.map((competitor) => competitor.name)).toEqual(['Acme Cranes']);
  });

  it('keeps every revision with exact totals', () => {
    expect(view.quotations).toHaveLength(1);
    const [quotation] = view.quotations;
    expect(quotation).toMatchObject({ quotationId: QUOTATION_ID, status: 'active', latestRevision: 3, lastSubmittedRevision: 3 });
    expect(quotation.revisions.map(({ number, status, reason, totals, submittedAt }) => ({ number, status, reason, totals, submittedAt }))).toEqual([
      {
        number: 1,
        status: 'submitted',
        reason: 'initial estimate',
        totals: { total: '0.50', totalCost: '0.25', margin: '0.25', marginPercent: '50.00' },
        submittedAt: dayOf('SubmitQuotationRevision', 0),
      },
      {
        number: 2,
        status: 'submitted',
        reason: 'round 1',
        totals: { total: '0.47', totalCost: '0.25', margin: '0.22', marginPercent: '46.81' },
        submittedAt: dayOf('SubmitQuotationRevision', 1),
      },
      {
        number: 3,
        status: 'submitted',
        reason: 'scope cut',
        totals: { total: '0.27', totalCost: '0.15', margin: '0.12', marginPercent: '44.44' },
        submittedAt: dayOf('SubmitQuotationRevision', 2),
      },
    ]);
    expect(quotation.revisions[0].lines[0]).toMatchObject({ quantity: '3.00', unitPrice: '0.10', lineTotal: '0.30', lineCost: '0.15' });
  });

  it('shows the contract with its amendments and current value', () => {
    expect(view.contract).toMatchObject({
      quotationId: QUOTATION_ID,
      revision: 3,
      value: cny('1000.00'),
      currentValue: cny('1249.95'),
      endDate: '2026-12-31',
      currentEndDate: '2027-03-31',
      retentionPercent: '5.00',
    });
    expect(view.contract?.amendments).toEqual([
      {
        number: 1,
        kind: 'amendment',
        valueDelta: cny('250.25'),
        previousValue: cny('1000.00'),
        newValue: cny('1250.25'),
        newEndDate: '2027-03-31',
        scope: 'one more crane',
        reason: 'owner change order',
        amendedAt: dayOf('AmendContract', 0),
      },
      {
        number: 2,
        kind: 'correction',
        valueDelta: cny('-0.30'),
        previousValue: cny('1250.25'),
        newValue: cny('1249.95'),
        newEndDate: null,
        scope: 'typo',
        reason: 'recording error',
        amendedAt: dayOf('AmendContract', 1),
      },
    ]);
  });

  it('shows tender, delivery and settlement details', () => {
    expect(view.bidOpening).toMatchObject({ ourRank: 1 });
    expect(view.negotiationRounds.map((round) => round.round)).toEqual([1]);
    expect(view.milestones).toEqual([
      expect.objectContaining({ progressPercent: 100, achievedDate: '2026-11-28', recordedAt: dayOf('RecordMilestone', 1) }),
    ]);
    expect(view.acceptance).toMatchObject({ acceptedAt: '2026-12-05T00:00:00Z' });
    expect(view.handover).toMatchObject({ handedOverAt: '2026-12-10T00:00:00Z' });
    expect(view.settlement).toMatchObject({ amount: cny('1249.95'), retentionReleased: true });
  });

  it('survives a JSON round trip of the stream unchanged', () => {
    expect(fold(JSON.parse(JSON.stringify(events)))).toEqual(project);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('views a copy: changing the view leaves the state alone', () => {
    const copy = toProjectView(project);
    copy.quotations[0].revisions[0].reason = 'tampered';
    expect(project.quotations[0].revisions[0].reason).toBe('initial estimate');
  });

  it('views without a copy the same body, sharing the state (for a state folded for one answer)', () => {
    const shared = projectViewOf(project);
    expect(shared).toEqual(view);
    expect(JSON.stringify(shared)).toBe(JSON.stringify(view));
    expect(shared.quotations[0].revisions).toBe(project.quotations[0].revisions);
    expect(view.quotations[0].revisions).not.toBe(project.quotations[0].revisions);
    expect(projectViewOf(fold([]))).toBeNull();
  });

  it('is exactly the state as of any earlier version', () => {
    const signedAt = events.findIndex((event) => event.type === 'ContractSigned');
    expect(fold(events.slice(0, signedAt + 1))).toMatchObject({ stage: 'negotiation', outcome: 'won', contract: { amendments: [] } });
    expect(fold(events.slice(0, signedAt))).toMatchObject({ outcome: 'open', contract: null });
  });
});
