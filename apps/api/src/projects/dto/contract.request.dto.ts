import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested, IsObject } from 'class-validator';
import { AMENDMENT_KINDS, type AmendmentKind } from '#domain';
import { LIMITS, MoneyDto, NON_NEGATIVE_DECIMAL, SignedMoneyDto } from './common.request.dto.js';

export class SignContractRequestDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() quotationId: string;
  @ApiProperty({ example: 3, minimum: 1 }) @IsInt() @Min(1) revision: number;
  @ApiProperty({ type: MoneyDto }) @IsObject() @ValidateNested() @Type(() => MoneyDto) value: MoneyDto;
  @ApiProperty({ example: '2026-04-01T08:00:00Z' }) @IsISO8601({ strict: true }) signedAt: string;
  @ApiProperty({ example: '2026-05-01' }) @IsISO8601({ strict: true }) startDate: string;
  @ApiProperty({ example: '2027-04-30' }) @IsISO8601({ strict: true }) endDate: string;
  @ApiProperty({ example: '5', description: 'Percent withheld until final settlement, 0–100' })
  @IsString() @Matches(NON_NEGATIVE_DECIMAL, { message: 'retentionPercent must be a decimal string such as "5"' }) retentionPercent: string;
  @ApiProperty({ example: '30% advance, 60% on delivery, 10% on acceptance' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.text) paymentTerms: string;
}

export class AmendContractRequestDto {
  @ApiProperty({ enum: AMENDMENT_KINDS, example: 'amendment', description: '`amendment`: a legal change; `correction`: fixes a recording error' })
  @IsIn(AMENDMENT_KINDS) kind: AmendmentKind;
  @ApiProperty({ type: SignedMoneyDto }) @IsObject() @ValidateNested() @Type(() => SignedMoneyDto) valueDelta: SignedMoneyDto;
  @ApiPropertyOptional({ example: '2027-06-30' }) @IsOptional() @IsISO8601({ strict: true }) newEndDate?: string;
  @ApiProperty({ example: 'Add berth 6' }) @IsString() @MaxLength(LIMITS.text) scope: string;
  @ApiProperty({ example: 'Change order CO-2 signed by the owner' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.text) reason: string;
}
