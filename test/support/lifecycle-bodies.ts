// Valid request bodies for every lifecycle write, shared by the end-to-end tests.
export const money = (amount: string, currency = 'CNY') => ({ amount, currency });

export const bodies = {
  identify: {
    name: 'Container terminal crane retrofit',
    customer: { name: 'Ningbo Port Authority', externalId: 'SAP-100234' },
    segment: 'port-cranes',
    region: 'east-china',
    leadSource: 'media_tender_notice',
    estimatedValue: money('1250000.00'),
  },
  screenPursue: { customerValue: 4, willingness: 3, competitivePosition: 4, strategicImportance: 5, capabilityFit: 4, decision: 'pursue', notes: 'Strong reference' },
  screenDrop: { customerValue: 2, willingness: 1, competitivePosition: 2, strategicImportance: 1, capabilityFit: 2, decision: 'drop', notes: 'Outside our strategy' },
  entryMode: { mode: 'consortium_partner', partners: [{ name: 'Shanghai Electric Drives', role: 'drives' }] },
  team: { members: [{ name: 'Li Wei', role: 'bid manager' }, { name: 'Chen Jie', role: 'estimator' }] },
  plan: { coreServices: ['crane retrofit'], creativeServices: ['remote diagnostics'], personalisedServices: ['spare parts store'], funding: 'own funds' },
  stakeholder: { name: 'Zhang Min', kind: 'person', organisation: 'Port Authority', decisionRole: 'decision maker', influence: 'high', relationshipOwners: ['Li Wei'] },
  competitor: { name: 'ZPMC', notes: 'Incumbent' },
  advance: (to: string) => ({ to, reason: `gate met for ${to}` }),
  quotation: {
    title: 'Main bid',
    currency: 'CNY',
    technicalApproach: 'AC drives, crane-by-crane cutover',
    lines: [
      { code: 'C-1', description: 'Hoist drive', quantity: '3', unit: 'set', unitPrice: '420000.00', unitCost: '350000.00' },
      { code: 'C-2', description: 'Commissioning', quantity: '1', unit: 'lot', unitPrice: '60000.00', unitCost: '40000.00' },
    ],
    reason: 'First estimate',
  },
  revision: (unitPrice: string, reason: string) => ({
    lines: [
      { code: 'C-1', description: 'Hoist drive', quantity: '3', unit: 'set', unitPrice, unitCost: '350000.00' },
      { code: 'C-3', description: 'Training', quantity: '2', unit: 'day', unitPrice: '5000.00', unitCost: '2000.00' },
    ],
    reason,
  }),
  bidOpening: { ourRank: 1, bids: [{ competitor: 'ZPMC', amount: money('1300000.00') }] },
  negotiationRound: { date: '2026-03-02', topics: ['price'], concessions: ['24-month warranty'], notes: 'Owner asks for 2% off' },
  contract: (quotationId: string, revision: number) => ({
    quotationId,
    revision,
    value: money('1250000.00'),
    signedAt: '2026-04-01T08:00:00Z',
    startDate: '2026-05-01',
    endDate: '2027-04-30',
    retentionPercent: '5',
    paymentTerms: '30/60/10',
  }),
  amendment: { kind: 'amendment', valueDelta: money('80000.00'), newEndDate: '2027-06-30', scope: 'Add berth 6', reason: 'Change order CO-2' },
  correction: { kind: 'correction', valueDelta: money('-5000.50'), scope: 'none', reason: 'Value was keyed wrong in amendment 1' },
  milestone: { name: 'All cranes recommissioned', plannedDate: '2026-09-30', achievedDate: '2026-09-28', progressPercent: 100 },
  acceptance: { acceptedAt: '2026-10-15T00:00:00Z', notes: 'Certificate AC-77' },
  handover: { handedOverAt: '2026-10-20T00:00:00Z', notes: 'Handed over' },
  settlement: { amount: money('1324999.50'), retentionReleased: true, settledAt: '2027-01-10T00:00:00Z', notes: 'Final account' },
  loss: { reason: 'price', winner: 'ZPMC', winningAmount: money('1190000.00'), notes: 'Lost by 4% on price' },
  reason: { reason: 'Owner postponed the tender' },
};
