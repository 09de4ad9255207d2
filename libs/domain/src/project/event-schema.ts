import type { EventOfType, ProjectEvent, ProjectEventType } from './project.events.js';

export const EVENT_SCHEMA_VERSIONS: Record<ProjectEventType, number> = {
  ProjectIdentified: 1,
  ProjectScreened: 1,
  EntryModeSet: 1,
  TeamSet: 1,
  MarketingPlanSet: 1,
  StakeholderAdded: 1,
  CompetitorAdded: 1,
  StageAdvanced: 1,
  QuotationCreated: 1,
  QuotationRevisionDrafted: 1,
  QuotationRevisionSubmitted: 1,
  QuotationWithdrawn: 1,
  BidOpeningRecorded: 1,
  NegotiationRoundRecorded: 1,
  ContractSigned: 1,
  ContractAmended: 1,
  MilestoneRecorded: 1,
  AcceptanceRecorded: 1,
  HandoverRecorded: 1,
  ProjectSettled: 1,
  ProjectLost: 1,
  ProjectWithdrawn: 1,
  ProjectCancelled: 1,
};

export const PROJECT_EVENT_TYPES = Object.keys(EVENT_SCHEMA_VERSIONS) as ProjectEventType[];

export function isProjectEventType(type: string): type is ProjectEventType {
  return Object.hasOwn(EVENT_SCHEMA_VERSIONS, type);
}

export function projectEvent<T extends ProjectEventType>(type: T, data: EventOfType<T>['data']): EventOfType<T> {
  return { type, schemaVersion: EVENT_SCHEMA_VERSIONS[type], data } as EventOfType<T>;
}

// When the event was recorded (command time), used for updatedAt and stage history.
export function eventRecordedAt(event: ProjectEvent): string {
  switch (event.type) {
    case 'ProjectIdentified':
      return event.data.identifiedAt;
    case 'ProjectScreened':
      return event.data.screenedAt;
    case 'EntryModeSet':
    case 'TeamSet':
    case 'MarketingPlanSet':
      return event.data.setAt;
    case 'StakeholderAdded':
    case 'CompetitorAdded':
      return event.data.addedAt;
    case 'StageAdvanced':
      return event.data.advancedAt;
    case 'QuotationCreated':
      return event.data.createdAt;
    case 'QuotationRevisionDrafted':
      return event.data.draftedAt;
    case 'QuotationRevisionSubmitted':
      return event.data.submittedAt;
    case 'QuotationWithdrawn':
    case 'ProjectWithdrawn':
      return event.data.withdrawnAt;
    case 'ContractAmended':
      return event.data.amendedAt;
    case 'ProjectLost':
      return event.data.lostAt;
    case 'ProjectCancelled':
      return event.data.cancelledAt;
    case 'BidOpeningRecorded':
    case 'NegotiationRoundRecorded':
    case 'ContractSigned':
    case 'MilestoneRecorded':
    case 'AcceptanceRecorded':
    case 'HandoverRecorded':
    case 'ProjectSettled':
      return event.data.recordedAt;
  }
}
