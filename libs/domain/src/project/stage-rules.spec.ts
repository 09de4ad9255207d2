import { DomainError, fold, projectDecider } from '../index.js';
import { deciderSpec } from '../testing/decider-spec.js';
import { command } from '../testing/project-fixtures.js';
import { ALL_STAGES, historyAt, play } from '../testing/project-history.js';
import type { ProjectCommandType } from './project.commands.js';
import type { ProjectEvent } from './project.events.js';
import { decide } from './project.decide.js';
import type { Stage } from './project.vocabulary.js';
import { WORKING_STAGES } from './project.vocabulary.js';
import { COMMAND_STAGES, PROJECT_COMMAND_TYPES } from './stage-rules.js';

const spec = deciderSpec(projectDecider, expect);
const HISTORIES = Object.fromEntries(ALL_STAGES.map((stage) => [stage, historyAt(stage)])) as Record<Stage, ProjectEvent[]>;
const LIFECYCLE_COMMANDS = PROJECT_COMMAND_TYPES.filter((type) => type !== 'IdentifyProject');

describe('the stage histories used below', () => {
  const won: readonly Stage[] = ['implementation', 'transition', 'closed'];

  it.each(ALL_STAGES)('reach %s', (stage) => {
    expect(fold(HISTORIES[stage])).toMatchObject({ stage, outcome: won.includes(stage) ? 'won' : 'open' });
  });
});

describe('COMMAND_STAGES', () => {
  it('names only working stages, without duplicates', () => {
    for (const stages of Object.values(COMMAND_STAGES)) {
      expect(stages.every((stage) => (WORKING_STAGES as readonly string[]).includes(stage))).toBe(true);
      expect(new Set(stages).size).toBe(stages.length);
    }
  });
});

describe('refusal matrix: every command from every stage it may not run from', () => {
  const refused = LIFECYCLE_COMMANDS.flatMap((type) =>
    WORKING_STAGES.filter((stage) => !COMMAND_STAGES[type].includes(stage)).map((stage) => [type, stage] as const),
  );

  it.each(refused)('%s from %s → COMMAND_NOT_ALLOWED_IN_STAGE', (type, stage) => {
    const error = spec
      .given(HISTORIES[stage])
      .when(command(type))
      .thenThrows('COMMAND_NOT_ALLOWED_IN_STAGE', { command: type, stage, allowed: COMMAND_STAGES[type] });
    expect(error).toMatchObject({ kind: 'rule' });
  });

  it.each(LIFECYCLE_COMMANDS)('%s on a closed (settled) project → PROJECT_CLOSED', (type) => {
    spec.given(HISTORIES.closed).when(command(type)).thenThrows('PROJECT_CLOSED', { outcome: 'won' });
  });

  const endings = [
    ['lost', () => play([command('RecordLoss')], HISTORIES.quotation)],
    ['withdrawn', () => play([command('WithdrawProject')], HISTORIES.preparation)],
    ['cancelled', () => play([command('CancelProject')], HISTORIES.implementation)],
  ] as const;

  it.each(endings.flatMap(([outcome, history]) => LIFECYCLE_COMMANDS.map((type) => [type, outcome, history] as const)))(
    '%s on a %s project → PROJECT_CLOSED',
    (type, outcome, history) => {
      spec.given(history()).when(command(type)).thenThrows('PROJECT_CLOSED', { outcome });
    },
  );

  it.each(ALL_STAGES)('IdentifyProject on a project in %s → PROJECT_ALREADY_EXISTS', (stage) => {
    spec.given(HISTORIES[stage]).when(command('IdentifyProject')).thenThrows('PROJECT_ALREADY_EXISTS');
  });
});

describe('the rule table lets allowed commands through', () => {
  const allowed = LIFECYCLE_COMMANDS.flatMap((type) => COMMAND_STAGES[type].map((stage) => [type, stage] as const));

  it.each(allowed)('%s from %s is not refused by stage', (type: ProjectCommandType, stage) => {
    try {
      decide(command(type), fold(HISTORIES[stage]));
    } catch (error) {
      // other rules (gates, missing prerequisites) may still refuse the sample command
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).not.toBe('COMMAND_NOT_ALLOWED_IN_STAGE');
    }
  });
});
