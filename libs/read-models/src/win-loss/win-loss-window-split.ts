import type { AnalyticsWindow } from './analytics-window.js';

// A window [from, to) cut into whole UTC months (answered from the monthly rollup) and the
// partial months at either edge (answered from the facts themselves, a narrow decided_at range).
export type WindowSplit = {
  months: [from: string, to: string]; // dates; '-infinity' / 'infinity' when open
  edges: [from: string | null, to: string | null][]; // instants, at most two ranges
};

const monthStart = (date: Date, next: boolean) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + (next ? 1 : 0), 1));

const isMonthStart = (date: Date) => date.getTime() === monthStart(date, false).getTime();
const day = (date: Date) => date.toISOString().slice(0, 10);

export function splitWindow({ from, to }: AnalyticsWindow): WindowSplit {
  const wholeFrom = from ? (isMonthStart(from) ? from : monthStart(from, true)) : null;
  const wholeTo = to ? monthStart(to, false) : null;
  if (wholeFrom && wholeTo && wholeFrom >= wholeTo) {
    return { months: ['infinity', 'infinity'], edges: [[from!.toISOString(), to!.toISOString()]] };
  }
  const edges: WindowSplit['edges'] = [];
  if (from && wholeFrom && from < wholeFrom) edges.push([from.toISOString(), wholeFrom.toISOString()]);
  if (to && wholeTo && wholeTo < to) edges.push([wholeTo.toISOString(), to.toISOString()]);
  return { months: [wholeFrom ? day(wholeFrom) : '-infinity', wholeTo ? day(wholeTo) : 'infinity'], edges };
}
