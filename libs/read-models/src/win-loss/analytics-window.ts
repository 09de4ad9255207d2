import type { Pool, PoolClient } from 'pg';

export type Queryable = Pool | PoolClient;

// A window on decided_at, UTC: `from` inclusive, `to` exclusive; either end may be open.
export type AnalyticsWindow = { from?: Date; to?: Date };

// Every analytics query reads decided projects only (open pursuits have no outcome yet); $1 and
// $2 are the window's ends. Sargable, so the partial decided_at index serves narrow windows.
export const DECIDED_IN_WINDOW = `f.outcome <> 'open'
     and f.decided_at >= coalesce($1::timestamptz, '-infinity')
     and f.decided_at < coalesce($2::timestamptz, 'infinity')`;

export function windowParams(window: AnalyticsWindow): [string | null, string | null] {
  return [window.from?.toISOString() ?? null, window.to?.toISOString() ?? null];
}

export function echoWindow(window: AnalyticsWindow): { from: string | null; to: string | null } {
  const [from, to] = windowParams(window);
  return { from, to };
}

// part / whole to exactly 4 places, half up; null when there is nothing to divide by.
export function ratio(part: number, whole: number): string | null {
  if (whole === 0) return null;
  const scaled = BigInt(part) * 10_000n;
  const quotient = scaled / BigInt(whole);
  const rounded = (scaled % BigInt(whole)) * 2n >= BigInt(whole) ? quotient + 1n : quotient;
  return `${rounded / 10_000n}.${(rounded % 10_000n).toString().padStart(4, '0')}`;
}
