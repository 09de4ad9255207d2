// A rebuild's bulk load fills a generation nobody reads until it is complete, so a project's row
// need not be written after every batch that touches it: only its last version counts. Projects
// run for months and a batch spans hours, so on a busy log most batches touch most open
// projects again (on the benchmark's 100,000-project history, 672,673 project rows for
// 1,098,620 events, against 100,001 projects). PendingRows keeps each project's latest row in
// memory instead and hands rows back to be written when they are pushed out (the least recently
// changed first, once more than `limit` are held; those are mostly projects that have finished)
// and at the end. Bounded: a log of any length holds at most `limit` rows. A row pushed out and
// changed again later is simply written again (the writes are upserts).
export class PendingRows<T> {
  private readonly rows = new Map<string, T>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 0) throw new TypeError(`pending rows limit must be a non-negative integer: ${limit}`);
  }

  get size(): number {
    return this.rows.size;
  }

  // Keeps each key's latest row; returns the rows pushed out, to be written now.
  set(entries: Iterable<readonly [key: string, row: T]>): T[] {
    for (const [key, row] of entries) {
      this.rows.delete(key); // re-inserted last: the map's order is the order of last change
      this.rows.set(key, row);
    }
    const out: T[] = [];
    for (const [key, row] of this.rows) {
      if (this.rows.size <= this.limit) break;
      this.rows.delete(key);
      out.push(row);
    }
    return out;
  }

  // Removes and returns the rows of `keys` held here (to be written before anything reads them).
  take(keys: Iterable<string>): T[] {
    const out: T[] = [];
    for (const key of keys) {
      const row = this.rows.get(key);
      if (row === undefined) continue;
      this.rows.delete(key);
      out.push(row);
    }
    return out;
  }

  // Every row still held, least recently changed first; leaves none.
  drain(): T[] {
    const out = [...this.rows.values()];
    this.rows.clear();
    return out;
  }
}

// A bulk loader's state per building schema (held rows, a running total), from its first batch
// to its `finish`. A loader instance of a parallel rebuild's part never sees `begin` (the
// coordinator's instance runs it), so the state is made on first use; `begin` forgets what a
// failed rebuild left in this instance (one rebuild runs at a time).
export class BulkStateBySchema<S> {
  private readonly bySchema = new Map<string, S>();

  constructor(private readonly create: () => S) {}

  begin(): void {
    this.bySchema.clear();
  }

  of(schema: string): S {
    let state = this.bySchema.get(schema);
    if (state === undefined) this.bySchema.set(schema, (state = this.create()));
    return state;
  }

  // The schema's state, forgotten here: this instance's part of the bulk load is over.
  end(schema: string): S {
    const state = this.of(schema);
    this.bySchema.delete(schema);
    return state;
  }
}
