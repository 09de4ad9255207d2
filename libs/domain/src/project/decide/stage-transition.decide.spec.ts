import { projectDecider } from '../../index.js';
import { deciderSpec } from '../../testing/decider-spec.js';
import { command, NOW } from '../../testing/project-fixtures.js';
import { historyAt, play } from '../../testing/project-history.js';
import { projectEvent } from '../event-schema.js';
import type { WorkingStage } from '../project.vocabulary.js';

const spec = deciderSpec(projectDecider, expect);
const advance = (to: string) => command('AdvanceStage', { to, reason: 'ready' });
const advanced = (from: WorkingStage, to: WorkingStage) =>
  projectEvent('StageAdvanced', { from, to, reason: 'ready', advancedAt: NOW });

describe('AdvanceStage', () => {
  describe('into preparation', () => {
    it('needs a pursue screening', () => {
      spec.given(historyAt('search')).when(advance('preparation')).thenThrows('STAGE_GATE_SCREENING_MISSING');
    });

    it('advances once screened', () => {
      spec.given(play([command('ScreenProject')], historyAt('search')))
        .when(advance('preparation'))
        .then([advanced('search', 'preparation')]);
    });
  });

  describe('into quotation', () => {
    const prepared = (...types: ('SetEntryMode' | 'SetTeam' | 'SetMarketingPlan')[]) =>
      play(types.map((type) => command(type)), historyAt('preparation'));

    it('needs the entry mode first, listing everything missing', () => {
      spec.given(prepared()).when(advance('quotation')).thenThrows('STAGE_GATE_ENTRY_MODE_MISSING', {
        to: 'quotation',
        missing: ['STAGE_GATE_ENTRY_MODE_MISSING', 'STAGE_GATE_TEAM_MISSING', 'STAGE_GATE_PLAN_MISSING'],
      });
    });

    it('needs the team', () => {
      spec.given(prepared('SetEntryMode', 'SetMarketingPlan')).when(advance('quotation')).thenThrows('STAGE_GATE_TEAM_MISSING');
    });

    it('needs the plan', () => {
      spec.given(prepared('SetEntryMode', 'SetTeam')).when(advance('quotation')).thenThrows('STAGE_GATE_PLAN_MISSING');
    });

    it('advances with all three', () => {
      spec
        .given(prepared('SetEntryMode', 'SetTeam', 'SetMarketingPlan'))
        .when(advance('quotation'))
        .then([advanced('preparation', 'quotation')]);
    });
  });

  describe('into negotiation', () => {
    const quoting = historyAt('quotation');

    it('needs a submitted revision', () => {
      spec.given(quoting).when(advance('negotiation')).thenThrows('STAGE_GATE_SUBMISSION_MISSING');
    });

    it('does not count a submission in a withdrawn quotation', () => {
      const history = play([command('SubmitQuotationRevision'), command('WithdrawQuotation')], quoting);
      spec.given(history).when(advance('negotiation')).thenThrows('STAGE_GATE_SUBMISSION_MISSING');
    });

    it('advances after a submission', () => {
      spec
        .given(play([command('SubmitQuotationRevision')], quoting))
        .when(advance('negotiation'))
        .then([advanced('quotation', 'negotiation')]);
    });
  });

  describe('into implementation', () => {
    it('needs a signed contract', () => {
      spec.given(historyAt('negotiation')).when(advance('implementation')).thenThrows('STAGE_GATE_CONTRACT_MISSING');
    });

    it('advances once signed', () => {
      spec
        .given(play([command('SignContract')], historyAt('negotiation')))
        .when(advance('implementation'))
        .then([advanced('negotiation', 'implementation')]);
    });
  });

  describe('into transition', () => {
    it('needs a milestone at 100%', () => {
      const history = play([command('RecordMilestone', { progressPercent: 99, achievedDate: undefined })], historyAt('implementation'));
      spec.given(history).when(advance('transition')).thenThrows('STAGE_GATE_DELIVERY_INCOMPLETE');
    });

    it('advances when delivery is complete', () => {
      spec
        .given(play([command('RecordMilestone')], historyAt('implementation')))
        .when(advance('transition'))
        .then([advanced('implementation', 'transition')]);
    });
  });

  it.each([
    ['search', 'quotation'],
    ['preparation', 'search'],
    ['preparation', 'preparation'],
    ['negotiation', 'transition'],
    ['implementation', 'closed'],
  ] as const)('refuses %s → %s as not the next stage', (from, to) => {
    spec.given(historyAt(from)).when(advance(to)).thenThrows('STAGE_TRANSITION_NOT_NEXT', { from, to });
  });

  it('refuses an unknown stage', () => {
    spec.given(historyAt('search')).when(advance('won')).thenThrows('INVALID_FIELD');
  });

  it('never advances out of transition (settlement closes)', () => {
    spec.given(historyAt('transition')).when(advance('closed')).thenThrows('COMMAND_NOT_ALLOWED_IN_STAGE');
  });
});
