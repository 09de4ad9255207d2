import { ApiProperty } from '@nestjs/swagger';
import { WORKING_STAGES } from '#domain';
import { MoneyDto } from '../../projects/dto/common.request.dto.js';

export class PipelineStageDto {
  @ApiProperty({ enum: WORKING_STAGES, example: 'negotiation' }) stage: string;
  @ApiProperty({ example: '0.60', description: 'Stage weight: search 0.10, preparation 0.20, quotation 0.40, negotiation 0.60, implementation 1.00, transition 1.00' })
  weight: string;
  @ApiProperty({ example: 12 }) count: number;
  @ApiProperty({ type: [MoneyDto], description: 'Sum of estimated values, exact, one entry per currency', example: [{ amount: '15000000.00', currency: 'CNY' }] })
  estimatedValue: MoneyDto[];
  @ApiProperty({ type: [MoneyDto], description: 'estimatedValue × weight, rounded half away from zero to cents', example: [{ amount: '9000000.00', currency: 'CNY' }] })
  weightedValue: MoneyDto[];
}

export class PipelineDto {
  @ApiProperty({ type: [PipelineStageDto], description: 'Every working stage, in lifecycle order; closed projects are not in the pipeline' })
  stages: PipelineStageDto[];
}
