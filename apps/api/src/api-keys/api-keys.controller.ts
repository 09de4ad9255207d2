import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemException } from '#http-problems';
import { CurrentPrincipal, AllowedRoles } from '../auth/auth.decorators.js';
import { WRITERS, type Principal } from '../auth/roles.js';
import { ApiKeysRepository, DuplicateKeyNameError } from './api-keys.repository.js';
import { CreateApiKeyRequestDto } from './create-api-key.request.dto.js';

const ADMIN_ONLY = 'Admin only.';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(@Inject(ApiKeysRepository) private readonly keys: ApiKeysRepository) {}

  @Post()
  @AllowedRoles(...WRITERS.apiKeys)
  @ApiOperation({ summary: 'Create an API key; the secret is returned once and never again', description: ADMIN_ONLY })
  async create(@Body() body: CreateApiKeyRequestDto, @CurrentPrincipal() principal: Principal) {
    try {
      const { key, secret } = await this.keys.create(body.name, body.role, principal.name);
      return { ...key, secret };
    } catch (error) {
      if (error instanceof DuplicateKeyNameError) {
        throw new ProblemException(409, 'API_KEY_NAME_TAKEN', 'Name taken', `An active key is already named ${body.name}`);
      }
      throw error;
    }
  }

  @Get()
  @AllowedRoles(...WRITERS.apiKeys)
  @ApiOperation({ summary: 'List API keys (never their secrets)', description: ADMIN_ONLY })
  async list() {
    return { items: await this.keys.list(), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(200)
  @AllowedRoles(...WRITERS.apiKeys)
  @ApiOperation({ summary: 'Revoke an API key', description: ADMIN_ONLY })
  async revoke(@Param('id', new ParseUUIDPipe()) id: string) {
    const result = await this.keys.revoke(id);
    if (result === null) throw new ProblemException(404, 'API_KEY_NOT_FOUND', 'Not found', `No API key ${id}`);
    if (result === 'already_revoked') throw new ProblemException(409, 'API_KEY_ALREADY_REVOKED', 'Already revoked', `Key ${id} was revoked before`);
    return result;
  }
}
