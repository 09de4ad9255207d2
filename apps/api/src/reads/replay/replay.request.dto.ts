import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { MinPositionRequestDto } from '../consistency/min-position.request.dto.js';

// Replay reads fold the event stream itself, so they are always current: minPosition is
// accepted (clients send it to every read) and never waits.
export class ProjectStateRequestDto extends MinPositionRequestDto {
  @ApiPropertyOptional({ example: '2026-03-01T12:00:00Z', description: 'The project as it stood at this instant (recorded time). Exactly one of asOf or atVersion.' })
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true })
  asOf?: string;

  @ApiPropertyOptional({ example: 5, description: 'The project as it stood right after event version n. Exactly one of asOf or atVersion.' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(2_147_483_647)
  atVersion?: number;
}

export class ProjectEventsRequestDto extends MinPositionRequestDto {
  @ApiPropertyOptional({ example: 1, default: 1, description: 'First version to return (inclusive)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(2_147_483_647)
  fromVersion?: number;

  @ApiPropertyOptional({ example: 500, default: 500, minimum: 1, maximum: 1000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;
}

export class RevisionDiffRequestDto extends MinPositionRequestDto {
  @ApiProperty({ example: 1, description: 'The revision to compare with (the diff reads from it to revision n)' })
  @Type(() => Number) @IsInt() @Min(1) @Max(2_147_483_647)
  against: number;
}

export class ReplayReadRequestDto extends MinPositionRequestDto {}
