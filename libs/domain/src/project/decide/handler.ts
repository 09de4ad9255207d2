import type { CommandOfType, ProjectCommandType } from '../project.commands.js';
import type { ProjectEvent } from '../project.events.js';
import type { Project } from '../project.state.js';

// A command handler for an identified, open project whose stage the rule table already allowed.
export type Handler<T extends ProjectCommandType> = (command: CommandOfType<T>, project: Project) => ProjectEvent[];
export type HandlerMap<T extends ProjectCommandType> = { [K in T]: Handler<K> };
