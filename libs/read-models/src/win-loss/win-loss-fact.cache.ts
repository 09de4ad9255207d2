import type { WinLossFact } from './win-loss-fact.js';

type Entry = { streamVersion: number; fact: WinLossFact };

// Facts kept between batches so a batch need not read back the rows it wrote a moment ago.
// An entry is the fold of its stream up to `streamVersion`, a pure function of an immutable
// prefix: it is right for whichever generation schema or transaction asks, as long as the batch
// continues the stream from exactly that version; anything else is a miss and the row is read.
// `take` removes the entry, so a batch that fails halfway leaves no half-folded fact behind.
// One cache serves one database (stream ids are only unique within their store).
export class FactCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries: number) {}

  take(schema: string, projectId: string, streamVersion: number): WinLossFact | undefined {
    const key = `${schema}/${projectId}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    return entry.streamVersion === streamVersion ? entry.fact : undefined;
  }

  put(schema: string, projectId: string, streamVersion: number, fact: WinLossFact): void {
    const key = `${schema}/${projectId}`;
    this.entries.delete(key);
    // A closed project takes no more events: keep the room for open ones.
    if (this.maxEntries === 0 || fact.currentStage === 'closed') return;
    this.entries.set(key, { streamVersion, fact }); // re-inserted last: least recently used goes first
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
