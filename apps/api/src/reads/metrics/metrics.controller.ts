import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MetricsRegistry } from './metrics.registry.js';

const EXAMPLE = `# HELP bidledger_projection_lag_events Events in the log not yet applied to the live read models.
# TYPE bidledger_projection_lag_events gauge
bidledger_projection_lag_events{generation="3"} 0
`;

@ApiTags('health')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(MetricsRegistry) private readonly registry: MetricsRegistry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Prometheus metrics (any role): projection lag, live generation, process' })
  @ApiOkResponse({ description: 'Prometheus text exposition format', content: { 'text/plain': { example: EXAMPLE } } })
  metrics(): Promise<string> {
    return this.registry.render();
  }
}
