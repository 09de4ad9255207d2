import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { diffRevisions, findQuotation, isIdentified, type Quotation, type QuotationRevision } from '#domain';
import { ProblemException } from '#http-problems';
import { ProjectId, QuotationId, RevisionNumber } from '../../projects/http/id-params.js';
import { GetProjectQuery } from '../../projects/queries/get-project.query.js';
import { ReadProblems } from '../consistency/read-model-headers.js';
import { projectNotFound } from '../project-streams.service.js';
import { ReplayReadRequestDto, RevisionDiffRequestDto } from './replay.request.dto.js';
import { RevisionDiffDto, RevisionDto, RevisionsDto } from './replay.response.dto.js';

const NOT_FOUND = 'No such project, quotation or revision';

// Quotation revision history, folded from the stream (revisions are never edited in place).
@ApiTags('quotations')
@ApiBearerAuth()
@Controller('v1/projects/:id/quotations/:qid/revisions')
export class RevisionsController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Every revision of a quotation with its lines and computed totals' })
  @ApiOkResponse({ type: RevisionsDto })
  @ReadProblems({ notFound: NOT_FOUND })
  async list(@ProjectId() id: string, @QuotationId() qid: string, @Query() _query: ReplayReadRequestDto): Promise<RevisionsDto> {
    const quotation = await this.quotation(id, qid);
    return { quotationId: qid, title: quotation.title, currency: quotation.currency, items: quotation.revisions.map(toRevision) };
  }

  @Get(':n')
  @ApiOperation({ summary: 'One revision with its lines and computed totals' })
  @ApiOkResponse({ type: RevisionDto })
  @ReadProblems({ notFound: NOT_FOUND })
  async one(@ProjectId() id: string, @QuotationId() qid: string, @RevisionNumber() n: number, @Query() _query: ReplayReadRequestDto): Promise<RevisionDto> {
    return toRevision(revisionOf(await this.quotation(id, qid), n));
  }

  @Get(':n/diff')
  @ApiOperation({ summary: 'What changed from revision ?against to revision n: lines added, removed, changed field by field, totals delta' })
  @ApiOkResponse({ type: RevisionDiffDto })
  @ReadProblems({ notFound: NOT_FOUND })
  async diff(@ProjectId() id: string, @QuotationId() qid: string, @RevisionNumber() n: number, @Query() query: RevisionDiffRequestDto): Promise<RevisionDiffDto> {
    const quotation = await this.quotation(id, qid);
    const diff = diffRevisions(revisionOf(quotation, query.against), revisionOf(quotation, n));
    return { quotationId: qid, from: query.against, to: n, ...diff };
  }

  private async quotation(projectId: string, quotationId: string): Promise<Quotation> {
    const { state } = await this.queryBus.execute(new GetProjectQuery(projectId));
    if (!isIdentified(state)) throw projectNotFound(projectId);
    const quotation = findQuotation(state, quotationId);
    if (!quotation) throw new ProblemException(404, 'QUOTATION_NOT_FOUND', 'Not found', `Project ${projectId} has no quotation ${quotationId}`);
    return quotation;
  }
}

function revisionOf(quotation: Quotation, number: number): QuotationRevision {
  const revision = quotation.revisions.find((each) => each.number === number);
  if (!revision) throw new ProblemException(404, 'REVISION_NOT_FOUND', 'Not found', `Quotation ${quotation.quotationId} has no revision ${number}`);
  return revision;
}

function toRevision(revision: QuotationRevision): RevisionDto {
  const { number, status, reason, lines, totals, draftedAt, submittedAt } = revision;
  return { number, status, reason, lines, totals, draftedAt, submittedAt };
}
