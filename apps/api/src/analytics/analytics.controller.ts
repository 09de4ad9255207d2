import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadConsistencyService } from '../reads/consistency/read-consistency.service.js';
import { READ_MODEL_HEADERS, ReadProblems } from '../reads/consistency/read-model-headers.js';
import { AnalyticsWindowRequestDto, toWindow } from './dto/analytics-window.request.dto.js';
import { PriceGapsRequestDto, WinLossRequestDto } from './dto/analytics.request.dto.js';
import { FunnelDto, LossReasonsDto, StageDurationsDto } from './dto/analytics.response.dto.js';
import { PriceGapsDto } from './dto/price-gaps.response.dto.js';
import { WinLossReportDto } from './dto/win-loss.response.dto.js';
import { decodePriceGapCursor, encodePriceGapCursor } from './price-gap-cursor.js';
import { GetFunnelQuery } from './queries/get-funnel.query.js';
import { GetLossReasonsQuery } from './queries/get-loss-reasons.query.js';
import { GetPriceGapsQuery } from './queries/get-price-gaps.query.js';
import { GetStageDurationsQuery } from './queries/get-stage-durations.query.js';
import { GetWinLossQuery } from './queries/get-win-loss.query.js';

const DECIDED =
  'Over decided projects (won, lost, withdrawn, cancelled) whose decision falls in [from, to), UTC; open pursuits are in no figure. ' +
  'A project is decided when the contract is signed (signedAt) or when it is lost, withdrawn or cancelled; the first decision sticks.';

// Reads of the win/loss fact table; every role may read them.
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('v1/analytics')
export class AnalyticsController {
  constructor(
    @Inject(QueryBus) private readonly queryBus: QueryBus,
    @Inject(ReadConsistencyService) private readonly reads: ReadConsistencyService,
  ) {}

  @Get('win-loss')
  @ApiOperation({
    summary: 'Won, lost, withdrawn, cancelled, win rate and values, grouped by a dimension',
    description: `${DECIDED} Win rate = won / (won + lost); withdrawn and cancelled are reported beside it, never in it.`,
  })
  @ApiOkResponse({ type: WinLossReportDto, headers: READ_MODEL_HEADERS })
  @ReadProblems()
  winLoss(@Query() query: WinLossRequestDto, @Res({ passthrough: true }) response: Response): Promise<WinLossReportDto> {
    const params = { ...toWindow(query), ...(query.groupBy ? { groupBy: query.groupBy } : {}) };
    return this.reads.run(query.minPosition, response, (schema) => this.queryBus.execute(new GetWinLossQuery(schema, params)));
  }

  @Get('loss-reasons')
  @ApiOperation({ summary: 'Share of each loss reason among lost projects', description: DECIDED })
  @ApiOkResponse({ type: LossReasonsDto, headers: READ_MODEL_HEADERS })
  @ReadProblems()
  lossReasons(@Query() query: AnalyticsWindowRequestDto, @Res({ passthrough: true }) response: Response): Promise<LossReasonsDto> {
    return this.reads.run(query.minPosition, response, (schema) => this.queryBus.execute(new GetLossReasonsQuery(schema, toWindow(query))));
  }

  @Get('funnel')
  @ApiOperation({ summary: 'Stage funnel: of the projects that reached stage S, the share that reached the next stage and the share won', description: DECIDED })
  @ApiOkResponse({ type: FunnelDto, headers: READ_MODEL_HEADERS })
  @ReadProblems()
  funnel(@Query() query: AnalyticsWindowRequestDto, @Res({ passthrough: true }) response: Response): Promise<FunnelDto> {
    return this.reads.run(query.minPosition, response, (schema) => this.queryBus.execute(new GetFunnelQuery(schema, toWindow(query))));
  }

  @Get('stage-durations')
  @ApiOperation({
    summary: 'Median and 90th percentile days spent in each stage, with the sample size',
    description: `${DECIDED} A stay counts once it ended (advanced, lost, withdrawn, cancelled or settled); a stay still running is left out.`,
  })
  @ApiOkResponse({ type: StageDurationsDto, headers: READ_MODEL_HEADERS })
  @ReadProblems()
  stageDurations(@Query() query: AnalyticsWindowRequestDto, @Res({ passthrough: true }) response: Response): Promise<StageDurationsDto> {
    return this.reads.run(query.minPosition, response, (schema) =>
      this.queryBus.execute(new GetStageDurationsQuery(schema, toWindow(query))),
    );
  }

  @Get('price-gaps')
  @ApiOperation({
    summary: 'Our price against the winner (lost) or the runner-up (won): per project, and the median per outcome',
    description: `${DECIDED} Only projects with both prices known, in one currency.`,
  })
  @ApiOkResponse({ type: PriceGapsDto, headers: READ_MODEL_HEADERS })
  @ReadProblems()
  async priceGaps(@Query() query: PriceGapsRequestDto, @Res({ passthrough: true }) response: Response): Promise<PriceGapsDto> {
    const params = {
      ...toWindow(query),
      ...(query.groupBy ? { groupBy: query.groupBy } : {}),
      ...(query.cursor ? { after: decodePriceGapCursor(query.cursor) } : {}),
      limit: query.limit ?? 100,
    };
    const { nextAfter, ...report } = await this.reads.run(query.minPosition, response, (schema) =>
      this.queryBus.execute(new GetPriceGapsQuery(schema, params)),
    );
    return { ...report, nextCursor: nextAfter ? encodePriceGapCursor(nextAfter) : null };
  }
}
