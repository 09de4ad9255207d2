import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

// Generated from the controllers and DTOs, so it cannot drift from the code.
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Bidledger API')
    .setDescription(
      'Event-sourced system of record for project pursuits. Every write is an immutable event. ' +
        'Errors are RFC 9457 problem documents (application/problem+json) with a stable `code`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key: Authorization: Bearer <key>' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', raw: ['json'] });
}
