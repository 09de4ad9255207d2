import { splitWindow } from './win-loss-window-split.js';

const at = (iso: string) => new Date(iso);

describe('splitting a window into whole months and partial edges', () => {
  it('answers an open window from the rollup alone', () => {
    expect(splitWindow({})).toEqual({ months: ['-infinity', 'infinity'], edges: [] });
  });

  it('keeps month-aligned ends whole', () => {
    expect(splitWindow({ from: at('2026-01-01T00:00:00Z'), to: at('2026-04-01T00:00:00Z') })).toEqual({ months: ['2026-01-01', '2026-04-01'], edges: [] });
  });

  it('reads partial months at either end from the facts', () => {
    expect(splitWindow({ from: at('2026-01-15T00:00:00Z'), to: at('2026-04-11T09:00:00Z') })).toEqual({
      months: ['2026-02-01', '2026-04-01'],
      edges: [['2026-01-15T00:00:00.000Z', '2026-02-01T00:00:00.000Z'], ['2026-04-01T00:00:00.000Z', '2026-04-11T09:00:00.000Z']],
    });
    expect(splitWindow({ to: at('2026-04-11T09:00:00Z') })).toEqual({
      months: ['-infinity', '2026-04-01'], edges: [['2026-04-01T00:00:00.000Z', '2026-04-11T09:00:00.000Z']],
    });
    expect(splitWindow({ from: at('2025-12-31T16:00:00Z') })).toEqual({
      months: ['2026-01-01', 'infinity'], edges: [['2025-12-31T16:00:00.000Z', '2026-01-01T00:00:00.000Z']],
    });
  });

  it('reads a window within one month (or across a boundary without a whole month) from the facts', () => {
    expect(splitWindow({ from: at('2026-03-05T00:00:00Z'), to: at('2026-03-20T00:00:00Z') })).toEqual({
      months: ['infinity', 'infinity'], edges: [['2026-03-05T00:00:00.000Z', '2026-03-20T00:00:00.000Z']],
    });
    expect(splitWindow({ from: at('2026-03-05T00:00:00Z'), to: at('2026-04-20T00:00:00Z') })).toEqual({
      months: ['infinity', 'infinity'], edges: [['2026-03-05T00:00:00.000Z', '2026-04-20T00:00:00.000Z']],
    });
  });
});
