// The closed vocabularies of the pursuit (domain.md "Words to use in code").

export const WORKING_STAGES = ['search', 'preparation', 'quotation', 'negotiation', 'implementation', 'transition'] as const;
export type WorkingStage = (typeof WORKING_STAGES)[number];
export const STAGES = [...WORKING_STAGES, 'closed'] as const;
export type Stage = (typeof STAGES)[number];

export const OUTCOMES = ['open', 'won', 'lost', 'withdrawn', 'cancelled'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const LEAD_SOURCES = [
  'field_sighting',
  'media_tender_notice',
  'inbound',
  'informal_channel',
  'partner_referral',
  'other',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const SCREENING_DECISIONS = ['pursue', 'drop'] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];

export const ENTRY_MODES = [
  'prime_contractor',
  'consortium_partner',
  'sub_project_contractor',
  'subcontractor',
  'partial_supplier',
] as const;
export type EntryMode = (typeof ENTRY_MODES)[number];

export const STAKEHOLDER_KINDS = ['person', 'organisation'] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

export const INFLUENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type Influence = (typeof INFLUENCE_LEVELS)[number];

export const AMENDMENT_KINDS = ['amendment', 'correction'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

export const LOSS_REASONS = ['price', 'technical', 'relationship', 'qualification', 'timing', 'scope', 'other'] as const;
export type LossReason = (typeof LOSS_REASONS)[number];

export const CUSTOMER_TIERS = ['A', 'B', 'C'] as const;
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];

export function nextStage(stage: Stage): Stage | undefined {
  const index = WORKING_STAGES.indexOf(stage as WorkingStage);
  return index >= 0 && index < WORKING_STAGES.length - 1 ? WORKING_STAGES[index + 1] : undefined;
}

export function customerTier(strategicImportance: number): CustomerTier {
  return strategicImportance >= 4 ? 'A' : strategicImportance === 3 ? 'B' : 'C';
}
