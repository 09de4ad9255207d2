import type { PoolClient } from 'pg';

// COPY ... FROM STDIN for pg, which has no API of its own for it: a query object (pg's
// "submittable") that answers the server's CopyInResponse with the whole text-format document
// in one CopyData message. For a rebuild's bulk load: the server parses tab-separated text far
// faster than a JSON document of the same rows.

type Connection = { query(text: string): void; sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void };

class CopyIn {
  private rowCount = 0;
  private readonly outcome: Promise<number>;
  private settle!: { resolve: (rows: number) => void; reject: (error: unknown) => void };
  private settled = false;

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {
    this.outcome = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  // Also a promise of its outcome: client.query returns a submittable itself, and wrappers that
  // chain on what query returns (serialisedClient) then wait for the COPY to finish.
  then<T1 = number, T2 = never>(onFulfilled?: (rows: number) => T1 | PromiseLike<T1>, onRejected?: (error: unknown) => T2 | PromiseLike<T2>) {
    return this.outcome.then(onFulfilled, onRejected);
  }

  submit(connection: Connection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: Connection): void {
    if (this.data.length > 0) connection.sendCopyFromChunk(this.data);
    connection.endCopyFrom();
  }

  handleCommandComplete(message: { text?: string }): void {
    this.rowCount = Number(/^COPY (\d+)/.exec(message.text ?? '')?.[1] ?? 0);
  }

  // The server ends every exchange with ReadyForQuery; after an error pg has already detached us.
  handleReadyForQuery(): void {
    this.finish(null);
  }

  handleError(error: unknown): void {
    this.finish(error);
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}

  private finish(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    if (error) this.settle.reject(error);
    else this.settle.resolve(this.rowCount);
  }
}

// Runs `copy <table> (<columns>) from stdin` with `data` (text format, see copyText); resolves
// with the number of rows copied.
export function copyIn(tx: PoolClient, statement: string, data: string | Buffer): Promise<number> {
  const query = new CopyIn(statement, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  return Promise.resolve((tx.query as unknown as (query: CopyIn) => PromiseLike<number>)(query));
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

// One field of COPY's text format: null as \N, backslash, tab, newline and carriage return escaped.
export function copyText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  return SPECIAL.test(value) ? value.replace(SPECIALS, (character) => ESCAPES[character]!) : value;
}

// A COPY document written line by line straight into UTF-8. Concatenating a long string and
// encoding it at the end costs twice as much: the concatenation leaves a rope that the encoder
// must first flatten (about 3.4 against 1.8 µs per audit-trail row, measured).
export class CopyDocument {
  private buffer: Buffer;
  private length = 0;

  constructor(expectedBytes = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(expectedBytes);
  }

  // One row: its fields already in COPY text (copyText), tab-separated and ending in a newline.
  line(text: string): void {
    const room = this.buffer.length - this.length;
    // A UTF-16 code unit takes at most 3 bytes in UTF-8: only measure when that might not fit.
    const needed = text.length * 3 > room ? Buffer.byteLength(text, 'utf8') : 0;
    if (needed > room) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + needed));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  get bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}
