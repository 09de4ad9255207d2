import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '#config';
import { AppModule } from './app.module.js';
import { bodyParserErrorHandler, jsonBodyParser } from './http/body-parser.js';
import { requestIdMiddleware } from './http/request-id.middleware.js';
import { validationPipe } from './http/validation.pipe.js';
import { setUpOpenApi } from './openapi.js';

export async function createApp(config: AppConfig, options: { logger?: false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: options.logger === false ? false : logLevels(config.logLevel),
  });
  app.set('trust proxy', false);
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(jsonBodyParser(config.http.bodyLimitBytes));
  app.use(bodyParserErrorHandler);
  app.useGlobalPipes(validationPipe());
  setUpOpenApi(app);
  return app;
}

function logLevels(level: AppConfig['logLevel']) {
  const order = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}
