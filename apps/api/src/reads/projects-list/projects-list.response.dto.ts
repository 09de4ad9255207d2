import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OUTCOMES, STAGES } from '#domain';
import { MoneyDto } from '../../projects/dto/common.request.dto.js';

export class ProjectListItemDto {
  @ApiProperty({ format: 'uuid', example: '0b7e2f4c-1d2a-4e6b-9c31-5a8f7d2e1001' }) id: string;
  @ApiProperty({ example: 'Harbour crane automation' }) name: string;
  @ApiProperty({ example: { name: 'Ningbo Port Group', externalId: 'ERP-1001' } }) customer: object;
  @ApiProperty({ example: 'ports' }) segment: string;
  @ApiProperty({ example: 'east-china' }) region: string;
  @ApiProperty({ example: 'media_tender_notice' }) leadSource: string;
  @ApiProperty({ enum: STAGES, example: 'quotation' }) stage: string;
  @ApiProperty({ enum: OUTCOMES, example: 'open' }) outcome: string;
  @ApiProperty({ type: MoneyDto }) estimatedValue: MoneyDto;
  @ApiPropertyOptional({ example: 'prime_contractor', nullable: true }) entryMode: string | null;
  @ApiPropertyOptional({ type: MoneyDto, nullable: true, description: 'Current contract value (after amendments) once won' }) contractValue: MoneyDto | null;
  @ApiProperty({ example: '2026-01-02T09:00:00.000Z' }) identifiedAt: string;
  @ApiProperty({ example: '2026-01-09T09:00:00.000Z' }) updatedAt: string;
  @ApiProperty({ example: 9, description: 'Stream version the row reflects' }) version: number;
}

export class ProjectsPageDto {
  @ApiProperty({ type: [ProjectListItemDto] }) items: ProjectListItemDto[];
  @ApiPropertyOptional({ nullable: true, example: 'WyIyMDI2LTAxLTAyVDA5OjAwOjAwLjAwMFoiLCIwYjdlMmY0Yy0uLi4iXQ', description: 'Pass as ?cursor= for the next page; null on the last page' })
  nextCursor: string | null;
}
