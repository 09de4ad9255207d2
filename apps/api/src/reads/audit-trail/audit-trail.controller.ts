import { Readable } from 'node:stream';
import { Controller, Get, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ProblemException } from '#http-problems';
import { auditCsvHeader, auditCsvRow, type AuditFilter } from '#read-models';
import { ProjectId } from '../../projects/http/id-params.js';
import { ReadConsistencyService } from '../consistency/read-consistency.service.js';
import { READ_MODEL_HEADERS, ReadProblems } from '../consistency/read-model-headers.js';
import { ProjectStreamsService } from '../project-streams.service.js';
import { AuditTrailRequestDto } from './audit-trail.request.dto.js';
import { AuditTrailDto } from './audit-trail.response.dto.js';
import { GetAuditTrailQuery } from './get-audit-trail.query.js';

const CSV_PAGE = 1_000;
const CSV_EXAMPLE = '\uFEFFglobalPosition,version,recordedAt,actor,requestId,eventType,summary,changes\r\n' +
  '1042,7,2026-03-01T09:00:00.123Z,estimator-li,erp-trace-42,QuotationRevisionDrafted,"Revision 2 of quotation ""Main bid"" drafted (2 lines, total 1180000.00): steel price",quotations[…].lines[A].unitPrice: 250000.00 → 240000.00\r\n';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/projects/:id/audit-trail')
export class AuditTrailController {
  constructor(
    @Inject(QueryBus) private readonly queryBus: QueryBus,
    @Inject(ReadConsistencyService) private readonly reads: ReadConsistencyService,
    @Inject(ProjectStreamsService) private readonly projects: ProjectStreamsService,
  ) {}

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary: 'Who changed what, when, from which value to which (read model)',
    description: 'Per event: global position, version, recorded time, actor, request id, type, a readable summary and every changed field old → new (a quotation revision line by line against the previous revision). Filters combine. format=csv streams the whole filtered trail for spreadsheets (UTF-8 BOM, RFC 4180 quoting, cells that could run as formulas prefixed with a quote).',
  })
  @ApiOkResponse({ type: AuditTrailDto, headers: READ_MODEL_HEADERS, content: { 'text/csv': { example: CSV_EXAMPLE } } })
  @ReadProblems({ notFound: 'No such project' })
  async trail(@ProjectId() id: string, @Query() query: AuditTrailRequestDto, @Res({ passthrough: true }) response: Response) {
    const filter = toFilter(query);
    await this.projects.assertExists(id);
    if (query.format === 'csv') {
      const schema = await this.reads.run(query.minPosition, response, async (live) => live);
      return new StreamableFile(Readable.from(this.csv(schema, id, filter)), {
        type: 'text/csv; charset=utf-8',
        disposition: `attachment; filename="audit-trail-${id}.csv"`,
      });
    }
    const limit = query.limit ?? 500;
    const afterVersion = query.cursor ? Number(query.cursor) : 0;
    const entries = await this.reads.run(query.minPosition, response, (schema) =>
      this.queryBus.execute(new GetAuditTrailQuery(schema, id, filter, { afterVersion, limit: limit + 1 })),
    );
    const items = entries.slice(0, limit);
    return { projectId: id, items, nextCursor: entries.length > limit ? String(items.at(-1)!.version) : null };
  }

  private async *csv(schema: string, projectId: string, filter: AuditFilter): AsyncGenerator<string> {
    yield auditCsvHeader();
    for (let afterVersion = 0; ; ) {
      const entries = await this.queryBus.execute(new GetAuditTrailQuery(schema, projectId, filter, { afterVersion, limit: CSV_PAGE }));
      if (entries.length > 0) yield entries.map(auditCsvRow).join('');
      if (entries.length < CSV_PAGE) return;
      afterVersion = entries.at(-1)!.version;
    }
  }
}

function toFilter(query: AuditTrailRequestDto): AuditFilter {
  const from = query.from ? new Date(query.from) : undefined;
  const to = query.to ? new Date(query.to) : undefined;
  if (from && to && from > to) {
    throw new ProblemException(400, 'VALIDATION_FAILED', 'Request validation failed', 'from must not be after to', {
      errors: [{ field: 'from', message: 'from must not be after to' }],
    });
  }
  return {
    ...(query.actor ? { actor: query.actor } : {}),
    ...(query.type ? { types: query.type.split(',') } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}
