// The last event this process has seen of each recently used stream: its version and hash. An
// append at exactly that version computes its hash from it, so the INSERT neither sends the
// canonical text nor hashes in SQL, and can share a statement with other appends
// (append-coalescer.ts).
//
// A tip is a hint, never trusted: APPEND_AFTER_TIPS inserts a row only if the stored event at
// the tip's version still has the tip's hash, and otherwise leaves the append to the ordinary
// path. A stale tip (the database restored, a failover that lost commits) therefore costs one
// extra round trip, never a broken chain or a gap. Each observation replaces the one before, so
// the cache follows what the database says now.
export type StreamTip = { version: number; hash: string };

export class StreamTips {
  private readonly tips = new Map<string, StreamTip>();

  constructor(private readonly capacity = 10_000) {}

  // The tip at exactly `version`, or undefined.
  at(streamId: string, version: number): StreamTip | undefined {
    const tip = this.tips.get(streamId);
    return tip?.version === version ? tip : undefined;
  }

  // Records the last event of a read or an append; evicts the stream learnt least recently.
  learn(streamId: string, tip: StreamTip): void {
    this.tips.delete(streamId);
    this.tips.set(streamId, tip);
    if (this.tips.size > this.capacity) this.tips.delete(this.tips.keys().next().value!);
  }

  forget(streamId: string): void {
    this.tips.delete(streamId);
  }
}
