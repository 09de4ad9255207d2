import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../reads/read-models.module.js';
import { AnalyticsController } from './analytics.controller.js';
import { GetFunnelQueryHandler } from './queries/get-funnel.query.js';
import { GetLossReasonsQueryHandler } from './queries/get-loss-reasons.query.js';
import { GetPriceGapsQueryHandler } from './queries/get-price-gaps.query.js';
import { GetStageDurationsQueryHandler } from './queries/get-stage-durations.query.js';
import { GetWinLossQueryHandler } from './queries/get-win-loss.query.js';

// Win/loss analysis over the win_loss_facts read model, in the live generation's schema
// (ReadConsistencyService picks it and honours ?minPosition).
@Module({
  imports: [ReadModelsModule],
  controllers: [AnalyticsController],
  providers: [GetWinLossQueryHandler, GetLossReasonsQueryHandler, GetFunnelQueryHandler, GetStageDurationsQueryHandler, GetPriceGapsQueryHandler],
})
export class AnalyticsModule {}
