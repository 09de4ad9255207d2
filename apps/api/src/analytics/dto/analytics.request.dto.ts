import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { WIN_LOSS_DIMENSIONS, type WinLossDimension } from '#read-models';
import { AnalyticsWindowRequestDto } from './analytics-window.request.dto.js';

const GROUP_BY_DESCRIPTION =
  'competitor: a project counts once under each competitor it faced (named, bidding at the opening, or winning); ' +
  'quarter: of the decision, UTC, e.g. 2026-Q1; customerTier: A/B/C from screening; revisionCount: quotation revisions drafted';

export class WinLossRequestDto extends AnalyticsWindowRequestDto {
  @ApiPropertyOptional({ enum: WIN_LOSS_DIMENSIONS, example: 'segment', description: `Without it, only the total. ${GROUP_BY_DESCRIPTION}` })
  @IsOptional() @IsIn(WIN_LOSS_DIMENSIONS)
  groupBy?: WinLossDimension;
}

export class PriceGapsRequestDto extends WinLossRequestDto {
  @ApiPropertyOptional({ example: 100, minimum: 1, maximum: 1000, default: 100, description: 'Projects per page' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page', example: 'WyIyMDI2LTAzLTAyVDA5OjAwOjAwLjAwMFoiLCIwYjdlLi4uIl0' })
  @IsOptional() @IsString() @MaxLength(400) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a nextCursor from a previous page' })
  cursor?: string;
}
