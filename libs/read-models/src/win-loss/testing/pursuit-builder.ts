import { decide, fold } from '#domain';
import type { CommandOfType, LossReason, Money, ProjectCommandType, ProjectEvent, WorkingStage } from '#domain';

// Test histories made by the domain's own decider, so every event sequence is one the write side
// could really have produced. Commands run at 09:00 UTC on day N of 2026 (day 0 = 1 January).
export function day(n: number): string {
  return new Date(Date.UTC(2026, 0, 1 + n, 9)).toISOString();
}

const money = (amount: string, currency: string): Money => ({ amount, currency });
const lines = (amount: string) => [{ code: 'L1', description: 'Lump sum', quantity: '1', unit: 'lot', unitPrice: amount }];

export class PursuitBuilder {
  readonly events: ProjectEvent[] = [];
  private quotationId = '';

  constructor(readonly projectId: string) {}

  run<K extends ProjectCommandType>(type: K, data: CommandOfType<K>['data'], at: number): this {
    const command = { type, data, metadata: { now: day(at), actor: 'key:test' } } as CommandOfType<K>;
    this.events.push(...decide(command, fold(this.events)));
    return this;
  }

  identify(at: number, facts: { segment: string; region: string; leadSource: CommandOfType<'IdentifyProject'>['data']['leadSource']; estimated: string; currency?: string }): this {
    const { segment, region, leadSource, estimated, currency = 'CNY' } = facts;
    return this.run('IdentifyProject', {
      projectId: this.projectId, name: `Project ${this.projectId.slice(0, 8)}`, customer: { name: 'Owner' },
      segment, region, leadSource, estimatedValue: money(estimated, currency),
    }, at);
  }

  screen(at: number, strategicImportance: number, decision: 'pursue' | 'drop' = 'pursue'): this {
    return this.run('ScreenProject', {
      customerValue: 3, willingness: 3, competitivePosition: 3, strategicImportance, capabilityFit: 3, decision, notes: '',
    }, at);
  }

  advance(at: number, to: WorkingStage): this {
    return this.run('AdvanceStage', { to, reason: 'test' }, at);
  }

  // Entry mode, team and plan: the gate into quotation.
  setUp(at: number, mode: CommandOfType<'SetEntryMode'>['data']['mode']): this {
    return this.run('SetEntryMode', { mode, partners: [] }, at)
      .run('SetTeam', { members: [{ name: 'Li Wei', role: 'bid manager' }] }, at)
      .run('SetMarketingPlan', { coreServices: ['core'], creativeServices: [], personalisedServices: [], funding: 'own' }, at);
  }

  quote(at: number, amount: string, currency = 'CNY'): this {
    this.quotationId = `${this.projectId.slice(0, 8)}-q1`;
    return this.run('CreateQuotation', {
      quotationId: this.quotationId, title: 'Bid', currency, technicalApproach: 'standard', lines: lines(amount), reason: 'first price',
    }, at);
  }

  revise(at: number, amount: string): this {
    return this.run('DraftQuotationRevision', { quotationId: this.quotationId, lines: lines(amount), reason: 'price round' }, at);
  }

  submit(at: number, revision: number): this {
    return this.run('SubmitQuotationRevision', { quotationId: this.quotationId, revision }, at);
  }

  competitor(at: number, name: string): this {
    return this.run('AddCompetitor', { name }, at);
  }

  bidOpening(at: number, ourRank: number, bids: [competitor: string, amount: string, currency: string][]): this {
    return this.run('RecordBidOpening', { ourRank, bids: bids.map(([competitor, amount, currency]) => ({ competitor, amount: money(amount, currency) })) }, at);
  }

  sign(at: number, revision: number, value: string, currency = 'CNY'): this {
    return this.run('SignContract', {
      quotationId: this.quotationId, revision, value: money(value, currency), signedAt: day(at),
      startDate: '2026-06-01', endDate: '2026-12-31', retentionPercent: '5', paymentTerms: 'monthly',
    }, at);
  }

  lose(at: number, reason: LossReason, winner?: string, winningAmount?: [amount: string, currency: string]): this {
    return this.run('RecordLoss', {
      reason, ...(winner ? { winner } : {}), ...(winningAmount ? { winningAmount: money(...winningAmount) } : {}),
    }, at);
  }

  withdraw(at: number): this {
    return this.run('WithdrawProject', { reason: 'no capacity' }, at);
  }

  cancel(at: number): this {
    return this.run('CancelProject', { reason: 'owner cancelled' }, at);
  }
}
