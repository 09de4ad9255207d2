import type { Money, ProjectEvent, ProjectState } from '#domain';

const money = (value: Money | null | undefined): string => (value ? `${value.amount} ${value.currency}` : 'unknown amount');

function quotationTitle(state: ProjectState, quotationId: string): string {
  const quotation = state.status === 'identified' ? state.quotations.find((each) => each.quotationId === quotationId) : undefined;
  return quotation ? `"${quotation.title}"` : quotationId;
}

// One readable sentence per event, for auditors who read the trail rather than the JSON.
export function auditSummary(event: ProjectEvent, before: ProjectState, after: ProjectState): string {
  switch (event.type) {
    case 'ProjectIdentified': {
      const { name, customer, segment, region, leadSource, estimatedValue } = event.data;
      return `Project "${name}" identified for ${customer.name} (${segment}, ${region}; lead source ${leadSource}; estimated ${money(estimatedValue)})`;
    }
    case 'ProjectScreened': {
      const d = event.data;
      return `Screened, decision ${d.decision} (customer value ${d.customerValue}, willingness ${d.willingness}, competitive position ${d.competitivePosition}, strategic importance ${d.strategicImportance}, capability fit ${d.capabilityFit})`;
    }
    case 'EntryModeSet':
      return `Entry mode set to ${event.data.mode}${event.data.partners.length ? ` with ${event.data.partners.map((p) => p.name).join(', ')}` : ''}`;
    case 'TeamSet':
      return `Team set: ${event.data.members.map((member) => `${member.name} (${member.role})`).join(', ')}`;
    case 'MarketingPlanSet':
      return `Marketing plan set (${event.data.coreServices.length} core, ${event.data.creativeServices.length} creative, ${event.data.personalisedServices.length} personalised services)`;
    case 'StakeholderAdded':
      return `Stakeholder ${event.data.name} added (${event.data.decisionRole}, influence ${event.data.influence})`;
    case 'CompetitorAdded':
      return `Competitor ${event.data.name} added`;
    case 'StageAdvanced':
      return `Stage advanced from ${event.data.from} to ${event.data.to}: ${event.data.reason}`;
    case 'QuotationCreated':
      return `Quotation "${event.data.title}" opened in ${event.data.currency}`;
    case 'QuotationRevisionDrafted':
      return `Revision ${event.data.revision} of quotation ${quotationTitle(after, event.data.quotationId)} drafted (${event.data.lines.length} lines, total ${event.data.totals.total}): ${event.data.reason}`;
    case 'QuotationRevisionSubmitted':
      return `Revision ${event.data.revision} of quotation ${quotationTitle(after, event.data.quotationId)} submitted at ${money(event.data.total)}`;
    case 'QuotationWithdrawn':
      return `Quotation ${quotationTitle(after, event.data.quotationId)} withdrawn: ${event.data.reason}`;
    case 'BidOpeningRecorded':
      return `Bid opening recorded: our rank ${event.data.ourRank}, ${event.data.bids.length} competing bid(s)`;
    case 'NegotiationRoundRecorded':
      return `Negotiation round ${event.data.round} recorded${event.data.topics.length ? ` (${event.data.topics.join(', ')})` : ''}`;
    case 'ContractSigned':
      return `Contract signed at ${money(event.data.value)} on revision ${event.data.revision} of quotation ${quotationTitle(before, event.data.quotationId)}`;
    case 'ContractAmended': {
      const d = event.data;
      return `Contract ${d.kind} no. ${d.number}: value ${money(d.previousValue)} → ${money(d.newValue)}${d.newEndDate ? `, end date ${d.previousEndDate ?? '?'} → ${d.newEndDate}` : ''}: ${d.reason}`;
    }
    case 'MilestoneRecorded':
      return `Milestone "${event.data.name}" recorded at ${event.data.progressPercent}%`;
    case 'AcceptanceRecorded':
      return `Completion acceptance recorded`;
    case 'HandoverRecorded':
      return `Handover recorded`;
    case 'ProjectSettled':
      return `Settled at ${money(event.data.amount)}${event.data.retentionReleased ? ', retention released' : ''}; project closed`;
    case 'ProjectLost':
      return `Lost (${event.data.reason})${event.data.winner ? ` to ${event.data.winner}` : ''}${event.data.winningAmount ? ` at ${money(event.data.winningAmount)}` : ''}`;
    case 'ProjectWithdrawn':
      return `Withdrawn (no-bid): ${event.data.reason}`;
    case 'ProjectCancelled':
      return `Cancelled by the owner: ${event.data.reason}`;
    default:
      return `Event ${(event as { type: string }).type}`;
  }
}
