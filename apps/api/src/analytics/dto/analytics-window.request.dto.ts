import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches, registerDecorator, type ValidationArguments } from 'class-validator';
import type { AnalyticsWindow } from '#read-models';
import { MinPositionRequestDto } from '../../reads/consistency/min-position.request.dto.js';

// A date (midnight UTC) or an instant with its offset: a bare local time would be ambiguous.
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const DATE_MESSAGE = 'must be an ISO 8601 date (2026-01-01, midnight UTC) or an instant with an offset (2026-01-01T08:00:00Z)';

function IsBeforeTo() {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isBeforeTo',
      target: target.constructor,
      propertyName: property,
      options: { message: 'from must be before to' },
      validator: {
        validate(from: unknown, args: ValidationArguments) {
          const to = (args.object as { to?: unknown }).to;
          if (typeof from !== 'string' || typeof to !== 'string') return true;
          const [start, end] = [Date.parse(from), Date.parse(to)];
          return Number.isNaN(start) || Number.isNaN(end) || start < end;
        },
      },
    });
}

// The decision window shared by every analytics read: decided_at in [from, to), UTC.
export class AnalyticsWindowRequestDto extends MinPositionRequestDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Decided at or after (inclusive, UTC): a date (midnight UTC) or an instant with an offset' })
  @IsOptional() @Matches(DATE_OR_INSTANT, { message: `from ${DATE_MESSAGE}` }) @IsISO8601({ strict: true }) @IsBeforeTo()
  from?: string;

  @ApiPropertyOptional({ example: '2026-04-01', description: 'Decided before (exclusive)' })
  @IsOptional() @Matches(DATE_OR_INSTANT, { message: `to ${DATE_MESSAGE}` }) @IsISO8601({ strict: true })
  to?: string;
}

export function toWindow({ from, to }: AnalyticsWindowRequestDto): AnalyticsWindow {
  return { ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) };
}
