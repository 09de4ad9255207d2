import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldChangeDto {
  @ApiProperty({ example: 'quotations[0b7e2f4c-1d2a-4e6b-9c31-5a8f7d2e2001].lines[A].unitPrice', description: 'Path in the project state; array items are named by their key (line code, id, number)' })
  field: string;
  @ApiProperty({ example: '250000.00', nullable: true, description: 'Value before the event (null: absent)' }) from: unknown;
  @ApiProperty({ example: '240000.00', nullable: true, description: 'Value after the event (null: removed)' }) to: unknown;
}

export class AuditEntryDto {
  @ApiProperty({ example: 1042 }) globalPosition: number;
  @ApiProperty({ example: 7 }) version: number;
  @ApiProperty({ example: '2026-03-01T09:00:00.123Z' }) recordedAt: string;
  @ApiPropertyOptional({ example: '2026-03-01T09:00:00.100Z', nullable: true, description: 'Business time of the command' }) occurredAt: string | null;
  @ApiProperty({ example: 'estimator-li' }) actor: string;
  @ApiProperty({ example: 'erp-trace-42', description: 'The correlation id (X-Request-Id) of the request that wrote it' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'QuotationRevisionDrafted' }) eventType: string;
  @ApiProperty({ example: 'Revision 2 of quotation "Main bid" drafted (2 lines, total 1180000.00): steel price update' }) summary: string;
  @ApiProperty({ type: [FieldChangeDto] }) changes: FieldChangeDto[];
}

export class AuditTrailDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiPropertyOptional({ nullable: true, example: '500', description: 'Pass as ?cursor= for the next page; null on the last page' }) nextCursor: string | null;
}
