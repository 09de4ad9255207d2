import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../auth/roles.js';

export class CreateApiKeyRequestDto {
  @ApiProperty({ example: 'sap-integration', description: 'Unique among active keys; recorded as the actor of every event written with the key' })
  @IsString() @MinLength(2) @MaxLength(64) @Matches(/^[a-zA-Z0-9][a-zA-Z0-9._@-]*$/, { message: 'name may hold letters, digits and . _ @ -' })
  name: string;

  @ApiProperty({ enum: ROLES, example: 'erp' })
  @IsIn(ROLES)
  role: Role;
}
