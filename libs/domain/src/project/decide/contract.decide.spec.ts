import { fold, projectDecider } from '../../index.js';
import { deciderSpec } from '../../testing/decider-spec.js';
import { command, NOW, OTHER_QUOTATION_ID, QUOTATION_ID, SAMPLE_DATA } from '../../testing/project-fixtures.js';
import { historyAt, play } from '../../testing/project-history.js';
import { projectEvent } from '../event-schema.js';
import type { Project } from '../project.state.js';

const spec = deciderSpec(projectDecider, expect);
const cny = (amount: string) => ({ amount, currency: 'CNY' });

describe('SignContract', () => {
  const contractSigned = projectEvent('ContractSigned', {
    ...SAMPLE_DATA.SignContract,
    retentionPercent: '5.00',
    recordedAt: NOW,
  });

  it('signs on a submitted revision; the project is won and stays in negotiation', () => {
    const events = spec.given(historyAt('negotiation')).when(command('SignContract')).then([contractSigned]);
    const project = fold([...historyAt('negotiation'), ...events]) as Project;
    expect([project.stage, project.outcome]).toEqual(['negotiation', 'won']);
  });

  it('accepts an end date equal to the start date', () => {
    spec
      .given(historyAt('negotiation'))
      .when(command('SignContract', { endDate: '2026-04-01' }))
      .then([{ ...contractSigned, data: { ...contractSigned.data, endDate: '2026-04-01' } }]);
  });

  it('signs only once', () => {
    spec.given(play([command('SignContract')], historyAt('negotiation')))
      .when(command('SignContract'))
      .thenThrows('CONTRACT_ALREADY_SIGNED');
  });

  it('refuses a draft revision', () => {
    spec
      .given(play([command('DraftQuotationRevision')], historyAt('negotiation')))
      .when(command('SignContract', { revision: 2 }))
      .thenThrows('CONTRACT_REVISION_NOT_SUBMITTED', { quotationId: QUOTATION_ID, revision: 2 });
  });

  it('refuses an unknown revision or quotation', () => {
    spec.given(historyAt('negotiation')).when(command('SignContract', { revision: 7 })).thenThrows('REVISION_NOT_FOUND');
    spec.given(historyAt('negotiation'))
      .when(command('SignContract', { quotationId: OTHER_QUOTATION_ID }))
      .thenThrows('QUOTATION_NOT_FOUND');
  });

  it('refuses a withdrawn quotation', () => {
    spec.given(play([command('WithdrawQuotation')], historyAt('negotiation')))
      .when(command('SignContract'))
      .thenThrows('QUOTATION_WITHDRAWN');
  });

  it('refuses an end date before the start date', () => {
    spec
      .given(historyAt('negotiation'))
      .when(command('SignContract', { endDate: '2026-03-31' }))
      .thenThrows('CONTRACT_DATES_INVALID', { startDate: '2026-04-01', endDate: '2026-03-31' });
  });

  it("refuses a currency other than the quotation's", () => {
    spec
      .given(historyAt('negotiation'))
      .when(command('SignContract', { value: { amount: '1200000', currency: 'USD' } }))
      .thenThrows('CURRENCY_MISMATCH', { expected: 'CNY', actual: 'USD' });
  });

  it.each([
    [{ retentionPercent: '100.01' }, 'INVALID_FIELD'],
    [{ retentionPercent: '-1' }, 'INVALID_FIELD'],
    [{ retentionPercent: 5 }, 'INVALID_DECIMAL'],
    [{ signedAt: 'yesterday' }, 'INVALID_FIELD'],
    [{ startDate: '2026-04-01T00:00:00Z' }, 'INVALID_FIELD'],
    [{ paymentTerms: '' }, 'INVALID_FIELD'],
    [{ value: { amount: '-1', currency: 'CNY' } }, 'INVALID_FIELD'],
  ])('refuses %j with %s', (overrides, code) => {
    spec.given(historyAt('negotiation')).when(command('SignContract', overrides)).thenThrows(code);
  });
});

describe('AmendContract', () => {
  const amended = (data: Record<string, unknown>) =>
    projectEvent('ContractAmended', {
      number: 1,
      kind: 'amendment',
      valueDelta: cny('50000.00'),
      previousValue: cny('1200000.00'),
      newValue: cny('1250000.00'),
      scope: 'one more crane',
      reason: 'owner change order',
      amendedAt: NOW,
      ...data,
    });

  it('records a numbered amendment with the value before and after', () => {
    spec.given(historyAt('implementation')).when(command('AmendContract')).then([amended({})]);
  });

  it('allows a negative correction and a new end date; numbers follow on', () => {
    const history = play([command('AmendContract')], historyAt('implementation'));
    spec
      .given(history)
      .when(
        command('AmendContract', {
          kind: 'correction',
          valueDelta: cny('-1250.5'),
          newEndDate: '2027-01-31',
          scope: 'unit price typo',
          reason: 'recording error',
        }),
      )
      .then([
        amended({
          number: 2,
          kind: 'correction',
          valueDelta: cny('-1250.50'),
          previousValue: cny('1250000.00'),
          newValue: cny('1248749.50'),
          newEndDate: '2027-01-31',
          previousEndDate: '2026-12-31',
          scope: 'unit price typo',
          reason: 'recording error',
        }),
      ]);
  });

  it('can run in negotiation once signed, and down to exactly zero', () => {
    spec
      .given(play([command('SignContract')], historyAt('negotiation')))
      .when(command('AmendContract', { valueDelta: cny('-1200000') }))
      .then([amended({ valueDelta: cny('-1200000.00'), newValue: cny('0.00') })]);
  });

  it('refuses without a contract', () => {
    spec.given(historyAt('negotiation')).when(command('AmendContract')).thenThrows('CONTRACT_NOT_SIGNED');
  });

  it('refuses to take the value below zero', () => {
    spec.given(historyAt('implementation'))
      .when(command('AmendContract', { valueDelta: cny('-1200000.01') }))
      .thenThrows('CONTRACT_VALUE_NEGATIVE');
  });

  it("refuses a currency other than the contract's", () => {
    spec
      .given(historyAt('implementation'))
      .when(command('AmendContract', { valueDelta: { amount: '10', currency: 'EUR' } }))
      .thenThrows('CURRENCY_MISMATCH');
  });

  it('refuses a new end date before the start', () => {
    spec.given(historyAt('implementation'))
      .when(command('AmendContract', { newEndDate: '2026-01-01' }))
      .thenThrows('CONTRACT_DATES_INVALID');
  });

  it.each([[{ kind: 'change' }], [{ scope: '' }], [{ reason: '' }], [{ newEndDate: 'soon' }]])('refuses %j', (overrides) => {
    spec.given(historyAt('implementation')).when(command('AmendContract', overrides)).thenThrows('INVALID_FIELD');
  });

  it('refuses on a closed project', () => {
    spec.given(historyAt('closed')).when(command('AmendContract')).thenThrows('PROJECT_CLOSED');
  });
});
