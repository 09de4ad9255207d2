import { decide, evolve, initialState, type ProjectCommand, type ProjectState } from '#domain';
import { canonicalEvent, chainHash, type NewEvent } from '#event-store';
import { planLongProject } from './long-project-plan.js';
import { planProject, projectIdOf, type PlannedStep } from './project-plan.js';
import { benchUuid } from './seeded-random.js';

export type GeneratedEvent = { streamId: string; version: number; event: NewEvent; recordedAt: string; hash: string };
export type EventSink = (events: GeneratedEvent[]) => Promise<void>;

type Active = { streamId: string; plan: PlannedStep[]; state: ProjectState; version: number; hash: string | null };

// The whole history in time order, produced by the domain's own decide/evolve (so every event
// is one the API could have written) and hash-chained exactly as append_events does:
// hash_n = sha256(hash_{n-1} || canonicalEvent(stream, event)). Projects are interleaved by
// time; a project's plan is regenerated from its seed when it starts, so only the projects in
// flight are held in memory.
export async function generateHistory(projects: number, seed: number, sink: EventSink, chunk = 5_000): Promise<{ events: number; longProjectId: string }> {
  const times: number[] = [];
  const owners: number[] = [];
  const stepNumbers: number[] = [];
  for (let index = 0; index < projects; index++) {
    planProject(index, seed).forEach((step, n) => (times.push(step.at), owners.push(index), stepNumbers.push(n)));
  }
  const order = Uint32Array.from(times.keys()).sort((a, b) => times[a]! - times[b]! || owners[a]! - owners[b]! || stepNumbers[a]! - stepNumbers[b]!);
  const active = new Map<number, Active>();
  let buffer: GeneratedEvent[] = [];
  let counter = 0;
  // One chunk is written while the next is generated (PostgreSQL and node each on a core);
  // chunks still go in order, one at a time.
  let writing: Promise<void> = Promise.resolve();
  const flush = async (chunk: GeneratedEvent[]) => {
    await writing;
    writing = sink(chunk);
    writing.catch(() => undefined); // its error surfaces at the next await of `writing`
  };
  const run = async (record: Active, step: PlannedStep) => {
    const now = new Date(step.at).toISOString();
    const command = { ...step.command, metadata: { now, actor: step.actor } } as ProjectCommand;
    const events = decide(command, record.state);
    const correlationId = benchUuid(5, counter);
    for (const domainEvent of events) {
      record.state = evolve(record.state, domainEvent);
      const event: NewEvent = {
        eventId: benchUuid(4, counter++),
        type: domainEvent.type,
        schemaVersion: domainEvent.schemaVersion,
        data: domainEvent.data as Record<string, unknown>,
        metadata: { actor: step.actor, correlationId, causationId: null, occurredAt: now },
      };
      record.hash = chainHash(record.hash, canonicalEvent(record.streamId, event));
      buffer.push({ streamId: record.streamId, version: ++record.version, event, recordedAt: now, hash: record.hash });
    }
    if (buffer.length >= chunk) {
      const full = buffer;
      buffer = [];
      await flush(full);
    }
  };
  for (const entry of order) {
    const index = owners[entry]!;
    let record = active.get(index);
    if (!record) active.set(index, (record = { streamId: `project-${projectIdOf(index)}`, plan: planProject(index, seed), state: initialState(), version: 0, hash: null }));
    await run(record, record.plan[stepNumbers[entry]!]!);
    if (stepNumbers[entry] === record.plan.length - 1) active.delete(index);
  }
  const long = planLongProject(times[order.at(-1)!]! + 60_000); // after everything else
  const record: Active = { streamId: `project-${long.projectId}`, plan: long.steps, state: initialState(), version: 0, hash: null };
  for (const step of long.steps) await run(record, step);
  if (buffer.length > 0) await flush(buffer);
  await writing;
  if (record.version !== 1_000) throw new Error(`the long project has ${record.version} events, not 1000`);
  return { events: counter, longProjectId: long.projectId };
}
