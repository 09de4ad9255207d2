import { EVENT_SCHEMA_VERSIONS, evolve, fold, initialState, projectEvent, toProjectView } from '../index.js';
import type { ProjectEvent } from '../index.js';
import { command, NOW } from '../testing/project-fixtures.js';
import { historyAt, play } from '../testing/project-history.js';
import type { Project, ProjectState } from './project.state.js';

describe('evolve', () => {
  it('starts from nothing', () => {
    expect(initialState()).toEqual({ status: 'none' });
    expect(fold([])).toEqual({ status: 'none' });
    expect(toProjectView(initialState())).toBeNull();
  });

  it('ignores events that do not fit the state instead of throwing', () => {
    const stray = projectEvent('TeamSet', { members: [], setAt: NOW });
    expect(evolve(initialState(), stray)).toEqual({ status: 'none' });

    const project = fold(historyAt('search'));
    const again = projectEvent('ProjectIdentified', { ...(historyAt('search')[0].data as object), name: 'other' } as never);
    expect(evolve(project, again)).toBe(project);

    const future = { type: 'SomethingNew', schemaVersion: 1, data: {} } as unknown as ProjectEvent;
    expect(evolve(project, future)).toBe(project);
  });

  it('does not mutate the state it is given', () => {
    const before = fold(historyAt('quotation'));
    const snapshot = structuredClone(before);
    const later = play([command('SubmitQuotationRevision'), command('RecordBidOpening'), command('WithdrawQuotation')], historyAt('quotation'));
    later.slice(historyAt('quotation').length).reduce(evolve, before);
    expect(before).toEqual(snapshot);
  });

  it('never alters a state it was given, nor any part of one, through a whole lifecycle', () => {
    const deepFreeze = <T>(value: T): T => {
      if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const member of Object.values(value)) deepFreeze(member);
      }
      return value;
    };
    const events = historyAt('closed');
    expect(new Set(events.map((event) => event.type)).size).toBeGreaterThanOrEqual(14);
    // Frozen states throw on any write (strict mode): evolve must only ever write to objects it has just made.
    const states = events.reduce<ProjectState[]>((all, event) => [...all, deepFreeze(evolve(all.at(-1)!, event))], [deepFreeze(initialState())]);
    expect(states.at(-1)).toEqual(fold(events));
    expect(toProjectView(states.at(-1)!)).toEqual(toProjectView(fold(events)));
  });

  it('tracks updatedAt from each event time', () => {
    const events = play([command('AddCompetitor', {}, '2026-05-05T05:05:05.000Z')], historyAt('search'));
    expect((fold(events) as Project).updatedAt).toBe('2026-05-05T05:05:05.000Z');
  });

  it('marks delivery complete only at 100%', () => {
    const partial = play([command('RecordMilestone', { progressPercent: 99 })], historyAt('implementation'));
    expect((fold(partial) as Project).deliveryComplete).toBe(false);
    expect((fold(play([command('RecordMilestone')], partial)) as Project).deliveryComplete).toBe(true);
  });

  it.each([
    [5, 'A'],
    [4, 'A'],
    [3, 'B'],
    [2, 'C'],
    [1, 'C'],
  ])('derives customer tier from strategic importance %i → %s', (strategicImportance, tier) => {
    const events = play([command('ScreenProject', { strategicImportance })], historyAt('search'));
    expect(toProjectView(fold(events))?.screening?.customerTier).toBe(tier);
  });

  it('versions every event type at 1 and stamps it on each event', () => {
    expect(Object.values(EVENT_SCHEMA_VERSIONS).every((version) => version === 1)).toBe(true);
    expect(historyAt('closed').every((event) => event.schemaVersion === EVENT_SCHEMA_VERSIONS[event.type])).toBe(true);
  });
});
