import { Param, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';

export const ProjectId = () => Param('id', new ParseUUIDPipe());
export const QuotationId = () => Param('qid', new ParseUUIDPipe());
export const RevisionNumber = () => Param('n', new ParseIntPipe());
