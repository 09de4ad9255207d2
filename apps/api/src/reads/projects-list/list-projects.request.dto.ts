import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { LEAD_SOURCES, OUTCOMES, STAGES } from '#domain';
import { MinPositionRequestDto } from '../consistency/min-position.request.dto.js';

export class ListProjectsRequestDto extends MinPositionRequestDto {
  @ApiPropertyOptional({ enum: STAGES, example: 'quotation' })
  @IsOptional() @IsIn(STAGES)
  stage?: string;

  @ApiPropertyOptional({ enum: OUTCOMES, example: 'open' })
  @IsOptional() @IsIn(OUTCOMES)
  outcome?: string;

  @ApiPropertyOptional({ example: 'ports' })
  @IsOptional() @IsString() @MaxLength(200)
  segment?: string;

  @ApiPropertyOptional({ example: 'east-china' })
  @IsOptional() @IsString() @MaxLength(200)
  region?: string;

  @ApiPropertyOptional({ enum: LEAD_SOURCES, example: 'media_tender_notice' })
  @IsOptional() @IsIn(LEAD_SOURCES)
  leadSource?: string;

  @ApiPropertyOptional({ example: 'crane', description: 'Case-insensitive substring of the project name, customer name or customer ERP id' })
  @IsOptional() @IsString() @Matches(/\S/, { message: 'q must not be blank' }) @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page', example: 'WyIyMDI2LTAzLTAxVDA5OjAwOjAwLjAwMFoiLCIwYjdlLi4uIl0' })
  @IsOptional() @IsString() @MaxLength(300) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a nextCursor from a previous page' })
  cursor?: string;
}
