import { DomainError } from '../../errors/domain-error.js';
import type { DomainErrorCode } from '../../errors/error-codes.js';
import { freeText, requireOneOf } from '../../shared/validation.js';
import { projectEvent } from '../event-schema.js';
import { hasSubmission } from '../project.state.js';
import type { Project } from '../project.state.js';
import { nextStage, STAGES } from '../project.vocabulary.js';
import type { WorkingStage } from '../project.vocabulary.js';
import type { HandlerMap } from './handler.js';

type GateCheck = { code: DomainErrorCode; message: string; passes: (project: Project) => boolean };

// What must be true before entering each stage; checked in order, the first failure is reported.
export const STAGE_GATES: Partial<Record<WorkingStage, readonly GateCheck[]>> = {
  preparation: [
    {
      code: 'STAGE_GATE_SCREENING_MISSING',
      message: 'the project must be screened with a pursue decision',
      passes: (project) => project.screening?.decision === 'pursue',
    },
  ],
  quotation: [
    { code: 'STAGE_GATE_ENTRY_MODE_MISSING', message: 'the entry mode must be set', passes: (project) => project.entryMode !== null },
    { code: 'STAGE_GATE_TEAM_MISSING', message: 'the team must be set', passes: (project) => project.team !== null },
    { code: 'STAGE_GATE_PLAN_MISSING', message: 'the marketing plan must be set', passes: (project) => project.plan !== null },
  ],
  negotiation: [
    { code: 'STAGE_GATE_SUBMISSION_MISSING', message: 'a quotation revision must be submitted', passes: hasSubmission },
  ],
  implementation: [
    { code: 'STAGE_GATE_CONTRACT_MISSING', message: 'the contract must be signed', passes: (project) => project.contract !== null },
  ],
  transition: [
    {
      code: 'STAGE_GATE_DELIVERY_INCOMPLETE',
      message: 'delivery must be complete (a milestone at 100%)',
      passes: (project) => project.deliveryComplete,
    },
  ],
};

function assertGates(project: Project, to: WorkingStage): void {
  const failed = (STAGE_GATES[to] ?? []).filter((gate) => !gate.passes(project));
  if (failed.length === 0) return;
  throw new DomainError(failed[0].code, `cannot enter ${to}: ${failed[0].message}`, {
    to,
    missing: failed.map((gate) => gate.code),
  });
}

export const stageTransitionHandlers: HandlerMap<'AdvanceStage'> = {
  AdvanceStage: ({ data, metadata }, project) => {
    const to = requireOneOf(data.to, 'to', STAGES);
    const reason = freeText(data.reason, 'reason');
    const from = project.stage as WorkingStage;
    const expected = nextStage(from);
    if (to === 'closed' || to !== expected) {
      throw new DomainError('STAGE_TRANSITION_NOT_NEXT', `from ${from} the project can only advance to ${expected}`, {
        from,
        to,
        expected,
      });
    }
    assertGates(project, to);
    return [projectEvent('StageAdvanced', { from, to, reason, advancedAt: metadata.now })];
  },
};
