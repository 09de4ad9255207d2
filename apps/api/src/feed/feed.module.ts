import { Module } from '@nestjs/common';
import { EventFeedController } from './event-feed.controller.js';
import { EventFeedService } from './event-feed.service.js';

@Module({ controllers: [EventFeedController], providers: [EventFeedService], exports: [EventFeedService] })
export class FeedModule {}
