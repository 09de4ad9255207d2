import { fold, projectDecider } from '../../index.js';
import { deciderSpec } from '../../testing/decider-spec.js';
import { command, NOW, SAMPLE_DATA } from '../../testing/project-fixtures.js';
import { historyAt, play } from '../../testing/project-history.js';
import { projectEvent } from '../event-schema.js';
import type { Project } from '../project.state.js';

const spec = deciderSpec(projectDecider, expect);
const signed = () => play([command('SignContract')], historyAt('negotiation'));

describe('RecordLoss', () => {
  it('closes the project as lost with the winner and price', () => {
    const events = spec
      .given(historyAt('quotation'))
      .when(command('RecordLoss'))
      .then([projectEvent('ProjectLost', { ...SAMPLE_DATA.RecordLoss, lostAt: NOW })]);
    const project = fold([...historyAt('quotation'), ...events]) as Project;
    expect(project).toMatchObject({
      stage: 'closed',
      stageReached: 'quotation',
      outcome: 'lost',
      ending: { outcome: 'lost', reason: 'price', winner: 'Acme Cranes', winningAmount: { amount: '1100000.00', currency: 'CNY' }, endedAt: NOW },
    });
  });

  it('needs only a reason', () => {
    spec
      .given(historyAt('search'))
      .when(command('RecordLoss', { reason: 'timing', winner: undefined, winningAmount: undefined, notes: undefined }))
      .then([projectEvent('ProjectLost', { reason: 'timing', lostAt: NOW })]);
  });

  it('refuses after a contract', () => {
    spec.given(signed()).when(command('RecordLoss')).thenThrows('LOSS_AFTER_CONTRACT');
  });

  it.each([
    [{ reason: 'bad luck' }, 'INVALID_FIELD'],
    [{ winningAmount: { amount: '1,000', currency: 'CNY' } }, 'INVALID_DECIMAL'],
    [{ winner: 5 }, 'INVALID_FIELD'],
  ])('refuses %j with %s', (overrides, code) => {
    spec.given(historyAt('negotiation')).when(command('RecordLoss', overrides)).thenThrows(code);
  });
});

describe('WithdrawProject', () => {
  it('withdraws (no-bid) and closes', () => {
    const events = spec
      .given(historyAt('search'))
      .when(command('WithdrawProject'))
      .then([projectEvent('ProjectWithdrawn', { reason: 'no capacity this year', withdrawnAt: NOW })]);
    expect(fold([...historyAt('search'), ...events])).toMatchObject({ stage: 'closed', outcome: 'withdrawn' });
  });

  it('refuses after a contract', () => {
    spec.given(signed()).when(command('WithdrawProject')).thenThrows('WITHDRAWAL_AFTER_CONTRACT');
  });

  it('needs a reason', () => {
    spec.given(historyAt('search')).when(command('WithdrawProject', { reason: ' ' })).thenThrows('INVALID_FIELD');
  });
});

describe('CancelProject', () => {
  it('cancels at any working stage, even after a contract', () => {
    const events = spec
      .given(historyAt('implementation'))
      .when(command('CancelProject'))
      .then([projectEvent('ProjectCancelled', { reason: 'owner cancelled the tender', cancelledAt: NOW })]);
    expect(fold([...historyAt('implementation'), ...events])).toMatchObject({
      stage: 'closed',
      stageReached: 'implementation',
      outcome: 'cancelled',
      ending: { outcome: 'cancelled', reason: 'owner cancelled the tender', endedAt: NOW },
    });
  });

  it('needs a reason', () => {
    spec.given(historyAt('search')).when(command('CancelProject', { reason: undefined })).thenThrows('INVALID_FIELD');
  });

  it('refuses on a closed project', () => {
    spec.given(historyAt('closed')).when(command('CancelProject')).thenThrows('PROJECT_CLOSED');
  });
});
