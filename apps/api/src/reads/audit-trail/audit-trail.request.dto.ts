import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MinPositionRequestDto } from '../consistency/min-position.request.dto.js';

export class AuditTrailRequestDto extends MinPositionRequestDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv streams every matching entry (no paging) as RFC 4180 CSV with a UTF-8 BOM' })
  @IsOptional() @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ example: 'estimator-li', description: 'Only events recorded for this actor (the API key name)' })
  @IsOptional() @IsString() @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ example: 'QuotationRevisionDrafted,ContractAmended', description: 'Comma-separated event types' })
  @IsOptional() @IsString() @MaxLength(2000) @Matches(/^[A-Za-z]+(,[A-Za-z]+)*$/, { message: 'type is a comma-separated list of event types' })
  type?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z', description: 'Recorded at or after this instant (ISO 8601)' })
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31T23:59:59Z', description: 'Recorded at or before this instant (ISO 8601)' })
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true })
  to?: string;

  @ApiPropertyOptional({ example: 100, minimum: 1, maximum: 1000, default: 500, description: 'JSON only' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ example: '120', description: 'JSON only: nextCursor of the previous page' })
  @IsOptional() @IsString() @Matches(/^\d{1,9}$/, { message: 'cursor must be a nextCursor from a previous page' })
  cursor?: string;
}
