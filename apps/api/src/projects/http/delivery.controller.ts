import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowedRoles } from '../../auth/auth.decorators.js';
import { WRITERS } from '../../auth/roles.js';
import {
  RecordAcceptanceRequestDto, RecordHandoverRequestDto, RecordMilestoneRequestDto, SettleProjectRequestDto,
} from '../dto/delivery.request.dto.js';
import { ProjectId } from './id-params.js';
import { newResourceId, ProjectCommandSender } from './project-command.sender.js';
import { ProjectWriteResponses } from './project-responses.js';

@ApiTags('delivery')
@ApiBearerAuth()
@Controller('v1/projects/:id')
export class DeliveryController {
  constructor(@Inject(ProjectCommandSender) private readonly sender: ProjectCommandSender) {}

  @Post('milestones')
  @AllowedRoles(...WRITERS.delivery)
  @ProjectWriteResponses(201)
  @ApiOperation({ summary: 'Record a delivery milestone or its progress; a milestone at 100% marks delivery complete' })
  milestone(@ProjectId() id: string, @Body() body: RecordMilestoneRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'RecordMilestone', { ...body, milestoneId: body.milestoneId ?? newResourceId(request, 'milestone') });
  }

  @Post('acceptance')
  @HttpCode(200)
  @AllowedRoles(...WRITERS.delivery)
  @ProjectWriteResponses(200)
  @ApiOperation({ summary: 'Record completion acceptance' })
  acceptance(@ProjectId() id: string, @Body() body: RecordAcceptanceRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'RecordAcceptance', body);
  }

  @Post('handover')
  @HttpCode(200)
  @AllowedRoles(...WRITERS.delivery)
  @ProjectWriteResponses(200)
  @ApiOperation({ summary: 'Record the handover' })
  handover(@ProjectId() id: string, @Body() body: RecordHandoverRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'RecordHandover', body);
  }

  @Post('settlement')
  @HttpCode(200)
  @AllowedRoles(...WRITERS.delivery)
  @ProjectWriteResponses(200)
  @ApiOperation({ summary: 'Record the final settlement; closes the project' })
  settlement(@ProjectId() id: string, @Body() body: SettleProjectRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'SettleProject', body);
  }
}
