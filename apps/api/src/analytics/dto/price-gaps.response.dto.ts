import { ApiProperty } from '@nestjs/swagger';
import { WIN_LOSS_DIMENSIONS } from '#read-models';
import { MoneyDto } from '../../projects/dto/common.request.dto.js';
import { GROUP_KEY } from './win-loss.response.dto.js';

const GAP = 'Lost: (ours − winner) / winner, above 0 when we were dearer. Won: (runner-up − ours) / ours, above 0 when we left money on the table. Decimal string to 4 places';

export class PriceGapItemDto {
  @ApiProperty({ example: '5b0c6a8e-8f0e-4d7a-9f51-0d9f0c1b2a3e' }) projectId: string;
  @ApiProperty({ enum: ['won', 'lost'], example: 'lost' }) outcome: string;
  @ApiProperty({ example: '2026-03-02T09:00:00.000Z' }) decidedAt: string;
  @ApiProperty({ example: 'ports' }) segment: string;
  @ApiProperty({ example: 'east-china' }) region: string;
  @ApiProperty({ example: 'media_tender_notice' }) leadSource: string;
  @ApiProperty({ type: String, nullable: true, example: 'prime_contractor' }) entryMode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'A' }) customerTier: string | null;
  @ApiProperty({ type: [String], example: ['Acme Cranes'] }) competitors: string[];
  @ApiProperty({ example: 2 }) revisionCount: number;
  @ApiProperty({ type: MoneyDto, description: 'Our last submitted bid' }) ourBid: MoneyDto;
  @ApiProperty({ type: String, nullable: true, example: 'Acme Cranes' }) winner: string | null;
  @ApiProperty({ type: MoneyDto, nullable: true, description: "Lost: the winner's price; won: our contract value" }) winningAmount: MoneyDto | null;
  @ApiProperty({ type: MoneyDto, nullable: true, description: 'Won: the lowest other bid at the opening' }) runnerUpAmount: MoneyDto | null;
  @ApiProperty({ example: '0.0833', description: GAP }) priceGap: string;
}

export class PriceGapSummaryDto {
  @ApiProperty(GROUP_KEY) key: string | number | null;
  @ApiProperty({ enum: ['won', 'lost'], example: 'lost' }) outcome: string;
  @ApiProperty({ example: 7, description: 'Projects with a known gap' }) projects: number;
  @ApiProperty({ example: '0.0612', description: 'Median gap (percentile_cont), 4 places' }) medianGap: string;
}

export class PriceGapsDto {
  @ApiProperty({ type: String, nullable: true, example: '2026-01-01T00:00:00.000Z' }) from: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) to: string | null;
  @ApiProperty({ enum: WIN_LOSS_DIMENSIONS, nullable: true, example: null }) groupBy: string | null;
  @ApiProperty({ type: [PriceGapSummaryDto], description: 'Median gap per outcome (and group); key is null without groupBy' }) summary: PriceGapSummaryDto[];
  @ApiProperty({ type: [PriceGapItemDto], description: 'Projects with a known gap, latest decision first' }) items: PriceGapItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last' }) nextCursor: string | null;
}
