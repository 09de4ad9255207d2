import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested, IsObject } from 'class-validator';
import { LIMITS, MoneyDto } from './common.request.dto.js';

export class RecordMilestoneRequestDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Send an existing milestone id to update its progress; omit to add a milestone' })
  @IsOptional() @IsUUID() milestoneId?: string;
  @ApiProperty({ example: 'Cranes 1–3 recommissioned' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) name: string;
  @ApiProperty({ example: '2026-09-30' }) @IsISO8601({ strict: true }) plannedDate: string;
  @ApiPropertyOptional({ example: '2026-09-28' }) @IsOptional() @IsISO8601({ strict: true }) achievedDate?: string;
  @ApiProperty({ example: 100, minimum: 0, maximum: 100, description: 'A milestone at 100 marks delivery complete' })
  @IsInt() @Min(0) @Max(100) progressPercent: number;
}

export class RecordAcceptanceRequestDto {
  @ApiProperty({ example: '2026-10-15T00:00:00Z' }) @IsISO8601({ strict: true }) acceptedAt: string;
  @ApiProperty({ example: 'Completion certificate AC-77' }) @IsString() @MaxLength(LIMITS.text) notes: string;
}

export class RecordHandoverRequestDto {
  @ApiProperty({ example: '2026-10-20T00:00:00Z' }) @IsISO8601({ strict: true }) handedOverAt: string;
  @ApiProperty({ example: 'Keys and manuals handed to the terminal operator' }) @IsString() @MaxLength(LIMITS.text) notes: string;
}

export class SettleProjectRequestDto {
  @ApiProperty({ type: MoneyDto }) @IsObject() @ValidateNested() @Type(() => MoneyDto) amount: MoneyDto;
  @ApiProperty({ example: true }) @IsBoolean() retentionReleased: boolean;
  @ApiProperty({ example: '2027-01-10T00:00:00Z' }) @IsISO8601({ strict: true }) settledAt: string;
  @ApiProperty({ example: 'Final account agreed' }) @IsString() @MaxLength(LIMITS.text) notes: string;
}
