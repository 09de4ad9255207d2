import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { WIN_LOSS_DIMENSIONS } from '#read-models';
import { MoneyDto } from '../../projects/dto/common.request.dto.js';

// A group's key: text, or a number for revisionCount; null where the dimension is unknown
// (no entry mode set, no competitor recorded, never screened).
export const GROUP_KEY: ApiPropertyOptions = {
  oneOf: [{ type: 'string' }, { type: 'integer' }],
  nullable: true,
  example: 'ports',
  description: 'The group: a segment, region, lead source, entry mode, competitor, tier (A/B/C), revision count or quarter (2026-Q1); null when unknown',
};

export class WinLossFiguresDto {
  @ApiProperty({ example: 12 }) won: number;
  @ApiProperty({ example: 9 }) lost: number;
  @ApiProperty({ example: 3, description: 'Withdrawn / no-bid, including dropped at screening; not in the win rate' }) withdrawn: number;
  @ApiProperty({ example: 1, description: 'Cancelled by the owner before a contract; not in the win rate' }) cancelled: number;
  @ApiProperty({ type: String, nullable: true, example: '0.5714', description: 'won / (won + lost), decimal string to 4 places (half up); null when both are 0' })
  winRate: string | null;
  @ApiProperty({ type: [MoneyDto], description: 'Sum of contract values as signed, exact, per currency', example: [{ amount: '15000000.00', currency: 'CNY' }] })
  wonValue: MoneyDto[];
  @ApiProperty({ type: [MoneyDto], description: 'Sum of our last submitted bids (the estimated value where we never bid), exact, per currency', example: [{ amount: '9800000.00', currency: 'CNY' }] })
  lostValue: MoneyDto[];
}

export class WinLossGroupDto extends WinLossFiguresDto {
  @ApiProperty(GROUP_KEY) key: string | number | null;
}

export class WinLossReportDto {
  @ApiProperty({ enum: WIN_LOSS_DIMENSIONS, nullable: true, example: 'segment' }) groupBy: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-01-01T00:00:00.000Z', description: 'Window start (inclusive), as applied' }) from: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-04-01T00:00:00.000Z', description: 'Window end (exclusive), as applied' }) to: string | null;
  @ApiProperty({ type: [WinLossGroupDto], description: 'Decided projects per group, ordered by key (null last); empty without groupBy' })
  groups: WinLossGroupDto[];
  @ApiProperty({ type: WinLossFiguresDto, description: 'All decided projects in the window, each once (also when grouped by competitor)' })
  total: WinLossFiguresDto;
}
