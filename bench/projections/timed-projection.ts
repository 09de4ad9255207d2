import type { Projection } from '#read-models';

// Wraps a projection to add up the time its apply takes (the bench prints where the time goes).
export function timed(projection: Projection, totals: Map<string, number>): Projection {
  return {
    ...projection,
    async apply(events, context) {
      const started = performance.now();
      await projection.apply(events, context);
      totals.set(projection.name, (totals.get(projection.name) ?? 0) + performance.now() - started);
    },
  };
}
