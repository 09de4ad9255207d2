import { projectDecider } from '../../index.js';
import { deciderSpec } from '../../testing/decider-spec.js';
import { command, NOW, PROJECT_ID, SAMPLE_DATA } from '../../testing/project-fixtures.js';
import { historyAt } from '../../testing/project-history.js';
import { projectEvent } from '../event-schema.js';
import { PROJECT_COMMAND_TYPES } from '../stage-rules.js';

const spec = deciderSpec(projectDecider, expect);

describe('IdentifyProject', () => {
  it('starts a pursuit', () => {
    spec
      .given([])
      .when(command('IdentifyProject'))
      .then([projectEvent('ProjectIdentified', { ...SAMPLE_DATA.IdentifyProject, identifiedAt: NOW })]);
  });

  it('trims text, canonicalises money and leaves out an absent external id', () => {
    spec
      .given([])
      .when(
        command('IdentifyProject', {
          name: '  Harbour crane automation ',
          customer: { name: 'Ningbo Port Group' },
          estimatedValue: { amount: '1250000', currency: 'CNY' },
        }),
      )
      .then([
        projectEvent('ProjectIdentified', {
          ...SAMPLE_DATA.IdentifyProject,
          customer: { name: 'Ningbo Port Group' },
          identifiedAt: NOW,
        }),
      ]);
  });

  it.each([
    [{ projectId: '' }, 'INVALID_FIELD'],
    [{ name: '   ' }, 'INVALID_FIELD'],
    [{ customer: undefined }, 'INVALID_FIELD'],
    [{ customer: { name: '' } }, 'INVALID_FIELD'],
    [{ segment: 7 }, 'INVALID_FIELD'],
    [{ leadSource: 'cold_call' }, 'INVALID_FIELD'],
    [{ estimatedValue: { amount: '1e6', currency: 'CNY' } }, 'INVALID_DECIMAL'],
    [{ estimatedValue: { amount: '-5', currency: 'CNY' } }, 'INVALID_FIELD'],
    [{ estimatedValue: { amount: '5', currency: 'yuan' } }, 'INVALID_CURRENCY'],
  ])('refuses invalid data %j with %s', (overrides, code) => {
    spec.given([]).when(command('IdentifyProject', overrides)).thenThrows(code);
  });

  it.each(['search', 'negotiation', 'closed'] as const)('refuses an existing project (stage %s)', (stage) => {
    spec.given(historyAt(stage)).when(command('IdentifyProject')).thenThrows('PROJECT_ALREADY_EXISTS', { projectId: PROJECT_ID });
  });
});

describe('commands before identification', () => {
  it.each(PROJECT_COMMAND_TYPES.filter((type) => type !== 'IdentifyProject'))('%s → PROJECT_NOT_FOUND', (type) => {
    const error = spec.given([]).when(command(type)).thenThrows('PROJECT_NOT_FOUND');
    expect(error).toMatchObject({ kind: 'not_found' });
  });
});

describe('ScreenProject', () => {
  const screened = (data = {}) =>
    projectEvent('ProjectScreened', { ...SAMPLE_DATA.ScreenProject, ...data, screenedAt: NOW });

  it('records a pursue decision', () => {
    spec.given(historyAt('search')).when(command('ScreenProject')).then([screened()]);
  });

  it('ends the pursuit as withdrawn on drop', () => {
    spec
      .given(historyAt('search'))
      .when(command('ScreenProject', { decision: 'drop' }))
      .then([screened({ decision: 'drop' }), projectEvent('ProjectWithdrawn', { reason: 'screened_out', withdrawnAt: NOW })]);
  });

  it('allows re-screening while in search', () => {
    const history = [...historyAt('search'), screened()];
    spec.given(history).when(command('ScreenProject', { willingness: 2 })).then([screened({ willingness: 2 })]);
  });

  it('is a no-op when the screening is the same', () => {
    spec.given([...historyAt('search'), screened()]).when(command('ScreenProject', {}, '2026-07-01T00:00:00Z')).thenNothing();
  });

  it('defaults absent notes to empty', () => {
    spec.given(historyAt('search')).when(command('ScreenProject', { notes: undefined })).then([screened({ notes: '' })]);
  });

  it.each([
    [{ customerValue: 0 }],
    [{ willingness: 6 }],
    [{ competitivePosition: 2.5 }],
    [{ strategicImportance: '4' }],
    [{ capabilityFit: undefined }],
    [{ decision: 'maybe' }],
    [{ notes: 42 }],
  ])('refuses %j with INVALID_FIELD', (overrides) => {
    spec.given(historyAt('search')).when(command('ScreenProject', overrides)).thenThrows('INVALID_FIELD');
  });

  it('is refused after search', () => {
    spec
      .given(historyAt('preparation'))
      .when(command('ScreenProject'))
      .thenThrows('COMMAND_NOT_ALLOWED_IN_STAGE', { command: 'ScreenProject', stage: 'preparation', allowed: ['search'] });
  });
});
