import { createTestDatabase, type TestDatabase } from '#testing';
import { serialisedClient } from '../runner/serialised-client.js';
import { CopyDocument, copyIn, copyText } from './copy-in.js';

describe('copyIn (COPY FROM STDIN, text format)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await db.drop();
  });

  it('escapes what the text format treats specially, and writes null as \\N', () => {
    expect(copyText('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyText('\\N')).toBe('\\\\N');
    expect(copyText('plain "quoted" ünïcode')).toBe('plain "quoted" ünïcode');
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
    expect(copyText(42)).toBe('42');
  });

  it('copies rows that read back exactly, through a serialised client too, and reports a bad row as an error', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('create table copied (id integer primary key, label text, doc jsonb)');
      const labels = ['tab\there', 'line\nbreak\r\n', 'back\\slash', '\\N', null, 'ünïcode ✓'];
      const doc = { quote: 'say "hi"\\', nested: [1, null, 'x\ty'] };
      const text = labels.map((label, id) => `${id}\t${copyText(label)}\t${copyText(JSON.stringify(doc))}\n`).join('');
      const tx = serialisedClient(client);
      const [copied, count] = await Promise.all([copyIn(tx, 'copy copied (id, label, doc) from stdin', text), tx.query('select count(*)::int as n from copied')]);
      expect(copied).toBe(labels.length);
      expect(count.rows[0].n).toBe(labels.length); // the select waited for the COPY
      const { rows } = await client.query('select label, doc from copied order by id');
      expect(rows).toEqual(labels.map((label) => ({ label, doc })));
      await expect(copyIn(client, 'copy copied (id, label, doc) from stdin', '0\tduplicate\t{}\n')).rejects.toMatchObject({ code: '23505' });
      await expect(copyIn(client, 'copy copied (id, label, doc) from stdin', '')).resolves.toBe(0);
      expect((await client.query('select count(*)::int as n from copied')).rows[0].n).toBe(labels.length);
    } finally {
      client.release();
    }
  });

  it('writes a document line by line into UTF-8, growing past its first guess, byte for byte as the joined text', async () => {
    const lines = Array.from({ length: 300 }, (_, n) => `${n}\t${copyText(`ünïcode ✓ 𝄞 ${'x'.repeat(n)}\ttab`)}\t${copyText(JSON.stringify({ n }))}\n`);
    const document = new CopyDocument(16); // far too small: it must grow, never cut a character
    for (const line of lines) document.line(line);
    expect(document.bytes.equals(Buffer.from(lines.join(''), 'utf8'))).toBe(true);
    const client = await db.pool.connect();
    try {
      await client.query('create temporary table copied_document (id integer primary key, label text, doc json)');
      expect(await copyIn(client, 'copy copied_document (id, label, doc) from stdin', document.bytes)).toBe(lines.length);
      const { rows } = await client.query('select label from copied_document where id = 299');
      expect(rows[0].label).toBe(`ünïcode ✓ 𝄞 ${'x'.repeat(299)}\ttab`);
    } finally {
      client.release();
    }
  });

  it('reuses a document\'s memory only once its COPY has succeeded: never while it waits its turn, never after a failure', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('create temporary table recycled (id integer primary key, label text)');
      const documentOf = (ids: number[], label: string) => {
        const document = new CopyDocument(4096);
        for (const id of ids) document.line(`${id}\t${label}\n`);
        return document;
      };
      const tx = serialisedClient(client);
      // The first COPY waits behind a slow statement; a document made meanwhile must get other memory.
      const slow = tx.query('select pg_sleep(0.2)');
      const first = documentOf([1, 2], 'first');
      const firstMemory = first.bytes.buffer;
      const copied = copyIn(tx, 'copy recycled (id, label) from stdin', first);
      expect(() => first.line('3\tlate\n')).toThrow(/handed to copyIn/);
      expect(() => first.bytes).toThrow(/handed to copyIn/);
      const second = documentOf([3], 'second');
      const secondMemory = second.bytes.buffer;
      expect(secondMemory).not.toBe(firstMemory);
      await slow;
      expect(await copied).toBe(2);
      expect(await copyIn(tx, 'copy recycled (id, label) from stdin', second)).toBe(1);
      // Both COPYs succeeded: the next document gets memory one of them gave back.
      expect(() => documentOf([4], 'not sent').recycle()).toThrow(/once its COPY has succeeded/);
      const third = documentOf([1], 'duplicate');
      const thirdMemory = third.bytes.buffer;
      expect([firstMemory, secondMemory]).toContain(thirdMemory);
      await expect(copyIn(tx, 'copy recycled (id, label) from stdin', third)).rejects.toMatchObject({ code: '23505' });
      // A failed COPY's memory is not reused (whatever may still be reading it is left alone).
      const after = [documentOf([10], 'a'), documentOf([11], 'b'), documentOf([12], 'c')];
      expect(after.map((document) => document.bytes.buffer)).not.toContain(thirdMemory);
      const { rows } = await client.query('select id, label from recycled order by id');
      expect(rows).toEqual([{ id: 1, label: 'first' }, { id: 2, label: 'first' }, { id: 3, label: 'second' }]);
    } finally {
      client.release();
    }
  });
});
