import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig } from '#config';
import { createTestDatabase, type TestDatabase } from '#testing';
import { createApp } from '../../apps/api/src/create-app.js';
import type { Role } from '../../apps/api/src/auth/roles.js';

export const ADMIN_KEY = 'test-bootstrap-admin-key-0123456789';

export type TestApp = {
  app: INestApplication;
  db: TestDatabase;
  http: () => ReturnType<typeof request>;
  keys: Record<Role, string>;
  close(): Promise<void>;
};

// The real Nest application on a fresh database, with one API key per role.
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: db.url, BOOTSTRAP_ADMIN_KEY: ADMIN_KEY, LOG_LEVEL: 'error', ...env });
  const app = await createApp(config, { logger: false });
  await app.init();
  const server = app.getHttpServer();
  const keys = { admin: ADMIN_KEY } as Record<Role, string>;
  for (const role of ['sales', 'estimator', 'contract_manager', 'delivery', 'erp', 'auditor'] as const) {
    const response = await request(server).post('/v1/api-keys').set('Authorization', `Bearer ${ADMIN_KEY}`).send({ name: `${role}-key`, role });
    if (response.status !== 201) throw new Error(`could not create a ${role} key: ${response.status} ${JSON.stringify(response.body)}`);
    keys[role] = response.body.secret;
  }
  return {
    app,
    db,
    http: () => request(server),
    keys,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
