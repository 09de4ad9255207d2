import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LEAD_SOURCES } from '#domain';
import { MinPositionRequestDto } from '../consistency/min-position.request.dto.js';

export class PipelineRequestDto extends MinPositionRequestDto {
  @ApiPropertyOptional({ example: 'ports' })
  @IsOptional() @IsString() @MaxLength(200)
  segment?: string;

  @ApiPropertyOptional({ example: 'east-china' })
  @IsOptional() @IsString() @MaxLength(200)
  region?: string;

  @ApiPropertyOptional({ enum: LEAD_SOURCES })
  @IsOptional() @IsIn(LEAD_SOURCES)
  leadSource?: string;
}
