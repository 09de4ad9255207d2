// The last event this process has seen of each recently used stream: its version, hash and
// recorded-at. An append at exactly that version chains from it without reading the previous
// row back (that read cost about a fifth of the append's throughput).
//
// Why a cached tip can be trusted: stored events are never updated or deleted, so "version N of
// stream S has hash H" stays true once it was read from, or committed to, the database. The
// cache only ever learns such facts; it is never asked what the stream's *last* version is (the
// unique (stream_id, version) key still decides which writer of version N+1 wins). An entry for
// an older version is simply not used. Tampering or restoring an older copy of the database under
// a running process is the one way to make an entry false; verifyStream names the version then,
// exactly as it would for the tampering itself.
export type StreamTip = { version: number; hash: string; recordedAt: string };

export class StreamTips {
  private readonly tips = new Map<string, StreamTip>();

  constructor(private readonly capacity = 10_000) {}

  // The tip at exactly `version`, or undefined.
  at(streamId: string, version: number): StreamTip | undefined {
    const tip = this.tips.get(streamId);
    return tip?.version === version ? tip : undefined;
  }

  // Records a stored event; keeps the newest version per stream, evicts the least recently learnt.
  learn(streamId: string, tip: StreamTip): void {
    const known = this.tips.get(streamId);
    if (known && known.version >= tip.version) return;
    this.tips.delete(streamId);
    this.tips.set(streamId, tip);
    if (this.tips.size > this.capacity) this.tips.delete(this.tips.keys().next().value!);
  }
}
