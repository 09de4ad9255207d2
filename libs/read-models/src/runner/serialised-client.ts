import type { PoolClient } from 'pg';

// The transaction's connection for projections applying side by side: their statements run
// one after another, in call order, as pg requires (it no longer queues concurrent queries).
export function serialisedClient(tx: PoolClient): PoolClient {
  let last: Promise<unknown> = Promise.resolve();
  const query = (...args: unknown[]): Promise<unknown> => {
    const next = last.then(() => (tx.query as (...a: unknown[]) => Promise<unknown>)(...args));
    last = next.catch(() => undefined);
    return next;
  };
  return new Proxy(tx, { get: (target, property, receiver) => (property === 'query' ? query : Reflect.get(target, property, receiver)) });
}
