import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

// Every read accepts ?minPosition (query strings arrive as text: converted, then checked).
export class MinPositionRequestDto {
  @ApiPropertyOptional({
    example: 1042,
    description: 'Wait (bounded by READ_WAIT_MAX_MS) until read models have applied the event at this global position, e.g. the X-Event-Position of your last write. On timeout the answer comes anyway with X-Read-Model-Stale: true.',
  })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER)
  minPosition?: number;
}
