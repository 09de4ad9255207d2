import { Body, Controller, Get, HttpCode, Inject, Post, Put, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { projectViewOf } from '#domain';
import { AllowedRoles } from '../../auth/auth.decorators.js';
import { WRITERS } from '../../auth/roles.js';
import { ReasonRequestDto } from '../dto/common.request.dto.js';
import {
  AddCompetitorRequestDto, AddStakeholderRequestDto, AdvanceStageRequestDto, IdentifyProjectRequestDto, RecordLossRequestDto,
  ScreenProjectRequestDto, SetEntryModeRequestDto, SetMarketingPlanRequestDto, SetTeamRequestDto,
} from '../dto/pursuit.request.dto.js';
import { GetProjectQuery } from '../queries/get-project.query.js';
import { newResourceId, ProjectCommandSender, setVersionHeaders } from './project-command.sender.js';
import { ProjectId } from './id-params.js';
import { ProjectWriteResponses } from './project-responses.js';



@ApiTags('projects')
@ApiBearerAuth()
@Controller('v1/projects')
export class ProjectsController {
  constructor(
    @Inject(ProjectCommandSender) private readonly sender: ProjectCommandSender,
    @Inject(QueryBus) private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @AllowedRoles(...WRITERS.pursuit)
  @ProjectWriteResponses(201)
  @ApiOperation({ summary: 'Identify a project (it starts in stage search)' })
  async identify(@Body() body: IdentifyProjectRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const projectId = newResourceId(request, 'project');
    const view = await this.sender.sendForView(request, response, projectId, 'IdentifyProject', { projectId, ...body });
    response.setHeader('Location', `/v1/projects/${projectId}`);
    return view;
  }

  @Get(':id')
  @ProjectWriteResponses(200, { read: true })
  @ApiOperation({ summary: 'The project as it stands now, folded from its event stream' })
  async get(@ProjectId() id: string, @Res({ passthrough: true }) response: Response) {
    const snapshot = await this.queryBus.execute(new GetProjectQuery(id));
    setVersionHeaders(response, snapshot.version, null);
    return projectViewOf(snapshot.state); // folded for this answer alone: no copy needed
  }

  @Post(':id/screening')
  @HttpCode(200)
  @AllowedRoles(...WRITERS.pursuit)
  @ProjectWriteResponses(200)
  @ApiOperation({ summary: 'Screen the customer and project; `drop` ends the pursuit as withdrawn' })
  screen(@ProjectId() id: string, @Body() body: ScreenProjectRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'ScreenProject', body);
  }

  @Put(':id/entry-mode')
  @AllowedRoles(...WRITERS.pursuit)
  @ProjectWriteResponses(200)
  @ApiOperation({ summary: 'Choose the entry mode (role in the consortium) and partners' })
  entryMode(@ProjectId() id: string, @Body() body: SetEntryModeRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'SetEntryMode', body);
  }

  @Put(':id/team')
  @AllowedRoles(...WRITERS.pursuit)
  @ProjectWriteResponses(200)
  @ApiOperation({ summary: 'Set the pursuit team' })
  team(@ProjectId() id: string, @Body() body: SetTeamRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'SetTeam', body);
  }

  @Put(':id/plan')
  @AllowedRoles(...WRITERS.pursuit)
  @ProjectWriteResponses(200)
  @ApiOperation({ summary: 'Set the marketing plan: core, creative and personalised services, funding' })
  plan(@ProjectId() id: string, @Body() body: SetMarketingPlanRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'SetMarketingPlan', body);
  }

  @Post(':id/stakeholders')
  @AllowedRoles(...WRITERS.pursuit)
  @ProjectWriteResponses(201)
  @ApiOperation({ summary: 'Add a stakeholder with its relationship owners' })
  stakeholder(@ProjectId() id: string, @Body() body: AddStakeholderRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'AddStakeholder', { stakeholderId: newResourceId(request, 'stakeholder'), ...body });
  }

  @Post(':id/competitors')
  @AllowedRoles(...WRITERS.pursuit)
  @ProjectWriteResponses(201)
  @ApiOperation({ summary: 'Add a competitor (the same name twice is a no-op)' })
  competitor(@ProjectId() id: string, @Body() body: AddCompetitorRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'AddCompetitor', body);
  }

  @Post(':id/stage-transitions')
  @HttpCode(200)
  @AllowedRoles(...WRITERS.stageTransition)
  @ProjectWriteResponses(200)
  @ApiOperation({ summary: 'Advance to the next stage, through its gate' })
  advance(@ProjectId() id: string, @Body() body: AdvanceStageRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'AdvanceStage', body);
  }

  @Post(':id/loss')
  @HttpCode(200)
  @AllowedRoles(...WRITERS.pursuit)
  @ProjectWriteResponses(200)
  @ApiOperation({ summary: 'Record the loss: reason, winner and winning amount (before a contract)' })
  loss(@ProjectId() id: string, @Body() body: RecordLossRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'RecordLoss', body);
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @AllowedRoles(...WRITERS.pursuit)
  @ProjectWriteResponses(200)
  @ApiOperation({ summary: 'Withdraw / no-bid (before a contract)' })
  withdraw(@ProjectId() id: string, @Body() body: ReasonRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'WithdrawProject', body);
  }

  @Post(':id/cancellation')
  @HttpCode(200)
  @AllowedRoles(...WRITERS.pursuit)
  @ProjectWriteResponses(200)
  @ApiOperation({ summary: 'Record cancellation by the owner (any time before closing)' })
  cancel(@ProjectId() id: string, @Body() body: ReasonRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'CancelProject', body);
  }
}
