import { ApiProperty } from '@nestjs/swagger';
import { LOSS_REASONS, WORKING_STAGES } from '#domain';

class WindowDto {
  @ApiProperty({ type: String, nullable: true, example: '2026-01-01T00:00:00.000Z' }) from: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) to: string | null;
}

export class LossReasonShareDto {
  @ApiProperty({ enum: LOSS_REASONS, example: 'price' }) reason: string;
  @ApiProperty({ example: 6 }) count: number;
  @ApiProperty({ type: String, nullable: true, example: '0.6667', description: 'count / lost, decimal string to 4 places' }) share: string | null;
}

export class LossReasonsDto extends WindowDto {
  @ApiProperty({ example: 9, description: 'Projects lost in the window' }) lost: number;
  @ApiProperty({ type: [LossReasonShareDto], description: 'Most frequent first; reasons never given are absent' }) reasons: LossReasonShareDto[];
}

export class FunnelStageDto {
  @ApiProperty({ enum: WORKING_STAGES, example: 'quotation' }) stage: string;
  @ApiProperty({ example: 40, description: 'Decided projects that reached this stage' }) reached: number;
  @ApiProperty({ type: Number, nullable: true, example: 25, description: 'Of those, how many reached the next stage; null for the last stage' }) reachedNext: number | null;
  @ApiProperty({ type: String, nullable: true, example: '0.6250', description: 'reachedNext / reached, 4 places' }) shareReachedNext: string | null;
  @ApiProperty({ example: 14, description: 'Of those, how many were won' }) won: number;
  @ApiProperty({ type: String, nullable: true, example: '0.3500', description: 'won / reached, 4 places' }) shareWon: string | null;
}

export class FunnelDto extends WindowDto {
  @ApiProperty({ example: 52, description: 'Decided projects in the window (all reached search)' }) decided: number;
  @ApiProperty({ type: [FunnelStageDto], description: 'Every working stage, in lifecycle order' }) stages: FunnelStageDto[];
}

export class StageDurationDto {
  @ApiProperty({ enum: WORKING_STAGES, example: 'negotiation' }) stage: string;
  @ApiProperty({ example: 31, description: 'Completed stays in this stage (left by advancing, ending or settling)' }) sampleSize: number;
  @ApiProperty({ type: Number, nullable: true, example: 24.5, description: 'Median days (percentile_cont), 2 places' }) medianDays: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 61.25, description: '90th percentile days (percentile_cont), 2 places' }) p90Days: number | null;
}

export class StageDurationsDto extends WindowDto {
  @ApiProperty({ type: [StageDurationDto], description: 'Every working stage, in lifecycle order' }) stages: StageDurationDto[];
}
