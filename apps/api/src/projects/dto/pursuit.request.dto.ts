import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested, IsObject,
} from 'class-validator';
import { ENTRY_MODES, INFLUENCE_LEVELS, LEAD_SOURCES, LOSS_REASONS, SCREENING_DECISIONS, STAGES, STAKEHOLDER_KINDS } from '#domain';
import type { EntryMode, Influence, LeadSource, LossReason, ScreeningDecision, Stage, StakeholderKind } from '#domain';
import { LIMITS, MoneyDto } from './common.request.dto.js';

export class CustomerDto {
  @ApiProperty({ example: 'Ningbo Port Authority' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) name: string;
  @ApiPropertyOptional({ example: 'SAP-100234', description: 'The id in the caller\'s ERP' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LIMITS.code) externalId?: string;
}

export class IdentifyProjectRequestDto {
  @ApiProperty({ example: 'Container terminal crane retrofit, berths 3–5' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) name: string;
  @ApiProperty({ type: CustomerDto }) @IsObject() @ValidateNested() @Type(() => CustomerDto) customer: CustomerDto;
  @ApiProperty({ example: 'port-cranes' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.code) segment: string;
  @ApiProperty({ example: 'east-china' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.code) region: string;
  @ApiProperty({ enum: LEAD_SOURCES, example: 'media_tender_notice' }) @IsIn(LEAD_SOURCES) leadSource: LeadSource;
  @ApiProperty({ type: MoneyDto }) @IsObject() @ValidateNested() @Type(() => MoneyDto) estimatedValue: MoneyDto;
}

const Score = () => applyDecorators(IsInt(), Min(1), Max(5));

export class ScreenProjectRequestDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 4 }) @Score() customerValue: number;
  @ApiProperty({ minimum: 1, maximum: 5, example: 3 }) @Score() willingness: number;
  @ApiProperty({ minimum: 1, maximum: 5, example: 4 }) @Score() competitivePosition: number;
  @ApiProperty({ minimum: 1, maximum: 5, example: 5 }) @Score() strategicImportance: number;
  @ApiProperty({ minimum: 1, maximum: 5, example: 4 }) @Score() capabilityFit: number;
  @ApiProperty({ enum: SCREENING_DECISIONS, example: 'pursue' }) @IsIn(SCREENING_DECISIONS) decision: ScreeningDecision;
  @ApiProperty({ example: 'Strong reference at Zhoushan', maxLength: LIMITS.text }) @IsString() @MaxLength(LIMITS.text) notes: string;
}

export class PartnerDto {
  @ApiProperty({ example: 'Shanghai Electric Drives' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) name: string;
  @ApiPropertyOptional({ example: 'drives supplier' }) @IsOptional() @IsString() @MaxLength(LIMITS.name) role?: string;
}

export class SetEntryModeRequestDto {
  @ApiProperty({ enum: ENTRY_MODES, example: 'consortium_partner' }) @IsIn(ENTRY_MODES) mode: EntryMode;
  @ApiProperty({ type: [PartnerDto] }) @ArrayMaxSize(LIMITS.list) @ValidateNested({ each: true }) @Type(() => PartnerDto) partners: PartnerDto[];
}

export class TeamMemberDto {
  @ApiProperty({ example: 'Li Wei' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) name: string;
  @ApiProperty({ example: 'bid manager' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) role: string;
}

export class SetTeamRequestDto {
  @ApiProperty({ type: [TeamMemberDto] })
  @ArrayMinSize(1) @ArrayMaxSize(LIMITS.list) @ValidateNested({ each: true }) @Type(() => TeamMemberDto) members: TeamMemberDto[];
}

const Services = () =>
  applyDecorators(ArrayMaxSize(LIMITS.list), IsString({ each: true }), IsNotEmpty({ each: true }), MaxLength(LIMITS.name, { each: true }));

export class SetMarketingPlanRequestDto {
  @ApiProperty({ example: ['crane retrofit'] }) @Services() coreServices: string[];
  @ApiProperty({ example: ['remote diagnostics'] }) @Services() creativeServices: string[];
  @ApiProperty({ example: ['on-site spare parts store'] }) @Services() personalisedServices: string[];
  @ApiProperty({ example: 'Own funds; bank guarantee for the bid bond' }) @IsString() @MaxLength(LIMITS.text) funding: string;
}

export class AddStakeholderRequestDto {
  @ApiProperty({ example: 'Zhang Min' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) name: string;
  @ApiProperty({ enum: STAKEHOLDER_KINDS, example: 'person' }) @IsIn(STAKEHOLDER_KINDS) kind: StakeholderKind;
  @ApiPropertyOptional({ example: 'Port Authority procurement' }) @IsOptional() @IsString() @MaxLength(LIMITS.name) organisation?: string;
  @ApiProperty({ example: 'decision maker' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) decisionRole: string;
  @ApiProperty({ enum: INFLUENCE_LEVELS, example: 'high' }) @IsIn(INFLUENCE_LEVELS) influence: Influence;
  @ApiProperty({ example: ['Li Wei', 'Chen Jie'], description: 'Our people who hold the relationship (one or more)' })
  @ArrayMinSize(1) @ArrayMaxSize(LIMITS.list) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(LIMITS.name, { each: true })
  relationshipOwners: string[];
}

export class AddCompetitorRequestDto {
  @ApiProperty({ example: 'ZPMC' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) name: string;
  @ApiPropertyOptional({ example: 'Incumbent on berths 1–2' }) @IsOptional() @IsString() @MaxLength(LIMITS.text) notes?: string;
}

export class AdvanceStageRequestDto {
  @ApiProperty({ enum: STAGES, example: 'preparation', description: 'The next stage' }) @IsIn(STAGES) to: Stage;
  @ApiProperty({ example: 'Screened: pursue' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.text) reason: string;
}

export class RecordLossRequestDto {
  @ApiProperty({ enum: LOSS_REASONS, example: 'price' }) @IsIn(LOSS_REASONS) reason: LossReason;
  @ApiPropertyOptional({ example: 'ZPMC' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) winner?: string;
  @ApiPropertyOptional({ type: MoneyDto }) @IsOptional() @ValidateNested() @Type(() => MoneyDto) winningAmount?: MoneyDto;
  @ApiPropertyOptional({ example: 'Lost by 4% on price' }) @IsOptional() @IsString() @MaxLength(LIMITS.text) notes?: string;
}
