import { DomainError } from '../errors/domain-error.js';
import { contractHandlers } from './decide/contract.decide.js';
import { deliveryHandlers } from './decide/delivery.decide.js';
import { endingHandlers } from './decide/ending.decide.js';
import type { Handler, HandlerMap } from './decide/handler.js';
import { identificationHandlers, identifyProject } from './decide/identification.decide.js';
import { preparationHandlers } from './decide/preparation.decide.js';
import { quotationHandlers } from './decide/quotation.decide.js';
import { stageTransitionHandlers } from './decide/stage-transition.decide.js';
import { tenderHandlers } from './decide/tender.decide.js';
import type { ProjectCommand, ProjectCommandType } from './project.commands.js';
import type { ProjectEvent } from './project.events.js';
import type { ProjectState } from './project.state.js';
import { COMMAND_STAGES } from './stage-rules.js';

const HANDLERS: HandlerMap<Exclude<ProjectCommandType, 'IdentifyProject'>> = {
  ...identificationHandlers,
  ...preparationHandlers,
  ...stageTransitionHandlers,
  ...quotationHandlers,
  ...tenderHandlers,
  ...contractHandlers,
  ...deliveryHandlers,
  ...endingHandlers,
};

// Pure: everything it needs (ids, time, actor) is in the command. [] means the command changes nothing.
export function decide(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  if (!Object.hasOwn(COMMAND_STAGES, command.type)) {
    throw new DomainError('INVALID_FIELD', `unknown command type ${String(command.type)}`, { field: 'type' });
  }
  if (command.type === 'IdentifyProject') {
    if (state.status !== 'none') {
      throw new DomainError('PROJECT_ALREADY_EXISTS', `project ${state.id} already exists`, { projectId: state.id });
    }
    return identifyProject(command);
  }
  if (state.status === 'none') throw new DomainError('PROJECT_NOT_FOUND', 'project not found');
  if (state.stage === 'closed') {
    throw new DomainError('PROJECT_CLOSED', `project ${state.id} is closed (${state.outcome})`, {
      projectId: state.id,
      outcome: state.outcome,
    });
  }
  const allowed = COMMAND_STAGES[command.type];
  if (!allowed.includes(state.stage)) {
    throw new DomainError('COMMAND_NOT_ALLOWED_IN_STAGE', `${command.type} is not allowed in stage ${state.stage}`, {
      command: command.type,
      stage: state.stage,
      allowed,
    });
  }
  const handle = HANDLERS[command.type] as Handler<typeof command.type>;
  return handle(command, state);
}
