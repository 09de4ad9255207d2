import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'lines[0].unitPrice' }) field: string;
  @ApiProperty({ example: 'unitPrice must be a non-negative decimal string such as "12.50"' }) message: string;
}

// RFC 9457 problem document, as every error of this API is answered.
export class ProblemDto {
  @ApiProperty({ example: 'urn:bidledger:problem:stage-gate-entry-mode-missing' }) type: string;
  @ApiProperty({ example: 'Stage gate entry mode missing' }) title: string;
  @ApiProperty({ example: 409 }) status: number;
  @ApiProperty({ example: 'Choose an entry mode before moving to quotation' }) detail: string;
  @ApiProperty({ example: 'STAGE_GATE_ENTRY_MODE_MISSING', description: 'Stable machine-readable reason' }) code: string;
  @ApiPropertyOptional({ example: '/v1/projects/5b0c…/stage-transitions' }) instance?: string;
  @ApiPropertyOptional({ example: 'e3b0c442-98fc-4c14-9afb-f4c8996fb924' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Validation failures, one per field' }) errors?: FieldErrorDto[];
}
