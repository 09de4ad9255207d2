import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RevisionTotalsDto } from '../../projects/dto/project-view.response.dto.js';

export class RecordedEventDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'ContractAmended' }) type: string;
  @ApiProperty({ example: 1 }) schemaVersion: number;
  @ApiProperty({ example: { number: 1, kind: 'amendment', valueDelta: { amount: '50000.00', currency: 'CNY' } } }) data: object;
  @ApiProperty({ example: { actor: 'contracts-wang', correlationId: 'erp-trace-42', causationId: null, occurredAt: '2026-04-02T08:00:00.000Z' } }) metadata: object;
  @ApiProperty({ example: 'project-0b7e2f4c-1d2a-4e6b-9c31-5a8f7d2e1001' }) streamId: string;
  @ApiProperty({ example: 12 }) version: number;
  @ApiProperty({ example: 1042 }) globalPosition: number;
  @ApiProperty({ example: '2026-04-02T08:00:00.123Z' }) recordedAt: string;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'sha256(previous hash ‖ canonical event), hex' }) hash: string;
}

export class ProjectEventsDto {
  @ApiProperty({ type: [RecordedEventDto] }) items: RecordedEventDto[];
  @ApiPropertyOptional({ nullable: true, example: '501', description: 'The fromVersion of the next page; null on the last page' }) nextCursor: string | null;
}

export class IntegrityDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: true }) ok: boolean;
  @ApiPropertyOptional({ example: 12, description: 'Versions verified (when ok)' }) version?: number;
  @ApiPropertyOptional({ example: 7, description: 'The first version whose hash does not match (when not ok)' }) brokenAtVersion?: number;
  @ApiPropertyOptional({ example: 'stored hash does not match the stored event' }) reason?: string;
  @ApiProperty({ example: '2026-06-01T10:00:00.000Z' }) verifiedAt: string;
}

export class RevisionDto {
  @ApiProperty({ example: 2 }) number: number;
  @ApiProperty({ enum: ['draft', 'submitted'] }) status: string;
  @ApiProperty({ example: 'Steel price update' }) reason: string;
  @ApiProperty({ type: 'array', items: { type: 'object' }, example: [{ code: 'A', description: 'Crane PLC retrofit', quantity: '2.00', unit: 'set', unitPrice: '240000.00', unitCost: '180000.00', lineTotal: '480000.00', lineCost: '360000.00' }] })
  lines: object[];
  @ApiProperty({ type: RevisionTotalsDto }) totals: RevisionTotalsDto;
  @ApiProperty({ example: '2026-02-01T09:00:00.000Z' }) draftedAt: string;
  @ApiPropertyOptional({ nullable: true, example: null }) submittedAt: string | null;
}

export class RevisionsDto {
  @ApiProperty({ format: 'uuid' }) quotationId: string;
  @ApiProperty({ example: 'Main bid' }) title: string;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ type: [RevisionDto] }) items: RevisionDto[];
}

export class RevisionDiffDto {
  @ApiProperty({ format: 'uuid' }) quotationId: string;
  @ApiProperty({ example: 1, description: 'From this revision (?against)' }) from: number;
  @ApiProperty({ example: 2, description: 'To this revision (n)' }) to: number;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Lines in `to` only' }) added: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Lines in `from` only' }) removed: object[];
  @ApiProperty({ example: [{ code: 'A', changes: [{ field: 'unitPrice', from: '250000.00', to: '240000.00' }] }], description: 'Lines in both, matched by code, field by field' })
  changed: object[];
  @ApiProperty({ example: { from: { total: '1200000.00' }, to: { total: '1180000.00' }, delta: { total: '-20000.00' } } }) totals: object;
}
