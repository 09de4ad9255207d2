import { deepEqual } from '../../shared/deep-equal.js';
import {
  optionalText,
  requireArray,
  requireObject,
  requireOneOf,
  requireText,
  requireTextList,
} from '../../shared/validation.js';
import { DomainError } from '../../errors/domain-error.js';
import { projectEvent } from '../event-schema.js';
import type { Partner, TeamMember } from '../project.commands.js';
import { ENTRY_MODES, INFLUENCE_LEVELS, STAKEHOLDER_KINDS } from '../project.vocabulary.js';
import type { HandlerMap } from './handler.js';

function parsePartner(input: unknown, field: string): Partner {
  const raw = requireObject(input, field);
  const role = optionalText(raw.role, `${field}.role`);
  return { name: requireText(raw.name, `${field}.name`), ...(role ? { role } : {}) };
}

function parseMember(input: unknown, field: string): TeamMember {
  const raw = requireObject(input, field);
  return { name: requireText(raw.name, `${field}.name`), role: requireText(raw.role, `${field}.role`) };
}

// Competitors are matched by name, ignoring case and surrounding space.
function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export const preparationHandlers: HandlerMap<
  'SetEntryMode' | 'SetTeam' | 'SetMarketingPlan' | 'AddStakeholder' | 'AddCompetitor'
> = {
  SetEntryMode: ({ data, metadata }, project) => {
    const choice = {
      mode: requireOneOf(data.mode, 'mode', ENTRY_MODES),
      partners: requireArray(data.partners ?? [], 'partners').map((partner, i) => parsePartner(partner, `partners[${i}]`)),
    };
    if (project.entryMode && deepEqual({ ...project.entryMode, setAt: undefined }, choice)) return [];
    return [projectEvent('EntryModeSet', { ...choice, setAt: metadata.now })];
  },

  SetTeam: ({ data, metadata }, project) => {
    const members = requireArray(data.members, 'members', 1).map((member, i) => parseMember(member, `members[${i}]`));
    if (project.team && deepEqual(project.team.members, members)) return [];
    return [projectEvent('TeamSet', { members, setAt: metadata.now })];
  },

  SetMarketingPlan: ({ data, metadata }, project) => {
    const plan = {
      coreServices: requireTextList(data.coreServices, 'coreServices', 1),
      creativeServices: requireTextList(data.creativeServices ?? [], 'creativeServices'),
      personalisedServices: requireTextList(data.personalisedServices ?? [], 'personalisedServices'),
      funding: requireText(data.funding, 'funding'),
    };
    if (project.plan && deepEqual({ ...project.plan, setAt: undefined }, plan)) return [];
    return [projectEvent('MarketingPlanSet', { ...plan, setAt: metadata.now })];
  },

  // Same id with the same content is a retry (no-op); same id with other content is a conflict.
  AddStakeholder: ({ data, metadata }, project) => {
    const organisation = optionalText(data.organisation, 'organisation');
    const stakeholder = {
      stakeholderId: requireText(data.stakeholderId, 'stakeholderId'),
      name: requireText(data.name, 'name'),
      kind: requireOneOf(data.kind, 'kind', STAKEHOLDER_KINDS),
      ...(organisation ? { organisation } : {}),
      decisionRole: requireText(data.decisionRole, 'decisionRole'),
      influence: requireOneOf(data.influence, 'influence', INFLUENCE_LEVELS),
      relationshipOwners: requireTextList(data.relationshipOwners, 'relationshipOwners', 1),
    };
    const existing = project.stakeholders.find((known) => known.stakeholderId === stakeholder.stakeholderId);
    if (existing) {
      const same = deepEqual(
        { ...existing, addedAt: undefined },
        { ...stakeholder, organisation: stakeholder.organisation ?? null },
      );
      if (same) return [];
      throw new DomainError('STAKEHOLDER_ALREADY_EXISTS', `stakeholder ${stakeholder.stakeholderId} already exists`, {
        stakeholderId: stakeholder.stakeholderId,
      });
    }
    return [projectEvent('StakeholderAdded', { ...stakeholder, addedAt: metadata.now })];
  },

  AddCompetitor: ({ data, metadata }, project) => {
    const name = requireText(data.name, 'name');
    const notes = optionalText(data.notes, 'notes');
    if (project.competitors.some((competitor) => sameName(competitor.name, name))) return [];
    return [projectEvent('CompetitorAdded', { name, ...(notes ? { notes } : {}), addedAt: metadata.now })];
  },
};
