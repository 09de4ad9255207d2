import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OUTCOMES, STAGES } from '#domain';
import { MoneyDto } from './common.request.dto.js';

export class RevisionTotalsDto {
  @ApiProperty({ example: '1260000.00' }) total: string;
  @ApiPropertyOptional({ example: '1050000.00' }) totalCost?: string;
  @ApiPropertyOptional({ example: '210000.00' }) margin?: string;
  @ApiPropertyOptional({ example: '16.67' }) marginPercent?: string;
}

export class RevisionViewDto {
  @ApiProperty({ example: 2 }) number: number;
  @ApiProperty({ enum: ['draft', 'submitted'] }) status: string;
  @ApiProperty({ example: 'Steel price update' }) reason: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) lines: object[];
  @ApiProperty({ type: RevisionTotalsDto }) totals: RevisionTotalsDto;
}

export class QuotationViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Main bid' }) title: string;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ type: [RevisionViewDto] }) revisions: RevisionViewDto[];
}

export class ContractViewDto {
  @ApiProperty({ type: MoneyDto }) value: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Value after every amendment and correction' }) currentValue: MoneyDto;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) amendments: object[];
}

// The project as GET /v1/projects/{id} and every write answer it.
export class ProjectViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Container terminal crane retrofit' }) name: string;
  @ApiProperty({ example: { name: 'Ningbo Port Authority', externalId: 'SAP-100234' } }) customer: object;
  @ApiProperty({ example: 'port-cranes' }) segment: string;
  @ApiProperty({ example: 'east-china' }) region: string;
  @ApiProperty({ example: 'media_tender_notice' }) leadSource: string;
  @ApiProperty({ type: MoneyDto }) estimatedValue: MoneyDto;
  @ApiProperty({ enum: STAGES }) stage: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: string;
  @ApiProperty({ type: [QuotationViewDto] }) quotations: QuotationViewDto[];
  @ApiPropertyOptional({ type: ContractViewDto, nullable: true }) contract: ContractViewDto | null;
}
