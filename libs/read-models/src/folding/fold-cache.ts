import type { ProjectState } from '#domain';

type Entry = { version: number; state: ProjectState };

// Memo of fold(stream[1..version]) per stream. An entry is a pure function of an immutable
// stream prefix, so it is right whatever happens to the transaction that computed it (a
// rolled-back batch leaves a newer entry, which simply misses for the retried batch).
export class FoldCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(streamId: string, version: number): ProjectState | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(streamId); // least recently used goes first
    this.entries.set(streamId, entry);
    return entry.state;
  }

  set(streamId: string, version: number, state: ProjectState): void {
    this.entries.delete(streamId);
    // A closed project takes no more events: keep the room for open ones.
    if (state.status === 'identified' && state.stage === 'closed') return;
    this.entries.set(streamId, { version, state });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
