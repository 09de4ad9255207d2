import { fold, projectDecider } from '../../index.js';
import { deciderSpec } from '../../testing/decider-spec.js';
import { command, MILESTONE_ID, NOW, SAMPLE_DATA } from '../../testing/project-fixtures.js';
import { historyAt, play } from '../../testing/project-history.js';
import { projectEvent } from '../event-schema.js';
import type { Project } from '../project.state.js';

const spec = deciderSpec(projectDecider, expect);

describe('RecordMilestone', () => {
  const started = { progressPercent: 40, achievedDate: undefined };
  const recorded = (data: Partial<typeof SAMPLE_DATA.RecordMilestone>) =>
    projectEvent('MilestoneRecorded', { ...SAMPLE_DATA.RecordMilestone, ...data, recordedAt: NOW });

  it('records a milestone', () => {
    const { achievedDate: _none, ...open } = SAMPLE_DATA.RecordMilestone;
    spec
      .given(historyAt('implementation'))
      .when(command('RecordMilestone', started))
      .then([projectEvent('MilestoneRecorded', { ...open, progressPercent: 40, recordedAt: NOW })]);
  });

  it('updates progress of a known milestone; 100 marks delivery complete', () => {
    const history = play([command('RecordMilestone', started)], historyAt('implementation'));
    const events = spec.given(history).when(command('RecordMilestone')).then([recorded({})]);
    const project = fold([...history, ...events]) as Project;
    expect(project.milestones).toHaveLength(1);
    expect(project.deliveryComplete).toBe(true);
  });

  it('keeps the achieved date when an update leaves it out', () => {
    const history = play([command('RecordMilestone', { progressPercent: 90 })], historyAt('implementation'));
    spec.given(history).when(command('RecordMilestone', { achievedDate: undefined })).then([recorded({})]);
  });

  it('is a no-op when nothing changes', () => {
    spec.given(play([command('RecordMilestone')], historyAt('implementation'))).when(command('RecordMilestone')).thenNothing();
  });

  it('refuses to lower progress', () => {
    spec
      .given(play([command('RecordMilestone', { progressPercent: 60 })], historyAt('implementation')))
      .when(command('RecordMilestone', { progressPercent: 50 }))
      .thenThrows('MILESTONE_PROGRESS_DECREASED', { milestoneId: MILESTONE_ID, previous: 60, requested: 50 });
  });

  it.each([
    [{ progressPercent: 101 }],
    [{ progressPercent: -1 }],
    [{ progressPercent: 50.5 }],
    [{ plannedDate: 'Q4' }],
    [{ name: '' }],
    [{ achievedDate: '2026-13-01' }],
  ])('refuses %j', (overrides) => {
    spec.given(historyAt('implementation')).when(command('RecordMilestone', overrides)).thenThrows('INVALID_FIELD');
  });
});

describe('RecordAcceptance', () => {
  it('records completion acceptance', () => {
    spec
      .given(historyAt('transition'))
      .when(command('RecordAcceptance'))
      .then([projectEvent('AcceptanceRecorded', { ...SAMPLE_DATA.RecordAcceptance, recordedAt: NOW })]);
  });

  it('records it only once', () => {
    spec.given(play([command('RecordAcceptance')], historyAt('transition')))
      .when(command('RecordAcceptance'))
      .thenThrows('ACCEPTANCE_ALREADY_RECORDED');
  });

  it('refuses a malformed time', () => {
    spec.given(historyAt('transition')).when(command('RecordAcceptance', { acceptedAt: '5 Dec' })).thenThrows('INVALID_FIELD');
  });
});

describe('RecordHandover', () => {
  const accepted = () => play([command('RecordAcceptance')], historyAt('transition'));

  it('records the handover after acceptance', () => {
    spec
      .given(accepted())
      .when(command('RecordHandover'))
      .then([projectEvent('HandoverRecorded', { ...SAMPLE_DATA.RecordHandover, recordedAt: NOW })]);
  });

  it('refuses before acceptance', () => {
    spec.given(historyAt('transition')).when(command('RecordHandover')).thenThrows('HANDOVER_BEFORE_ACCEPTANCE');
  });

  it('records it only once', () => {
    spec.given(play([command('RecordHandover')], accepted()))
      .when(command('RecordHandover'))
      .thenThrows('HANDOVER_ALREADY_RECORDED');
  });
});

describe('SettleProject', () => {
  const handedOver = () => play([command('RecordAcceptance'), command('RecordHandover')], historyAt('transition'));

  it('settles and closes the project, still won', () => {
    const events = spec
      .given(handedOver())
      .when(command('SettleProject'))
      .then([projectEvent('ProjectSettled', { ...SAMPLE_DATA.SettleProject, recordedAt: NOW })]);
    const project = fold([...handedOver(), ...events]) as Project;
    expect([project.stage, project.stageReached, project.outcome]).toEqual(['closed', 'transition', 'won']);
    expect(project.stageHistory.at(-1)).toEqual({ stage: 'closed', enteredAt: NOW });
  });

  it('refuses before acceptance', () => {
    spec.given(historyAt('transition')).when(command('SettleProject')).thenThrows('SETTLEMENT_BEFORE_ACCEPTANCE');
  });

  it('refuses before handover', () => {
    spec.given(play([command('RecordAcceptance')], historyAt('transition')))
      .when(command('SettleProject'))
      .thenThrows('SETTLEMENT_BEFORE_HANDOVER');
  });

  it("refuses a currency other than the contract's", () => {
    spec
      .given(handedOver())
      .when(command('SettleProject', { amount: { amount: '1', currency: 'USD' } }))
      .thenThrows('CURRENCY_MISMATCH');
  });

  it.each([[{ retentionReleased: 'yes' }], [{ settledAt: '' }], [{ amount: { amount: '-1', currency: 'CNY' } }]])('refuses %j', (overrides) => {
    spec.given(handedOver()).when(command('SettleProject', overrides)).thenThrows('INVALID_FIELD');
  });
});
