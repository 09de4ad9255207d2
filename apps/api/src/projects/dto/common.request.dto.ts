import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export const LIMITS = { name: 200, text: 4000, code: 64, list: 100, lines: 500 } as const;

// Decimal strings only: money never passes through binary floating point.
export const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;
export const NON_NEGATIVE_DECIMAL = /^\d{1,15}(\.\d{1,6})?$/;

export class MoneyDto {
  @ApiProperty({ example: '125000.00', description: 'Decimal string, up to 15 integer and 6 fraction digits' })
  @IsString() @Matches(NON_NEGATIVE_DECIMAL, { message: 'amount must be a non-negative decimal string such as "125000.00"' })
  amount: string;

  @ApiProperty({ example: 'CNY', description: 'ISO 4217 code' })
  @IsString() @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency: string;
}

export class SignedMoneyDto {
  @ApiProperty({ example: '-15000.00', description: 'Decimal string; negative for a reduction' })
  @IsString() @Matches(DECIMAL, { message: 'amount must be a decimal string such as "-15000.00"' })
  amount: string;

  @ApiProperty({ example: 'CNY' })
  @IsString() @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency: string;
}

export class ReasonRequestDto {
  @ApiProperty({ example: 'Owner postponed the tender indefinitely', maxLength: LIMITS.text })
  @IsString() @Matches(/\S/, { message: 'reason must not be blank' }) @MaxLength(LIMITS.text)
  reason: string;
}
