import { PostgresEventStore } from '#event-store';
import { createBenchDatabase } from './bench-database.js';
import { CONCURRENCY, CREATE_RAW_TABLE, STREAMS, appender, eventsPerTransaction, median, rawInserts, replayMedianMs } from './append.workloads.js';

// Append throughput against a raw single-row INSERT per transaction, and the cost of replaying
// a stream. The machine is noisy: (a) and (b) alternate over several rounds and medians count.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 3_000);
const WARM_UP_MS = 1_000;

const db = await createBenchDatabase(CONCURRENCY);
const store = new PostgresEventStore(db.pool);
// For comparison only: as many statements in flight as callers, so no append waits to share one.
const ungrouped = new PostgresEventStore(db.pool, { maxConcurrentAppends: CONCURRENCY });
try {
  await db.pool.query(CREATE_RAW_TABLE);
  const append = appender(store);
  const appendAlone = appender(ungrouped, 'alone');
  await rawInserts(db.pool, WARM_UP_MS);
  await append(WARM_UP_MS);
  await appendAlone(WARM_UP_MS);

  const raw: number[] = [];
  const appended: number[] = [];
  const alone: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    raw.push(await rawInserts(db.pool, ROUND_MS));
    appended.push(await append(ROUND_MS));
    alone.push(await appendAlone(ROUND_MS));
    console.log(
      `round ${round}: raw ${raw.at(-1)!.toFixed(0)}/s, append ${appended.at(-1)!.toFixed(0)}/s (ratio ${(appended.at(-1)! / raw.at(-1)!).toFixed(2)}), ` +
        `without group commit ${alone.at(-1)!.toFixed(0)}/s (${(alone.at(-1)! / raw.at(-1)!).toFixed(2)})`,
    );
  }
  const replay1000Ms = await replayMedianMs(store, 20);

  const rawPerSec = Math.round(median(raw));
  const appendPerSec = Math.round(median(appended));
  const ratio = Number((appendPerSec / rawPerSec).toFixed(3));
  console.log(`raw single-row INSERT per transaction, ${CONCURRENCY} connections: ${rawPerSec}/s (median of ${ROUNDS} x ${ROUND_MS} ms)`);
  console.log(`append, 1 event, exact expected version, ${CONCURRENCY} callers over ${STREAMS} streams: ${appendPerSec}/s`);
  const pairedRatio = median(appended.map((perSec, round) => perSec / raw[round]));
  console.log(`ratio ${ratio} of the medians (target >= 0.75; median of the per-round ratios ${pairedRatio.toFixed(3)})`);
  const shared = await eventsPerTransaction(db.pool, 'quotation');
  const aloneRatio = median(alone) / median(raw);
  console.log(`  group commit: ${shared.toFixed(1)} appends per transaction on average; without it (${CONCURRENCY} statements in flight) ${Math.round(median(alone))}/s, ratio ${aloneRatio.toFixed(3)}`);
  console.log(`replay + fold of 1,000 events: ${replay1000Ms.toFixed(2)} ms, median of 20 (target <= 10)`);
  console.log(JSON.stringify({ rawPerSec, appendPerSec, ratio, replay1000Ms: Number(replay1000Ms.toFixed(2)) }));
} finally {
  await ungrouped.close();
  await store.close();
  await db.drop();
}
