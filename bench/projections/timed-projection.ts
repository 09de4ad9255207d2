import type { Projection } from '#read-models';

// Wraps a projection to add up the time its apply takes (the bench prints where the time goes).
// A rebuild's bulk load: the time from computing a batch to its statements done (batches overlap).
export function timed(projection: Projection, totals: Map<string, number>): Projection {
  const add = (started: number) => totals.set(projection.name, (totals.get(projection.name) ?? 0) + performance.now() - started);
  const { bulk } = projection;
  return {
    ...projection,
    async apply(events, context) {
      const started = performance.now();
      await projection.apply(events, context);
      add(started);
    },
    ...(bulk && {
      bulk: {
        ...bulk,
        async write(events, context) {
          const started = performance.now();
          const { done } = await bulk.write(events, context);
          return { done: done.then(() => void add(started)) };
        },
      },
    }),
  };
}
