import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowedRoles } from '../../auth/auth.decorators.js';
import { WRITERS } from '../../auth/roles.js';
import { AmendContractRequestDto, SignContractRequestDto } from '../dto/contract.request.dto.js';
import { ProjectId } from './id-params.js';
import { ProjectCommandSender } from './project-command.sender.js';
import { ProjectWriteResponses } from './project-responses.js';

@ApiTags('contract')
@ApiBearerAuth()
@Controller('v1/projects/:id/contract')
export class ContractController {
  constructor(@Inject(ProjectCommandSender) private readonly sender: ProjectCommandSender) {}

  @Post()
  @AllowedRoles(...WRITERS.contract)
  @ProjectWriteResponses(201)
  @ApiOperation({ summary: 'Sign the contract against one submitted revision; the outcome becomes won' })
  sign(@ProjectId() id: string, @Body() body: SignContractRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'SignContract', body);
  }

  @Post('amendments')
  @AllowedRoles(...WRITERS.contract)
  @ProjectWriteResponses(201)
  @ApiOperation({ summary: 'Record a numbered amendment (legal change) or correction (recording error), with its reason' })
  amend(@ProjectId() id: string, @Body() body: AmendContractRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'AmendContract', body);
  }
}
