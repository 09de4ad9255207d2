import { writeFile } from 'node:fs/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '#config';
import { ApiKeysRepository } from '../api-keys/api-keys.repository.js';
import { IdempotencyRepository } from '../idempotency/idempotency.repository.js';
import { APP_CONFIG } from './tokens.js';

const PURGE_EVERY_MS = 60 * 60 * 1000;

@Injectable()
export class BootstrapService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Bootstrap');
  private purgeTimer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ApiKeysRepository) private readonly keys: ApiKeysRepository,
    @Inject(IdempotencyRepository) private readonly idempotency: IdempotencyRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureAnAdmin();
    const purge = () =>
      this.idempotency
        .purgeOlderThan(this.config.idempotency.ttlHours)
        .catch((error: Error) => this.logger.warn(`idempotency purge failed: ${error.message}`));
    this.purgeTimer = setInterval(purge, PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purgeTimer);
  }

  private async ensureAnAdmin(): Promise<void> {
    const { bootstrapAdminKey, localAdminKeyFile } = this.config.auth;
    if (bootstrapAdminKey) {
      await this.keys.ensureBootstrapAdmin(bootstrapAdminKey);
      this.logger.log('admin key from BOOTSTRAP_ADMIN_KEY is active');
      return;
    }
    if (!localAdminKeyFile) {
      this.logger.warn('BOOTSTRAP_ADMIN_KEY is not set: no admin key is created at start');
      return;
    }
    // Zero-setup mode: a first run gets an admin key in a private file, never in the log.
    const { created, secret } = await this.keys.ensureLocalAdmin();
    if (created) await writeFile(localAdminKeyFile, `${secret}\n`, { mode: 0o600 });
    this.logger.log(created ? `created a local admin key in ${localAdminKeyFile}` : `admin key: see ${localAdminKeyFile} (written on first start)`);
  }
}
