import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { Request, Response } from 'express';
import { EventFeedService } from './event-feed.service.js';

export class EventFeedQueryDto {
  @IsOptional() @IsString() @MaxLength(64) @Matches(/^[0-9:]*$/, { message: 'after must be a global position or a cursor from nextAfter' })
  after?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @IsOptional() @IsString() @MaxLength(2000) @Matches(/^[A-Za-z]+(,[A-Za-z]+)*$/, { message: 'types is a comma-separated list of event types' })
  types?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(30) waitSeconds?: number;
}

export class EventStreamQueryDto {
  @IsOptional() @IsString() @MaxLength(64) @Matches(/^[0-9:]+$/, { message: 'after must be a global position or a cursor' })
  after?: string;
}

const KEEP_ALIVE_MS = 15_000;

@ApiTags('events')
@ApiBearerAuth()
@Controller('v1/events')
export class EventFeedController {
  constructor(@Inject(EventFeedService) private readonly feed: EventFeedService) {}

  @Get()
  @ApiOperation({
    summary: 'The global event feed, in commit-safe order; long-polls when caught up',
    description:
      'Pass `after` = the `nextAfter` of the previous page, or the `globalPosition` of the last feed item you processed. ' +
      'No event is ever skipped: an event appears only once every event before it in log order has committed. ' +
      'Log order is commit-safe order, not position order, so do not pass a write\'s X-Event-Position here (use it with ?minPosition= on reads).',
  })
  async list(@Query() query: EventFeedQueryDto) {
    const after = await this.feed.resolveAfter(query.after);
    const types = query.types ? new Set(query.types.split(',')) : null;
    return this.feed.page(after, query.limit ?? 100, types, (query.waitSeconds ?? 0) * 1000);
  }

  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'The same feed as server-sent events (id = cursor; resumes from Last-Event-ID)' })
  async stream(@Query() query: EventStreamQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    let cursor = await this.feed.resolveAfter(request.header('last-event-id') ?? query.after);
    response.status(200).set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.flushHeaders();
    let open = true;
    request.on('close', () => (open = false));
    let lastWrite = Date.now();
    try {
      while (open) {
        const page = await this.feed.page(cursor, 100, null, 0);
        for (const event of page.items) {
          response.write(`id: ${event.cursor}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
          lastWrite = Date.now();
        }
        cursor = page.nextAfter;
        if (page.items.length > 0) continue;
        if (Date.now() - lastWrite > KEEP_ALIVE_MS) {
          response.write(': keep-alive\n\n');
          lastWrite = Date.now();
        }
        await this.feed.waitForAppend(1000);
      }
    } catch {
      // Headers are gone already: all we can do is end the stream; the client resumes from Last-Event-ID.
    }
    response.end();
  }
}
