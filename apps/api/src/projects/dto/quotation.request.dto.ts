import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested, IsObject,
} from 'class-validator';
import { LIMITS, MoneyDto, NON_NEGATIVE_DECIMAL } from './common.request.dto.js';

const decimalMessage = (field: string) => ({ message: `${field} must be a non-negative decimal string such as "12.50"` });

export class QuotationLineDto {
  @ApiProperty({ example: 'C-101' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.code) code: string;
  @ApiProperty({ example: 'Hoist drive replacement' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) description: string;
  @ApiProperty({ example: '3' }) @IsString() @Matches(NON_NEGATIVE_DECIMAL, decimalMessage('quantity')) quantity: string;
  @ApiProperty({ example: 'set' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.code) unit: string;
  @ApiProperty({ example: '420000.00' }) @IsString() @Matches(NON_NEGATIVE_DECIMAL, decimalMessage('unitPrice')) unitPrice: string;
  @ApiPropertyOptional({ example: '350000.00' }) @IsOptional() @IsString() @Matches(NON_NEGATIVE_DECIMAL, decimalMessage('unitCost')) unitCost?: string;
}


export class CreateQuotationRequestDto {
  @ApiProperty({ example: 'Main bid' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) title: string;
  @ApiProperty({ example: 'CNY' }) @IsString() @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' }) currency: string;
  @ApiProperty({ example: 'Retrofit with AC drives; crane-by-crane cutover' }) @IsString() @MaxLength(LIMITS.text) technicalApproach: string;
  @ApiProperty({ type: [QuotationLineDto] }) @ArrayMinSize(1) @ArrayMaxSize(LIMITS.lines) @ValidateNested({ each: true }) @Type(() => QuotationLineDto) lines: QuotationLineDto[];
  @ApiProperty({ example: 'First estimate' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.text) reason: string;
}

export class DraftRevisionRequestDto {
  @ApiProperty({ type: [QuotationLineDto] }) @ArrayMinSize(1) @ArrayMaxSize(LIMITS.lines) @ValidateNested({ each: true }) @Type(() => QuotationLineDto) lines: QuotationLineDto[];
  @ApiProperty({ example: 'Steel price update' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.text) reason: string;
}

export class BidDto {
  @ApiProperty({ example: 'ZPMC' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) competitor: string;
  @ApiProperty({ type: MoneyDto }) @IsObject() @ValidateNested() @Type(() => MoneyDto) amount: MoneyDto;
}

export class RecordBidOpeningRequestDto {
  @ApiProperty({ example: 2, minimum: 1 }) @IsInt() @Min(1) ourRank: number;
  @ApiProperty({ type: [BidDto] }) @ArrayMaxSize(LIMITS.list) @ValidateNested({ each: true }) @Type(() => BidDto) bids: BidDto[];
}

export class RecordNegotiationRoundRequestDto {
  @ApiProperty({ example: '2026-03-02' }) @IsISO8601({ strict: true }) date: string;
  @ApiProperty({ example: ['price', 'warranty'] }) @ArrayMaxSize(LIMITS.list) @IsString({ each: true }) @MaxLength(LIMITS.name, { each: true }) topics: string[];
  @ApiProperty({ example: ['24-month warranty'] }) @ArrayMaxSize(LIMITS.list) @IsString({ each: true }) @MaxLength(LIMITS.name, { each: true }) concessions: string[];
  @ApiProperty({ example: 'Owner asks for 3% off' }) @IsString() @MaxLength(LIMITS.text) notes: string;
}
