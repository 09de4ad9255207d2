import { projectDecider } from '../../index.js';
import { deciderSpec } from '../../testing/decider-spec.js';
import { command, NOW, SAMPLE_DATA, STAKEHOLDER_ID } from '../../testing/project-fixtures.js';
import { historyAt, play } from '../../testing/project-history.js';
import { projectEvent } from '../event-schema.js';
import type { ProjectEvent } from '../project.events.js';

const spec = deciderSpec(projectDecider, expect);
const LATER = '2026-07-01T00:00:00.000Z';

// As jsonb may hand events back: same content, keys in another order.
function reorderKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reorderKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reorderKeys(item)])) as T;
}

describe('SetEntryMode', () => {
  const consortium = { mode: 'consortium_partner', partners: [{ name: 'Shanghai Design Institute', role: 'designer' }] } as const;

  it('sets the entry mode and partners', () => {
    spec
      .given(historyAt('preparation'))
      .when(command('SetEntryMode', consortium))
      .then([projectEvent('EntryModeSet', { mode: 'consortium_partner', partners: [...consortium.partners], setAt: NOW })]);
  });

  it('is a no-op when set to the same again, even from reordered stored JSON', () => {
    const history = reorderKeys(play([command('SetEntryMode', consortium)], historyAt('preparation')));
    spec.given(history).when(command('SetEntryMode', consortium, LATER)).thenNothing();
  });

  it('records a change', () => {
    const history = play([command('SetEntryMode', consortium)], historyAt('preparation'));
    spec
      .given(history)
      .when(command('SetEntryMode', {}, LATER))
      .then([projectEvent('EntryModeSet', { mode: 'prime_contractor', partners: [], setAt: LATER })]);
  });

  it.each([[{ mode: 'lead' }], [{ partners: 'none' }], [{ partners: [{ role: 'x' }] }]])('refuses %j', (overrides) => {
    spec.given(historyAt('preparation')).when(command('SetEntryMode', overrides)).thenThrows('INVALID_FIELD');
  });
});

describe('SetTeam', () => {
  it('sets the team', () => {
    spec
      .given(historyAt('preparation'))
      .when(command('SetTeam'))
      .then([projectEvent('TeamSet', { members: SAMPLE_DATA.SetTeam.members, setAt: NOW })]);
  });

  it('is a no-op for the same team', () => {
    spec.given(play([command('SetTeam')], historyAt('preparation'))).when(command('SetTeam', {}, LATER)).thenNothing();
  });

  it('can change during implementation', () => {
    const members = [{ name: 'Zhao Lei', role: 'delivery manager' }];
    spec
      .given(historyAt('implementation'))
      .when(command('SetTeam', { members }))
      .then([projectEvent('TeamSet', { members, setAt: NOW })]);
  });

  it.each([[{ members: [] }], [{ members: [{ name: 'Li Wei' }] }], [{ members: undefined }]])('refuses %j', (overrides) => {
    spec.given(historyAt('preparation')).when(command('SetTeam', overrides)).thenThrows('INVALID_FIELD');
  });
});

describe('SetMarketingPlan', () => {
  it('sets the plan', () => {
    spec
      .given(historyAt('preparation'))
      .when(command('SetMarketingPlan'))
      .then([projectEvent('MarketingPlanSet', { ...SAMPLE_DATA.SetMarketingPlan, setAt: NOW })]);
  });

  it('is a no-op for the same plan', () => {
    spec
      .given(play([command('SetMarketingPlan')], historyAt('preparation')))
      .when(command('SetMarketingPlan', {}, LATER))
      .thenNothing();
  });

  it.each([[{ coreServices: [] }], [{ creativeServices: [''] }], [{ funding: '' }]])('refuses %j', (overrides) => {
    spec.given(historyAt('preparation')).when(command('SetMarketingPlan', overrides)).thenThrows('INVALID_FIELD');
  });
});

describe('AddStakeholder', () => {
  const added = (data = {}): ProjectEvent =>
    projectEvent('StakeholderAdded', { ...SAMPLE_DATA.AddStakeholder, ...data, addedAt: NOW });

  it('adds a stakeholder from the first stage', () => {
    spec.given(historyAt('search')).when(command('AddStakeholder')).then([added()]);
  });

  it('adds an organisation without a parent organisation', () => {
    const { organisation: _omitted, ...withoutOrganisation } = SAMPLE_DATA.AddStakeholder;
    spec
      .given(historyAt('search'))
      .when(command('AddStakeholder', { kind: 'organisation', organisation: undefined }))
      .then([projectEvent('StakeholderAdded', { ...withoutOrganisation, kind: 'organisation', addedAt: NOW })]);
  });

  it('is a no-op when the same stakeholder is added again', () => {
    spec.given(play([command('AddStakeholder')], historyAt('search'))).when(command('AddStakeholder', {}, LATER)).thenNothing();
  });

  it('refuses the same id with other content', () => {
    spec
      .given(play([command('AddStakeholder')], historyAt('search')))
      .when(command('AddStakeholder', { influence: 'low' }))
      .thenThrows('STAKEHOLDER_ALREADY_EXISTS', { stakeholderId: STAKEHOLDER_ID });
  });

  it.each([
    [{ relationshipOwners: [] }],
    [{ relationshipOwners: [''] }],
    [{ influence: 'huge' }],
    [{ kind: 'robot' }],
    [{ decisionRole: '' }],
    [{ stakeholderId: undefined }],
  ])('refuses %j', (overrides) => {
    spec.given(historyAt('search')).when(command('AddStakeholder', overrides)).thenThrows('INVALID_FIELD');
  });
});

describe('AddCompetitor', () => {
  it('adds a competitor', () => {
    spec
      .given(historyAt('negotiation'))
      .when(command('AddCompetitor'))
      .then([projectEvent('CompetitorAdded', { name: 'Acme Cranes', notes: 'incumbent supplier', addedAt: NOW })]);
  });

  it('adds one without notes', () => {
    spec
      .given(historyAt('search'))
      .when(command('AddCompetitor', { notes: undefined }))
      .then([projectEvent('CompetitorAdded', { name: 'Acme Cranes', addedAt: NOW })]);
  });

  it('is a no-op for a name already known, whatever the case', () => {
    spec
      .given(play([command('AddCompetitor')], historyAt('search')))
      .when(command('AddCompetitor', { name: ' ACME cranes ', notes: 'other notes' }))
      .thenNothing();
  });

  it('refuses an empty name', () => {
    spec.given(historyAt('search')).when(command('AddCompetitor', { name: '' })).thenThrows('INVALID_FIELD');
  });
});
