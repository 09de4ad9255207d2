import { Module } from '@nestjs/common';
import { RunProjectCommandHandler } from './commands/run-project-command.handler.js';
import { ContractController } from './http/contract.controller.js';
import { DeliveryController } from './http/delivery.controller.js';
import { ProjectCommandSender } from './http/project-command.sender.js';
import { ProjectsController } from './http/projects.controller.js';
import { QuotationsController } from './http/quotations.controller.js';
import { GetProjectHandler } from './queries/get-project.handler.js';

@Module({
  controllers: [ProjectsController, QuotationsController, ContractController, DeliveryController],
  providers: [RunProjectCommandHandler, GetProjectHandler, ProjectCommandSender],
})
export class ProjectsModule {}
