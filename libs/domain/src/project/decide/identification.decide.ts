import { parseMoney } from '../../money/money.js';
import { deepEqual } from '../../shared/deep-equal.js';
import { freeText, optionalText, requireInteger, requireObject, requireOneOf, requireText } from '../../shared/validation.js';
import { projectEvent } from '../event-schema.js';
import type { IdentifyProject } from '../project.commands.js';
import type { ProjectEvent } from '../project.events.js';
import { LEAD_SOURCES, SCREENING_DECISIONS } from '../project.vocabulary.js';
import type { HandlerMap } from './handler.js';

const SCORE_FIELDS = ['customerValue', 'willingness', 'competitivePosition', 'strategicImportance', 'capabilityFit'] as const;

export function identifyProject({ data, metadata }: IdentifyProject): ProjectEvent[] {
  const customer = requireObject(data.customer, 'customer');
  const externalId = optionalText(customer.externalId, 'customer.externalId');
  return [
    projectEvent('ProjectIdentified', {
      projectId: requireText(data.projectId, 'projectId'),
      name: requireText(data.name, 'name'),
      customer: { name: requireText(customer.name, 'customer.name'), ...(externalId ? { externalId } : {}) },
      segment: requireText(data.segment, 'segment'),
      region: requireText(data.region, 'region'),
      leadSource: requireOneOf(data.leadSource, 'leadSource', LEAD_SOURCES),
      estimatedValue: parseMoney(data.estimatedValue, 'estimatedValue'),
      identifiedAt: metadata.now,
    }),
  ];
}

export const identificationHandlers: HandlerMap<'ScreenProject'> = {
  // Re-screening is allowed while still in search; a `drop` ends the pursuit at once.
  ScreenProject: ({ data, metadata }, project) => {
    const [customerValue, willingness, competitivePosition, strategicImportance, capabilityFit] = SCORE_FIELDS.map(
      (field) => requireInteger(data[field], field, 1, 5),
    );
    const screening = {
      customerValue,
      willingness,
      competitivePosition,
      strategicImportance,
      capabilityFit,
      decision: requireOneOf(data.decision, 'decision', SCREENING_DECISIONS),
      notes: freeText(data.notes, 'notes'),
    };
    if (project.screening && deepEqual({ ...project.screening, screenedAt: undefined }, screening)) return [];

    const screened = projectEvent('ProjectScreened', { ...screening, screenedAt: metadata.now });
    if (screening.decision === 'pursue') return [screened];
    return [screened, projectEvent('ProjectWithdrawn', { reason: 'screened_out', withdrawnAt: metadata.now })];
  },
};
