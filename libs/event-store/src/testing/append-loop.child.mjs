// Test child: appends to one stream in a loop, two batches per transaction, through the
// append SQL it is given, and prints the stream version after each commit, until it is killed.
// Input on stdin: { url, applicationName, sql, streamId, batches: string[][] } (canonical texts).
import pg from 'pg';

let text = '';
for await (const chunk of process.stdin) text += chunk;
const input = JSON.parse(text);

const client = new pg.Client({ connectionString: input.url, application_name: input.applicationName });
await client.connect();
let version = 0;
for (let i = 0; i + 1 < input.batches.length; i += 2) {
  await client.query('begin');
  for (const batch of [input.batches[i], input.batches[i + 1]]) {
    await client.query(input.sql, [input.streamId, 'exact', version, batch]);
    version += batch.length;
  }
  await client.query('commit');
  process.stdout.write(`${version}\n`);
}
await client.end();
