import { evolve, fold, initialState, type ProjectEvent, type ProjectState } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import { FoldCache } from './fold-cache.js';
import { projectIdOf, toProjectEvent } from '#domain';

// One event of a project stream with the project's state just before and just after it.
export type FoldStep = {
  event: RecordedEvent;
  projectEvent: ProjectEvent;
  projectId: string;
  before: ProjectState;
  after: ProjectState;
};

export type BatchFolds = {
  steps: FoldStep[]; // in the batch's order
  latest: Map<string, FoldStep>; // per project id: its last step in the batch
};

export type ProjectFoldsOptions = { cacheSize?: number; loadConcurrency?: number };

// Folds a batch with the domain's own `evolve`, so read models cannot disagree with the write
// side. States come from an in-memory memo; a miss (a restart, an evicted project) folds the
// stream prefix from the store, the misses of a batch loaded together. Computed once per
// batch: every projection handed the same events array shares the result.
export class ProjectFolds {
  private readonly cache: FoldCache;
  private readonly loadConcurrency: number;
  private readonly batches = new WeakMap<readonly RecordedEvent[], Promise<BatchFolds>>();
  private misses = 0;

  constructor(
    private readonly store: EventStore,
    options: ProjectFoldsOptions = {},
  ) {
    this.cache = new FoldCache(options.cacheSize ?? 50_000);
    this.loadConcurrency = options.loadConcurrency ?? 4;
  }

  // States folded from the store (cache misses) since start, and states held in memory.
  stats(): { misses: number; cached: number } {
    return { misses: this.misses, cached: this.cache.size };
  }

  forBatch(events: readonly RecordedEvent[]): Promise<BatchFolds> {
    let folds = this.batches.get(events);
    if (!folds) {
      folds = this.compute(events);
      this.batches.set(events, folds);
      folds.catch(() => this.batches.delete(events)); // a retry recomputes
    }
    return folds;
  }

  private async compute(events: readonly RecordedEvent[]): Promise<BatchFolds> {
    const relevant = events.filter((event) => projectIdOf(event.streamId) !== null);
    const current = await this.statesBefore(relevant);
    const steps: FoldStep[] = [];
    const latest = new Map<string, FoldStep>();
    for (const event of relevant) {
      const entry = current.get(event.streamId)!;
      if (event.version !== entry.version + 1) {
        throw new Error(`stream ${event.streamId}: event version ${event.version} does not follow ${entry.version}`);
      }
      const projectEvent = toProjectEvent(event);
      const after = evolve(entry.state, projectEvent);
      const step = { event, projectEvent, projectId: projectIdOf(event.streamId)!, before: entry.state, after };
      steps.push(step);
      latest.set(step.projectId, step);
      current.set(event.streamId, { version: event.version, state: after });
    }
    for (const [streamId, { version, state }] of current) this.cache.set(streamId, version, state);
    return { steps, latest };
  }

  // Each stream's state just before its first event in the batch.
  private async statesBefore(events: readonly RecordedEvent[]): Promise<Map<string, { version: number; state: ProjectState }>> {
    const states = new Map<string, { version: number; state: ProjectState }>();
    const misses: { streamId: string; version: number }[] = [];
    const seen = new Set<string>();
    for (const event of events) {
      if (seen.has(event.streamId)) continue;
      seen.add(event.streamId);
      const version = event.version - 1;
      const cached = version === 0 ? initialState() : this.cache.get(event.streamId, version);
      if (cached) states.set(event.streamId, { version, state: cached });
      else misses.push({ streamId: event.streamId, version });
    }
    this.misses += misses.length;
    let next = 0;
    const worker = async () => {
      while (next < misses.length) {
        const miss = misses[next++]!;
        states.set(miss.streamId, { version: miss.version, state: await this.foldFromStore(miss.streamId, miss.version) });
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.loadConcurrency, misses.length) }, worker));
    return states;
  }

  private async foldFromStore(streamId: string, version: number): Promise<ProjectState> {
    const events = await this.store.readStreamForFold(streamId, { toVersion: version });
    if (events.at(-1)?.version !== version) throw new Error(`stream ${streamId}: expected ${version} events, read ${events.length}`);
    return fold(events.map(toProjectEvent));
  }
}
