import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowedRoles } from '../../auth/auth.decorators.js';
import { WRITERS } from '../../auth/roles.js';
import { ReasonRequestDto } from '../dto/common.request.dto.js';
import { EmptyBodyPipe } from '../../http/empty-body.pipe.js';
import {
  CreateQuotationRequestDto, DraftRevisionRequestDto, RecordBidOpeningRequestDto, RecordNegotiationRoundRequestDto,
} from '../dto/quotation.request.dto.js';
import { ProjectId, QuotationId, RevisionNumber } from './id-params.js';
import { newResourceId, ProjectCommandSender } from './project-command.sender.js';
import { ProjectWriteResponses } from './project-responses.js';

@ApiTags('quotations')
@ApiBearerAuth()
@Controller('v1/projects/:id')
export class QuotationsController {
  constructor(@Inject(ProjectCommandSender) private readonly sender: ProjectCommandSender) {}

  @Post('quotations')
  @AllowedRoles(...WRITERS.quotation)
  @ProjectWriteResponses(201)
  @ApiOperation({ summary: 'Open a quotation with its first draft revision (several quotations may live side by side)' })
  async create(@ProjectId() id: string, @Body() body: CreateQuotationRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const quotationId = newResourceId(request, 'quotation');
    const view = await this.sender.sendForView(request, response, id, 'CreateQuotation', { quotationId, ...body });
    response.setHeader('Location', `/v1/projects/${id}/quotations/${quotationId}/revisions/1`);
    return view;
  }

  @Post('quotations/:qid/revisions')
  @AllowedRoles(...WRITERS.quotation)
  @ProjectWriteResponses(201)
  @ApiOperation({ summary: 'Draft a new revision: a full set of priced lines and the reason for the change' })
  revise(
    @ProjectId() id: string, @QuotationId() quotationId: string, @Body() body: DraftRevisionRequestDto,
    @Req() request: Request, @Res({ passthrough: true }) response: Response,
  ) {
    return this.sender.sendForView(request, response, id, 'DraftQuotationRevision', { quotationId, ...body });
  }

  @Post('quotations/:qid/revisions/:n/submission')
  @HttpCode(200)
  @AllowedRoles(...WRITERS.quotation)
  @ProjectWriteResponses(200)
  @ApiOperation({ summary: 'Submit a draft revision as the bid; it is frozen from then on' })
  submit(
    @ProjectId() id: string, @QuotationId() quotationId: string, @RevisionNumber() revision: number, @Body(EmptyBodyPipe) _body: unknown,
    @Req() request: Request, @Res({ passthrough: true }) response: Response,
  ) {
    return this.sender.sendForView(request, response, id, 'SubmitQuotationRevision', { quotationId, revision });
  }

  @Post('quotations/:qid/withdrawal')
  @HttpCode(200)
  @AllowedRoles(...WRITERS.quotation)
  @ProjectWriteResponses(200)
  @ApiOperation({ summary: 'Withdraw a quotation (no further revisions)' })
  withdraw(
    @ProjectId() id: string, @QuotationId() quotationId: string, @Body() body: ReasonRequestDto,
    @Req() request: Request, @Res({ passthrough: true }) response: Response,
  ) {
    return this.sender.sendForView(request, response, id, 'WithdrawQuotation', { quotationId, ...body });
  }

  @Post('bid-opening')
  @HttpCode(200)
  @AllowedRoles(...WRITERS.quotation)
  @ProjectWriteResponses(200)
  @ApiOperation({ summary: 'Record the bid opening: our rank and the competitors\' amounts' })
  bidOpening(@ProjectId() id: string, @Body() body: RecordBidOpeningRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.sender.sendForView(request, response, id, 'RecordBidOpening', body);
  }

  @Post('negotiation-rounds')
  @AllowedRoles(...WRITERS.contract)
  @ProjectWriteResponses(201)
  @ApiOperation({ summary: 'Record a negotiation round' })
  negotiationRound(
    @ProjectId() id: string, @Body() body: RecordNegotiationRoundRequestDto, @Req() request: Request, @Res({ passthrough: true }) response: Response,
  ) {
    return this.sender.sendForView(request, response, id, 'RecordNegotiationRound', body);
  }
}
