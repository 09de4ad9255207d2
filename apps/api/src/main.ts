import 'reflect-metadata';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, type AppConfig } from '#config';
import { projectRoot, startEmbeddedPostgres, type EmbeddedDatabase } from '#database';
import { createApp } from './create-app.js';

async function main(): Promise<void> {
  const logger = new Logger('Bidledger');
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  let embedded: EmbeddedDatabase | undefined;
  if (!config.database.url) {
    const dataDir = resolve(projectRoot(), config.database.dataDir, 'postgres');
    logger.log(`DATABASE_URL not set: starting an embedded PostgreSQL (data in ${dataDir})`);
    embedded = await startEmbeddedPostgres(dataDir);
    config = {
      ...config,
      database: { ...config.database, url: embedded.url },
      auth: { ...config.auth, localAdminKeyFile: resolve(projectRoot(), config.database.dataDir, 'admin-key') },
    };
  }

  const app = await createApp(config);
  const stopEmbedded = async () => {
    await embedded?.stop().catch(() => undefined);
  };
  process.once('beforeExit', stopEmbedded);
  const shutdown = async (signal: string) => {
    logger.log(`${signal}: shutting down`);
    await app.close();
    await stopEmbedded();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen(config.http.port, config.http.host);
  const url = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
  logger.log(`Bidledger API listening on ${url} (OpenAPI: ${url}/docs, ${url}/openapi.json)`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
