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
    private readonly copied: () => void = () => undefined, // called once the server has all the rows
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
    else {
      this.copied();
      this.settle.resolve(this.rowCount);
    }
  }
}

// Runs `copy <table> (<columns>) from stdin` with `data` (text format, see copyText); resolves
// with the number of rows copied. A CopyDocument is handed over: it cannot be written or copied
// again, and its memory goes back to be reused once the server has confirmed the COPY.
export function copyIn(tx: PoolClient, statement: string, data: string | Buffer | CopyDocument): Promise<number> {
  const query = data instanceof CopyDocument
    ? new CopyIn(statement, data.handOver(), () => data.recycle())
    : new CopyIn(statement, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
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

// Memory for COPY documents, reused within a thread. A bulk load queues a few dozen documents
// of about a megabyte on its lanes, and each lives until its COPY has run: long enough for the
// young generation to promote it. Freshly allocated each time, their memory counts against V8's
// external-memory limit, which then starts a full (mark-compact) collection every 64 MB or so:
// 11 per rebuild part on the benchmark's history, against 5 when the buffers are reused, and
// the share of a part's CPU spent collecting garbage went from 0.27-0.29 to 0.21-0.24. (pg
// copies a CopyData chunk into a message buffer of its own when it sends it; that one is fresh
// memory too, but it is gone as soon as the socket has taken it, long before a scavenge.)
// A buffer is only given back once its COPY has succeeded, and never when a document grows (an
// earlier `bytes` may still point into it): that holds whatever pg does with the bytes, since the
// server has them all by then. After an error it is simply left to the garbage collector.
// Bounded: at most SPARE_BYTES are kept.
const SPARE_BYTES = 64 * 1024 * 1024;
const spare: Buffer[] = [];
let spareBytes = 0;

function takeBuffer(bytes: number): Buffer {
  for (let index = spare.length - 1; index >= 0; index--) {
    const buffer = spare[index]!;
    if (buffer.length < bytes) continue;
    spare.splice(index, 1);
    spareBytes -= buffer.length;
    return buffer;
  }
  return Buffer.allocUnsafeSlow(bytes); // its own memory, never a slice of a shared pool
}

function giveBack(buffer: Buffer): void {
  if (spareBytes + buffer.length > SPARE_BYTES) return;
  spare.push(buffer);
  spareBytes += buffer.length;
}

// A COPY document written line by line straight into UTF-8. Concatenating a long string and
// encoding it at the end costs twice as much: the concatenation leaves a rope that the encoder
// must first flatten (about 3.4 against 1.8 µs per audit-trail row, measured).
export class CopyDocument {
  private buffer: Buffer;
  private length = 0;
  private handedOver = false;
  private recycled = false;

  constructor(expectedBytes = 64 * 1024) {
    this.buffer = takeBuffer(Math.max(1, expectedBytes));
  }

  // One row: its fields already in COPY text (copyText), tab-separated and ending in a newline.
  line(text: string): void {
    if (this.handedOver) throw new Error('a COPY document cannot be written once handed to copyIn');
    const room = this.buffer.length - this.length;
    // A UTF-16 code unit takes at most 3 bytes in UTF-8: only measure when that might not fit.
    const needed = text.length * 3 > room ? Buffer.byteLength(text, 'utf8') : 0;
    if (needed > room) {
      const grown = takeBuffer(Math.max(this.buffer.length * 2, this.length + needed));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  get bytes(): Buffer {
    if (this.handedOver) throw new Error('a COPY document cannot be read once handed to copyIn');
    return this.buffer.subarray(0, this.length);
  }

  // For copyIn: the bytes to send, once.
  handOver(): Buffer {
    const bytes = this.bytes;
    this.handedOver = true;
    return bytes;
  }

  // For copyIn, once the server has confirmed the COPY: the memory may serve another document.
  recycle(): void {
    if (!this.handedOver) throw new Error('a COPY document is recycled by copyIn once its COPY has succeeded, not before');
    if (this.recycled) return;
    this.recycled = true;
    giveBack(this.buffer);
  }
}
