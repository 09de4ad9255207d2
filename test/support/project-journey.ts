import type { TestApp } from './test-app.js';

export const LINES_R1 = [
  { code: 'A', description: 'Crane PLC retrofit', quantity: '2', unit: 'set', unitPrice: '250000', unitCost: '180000' },
  { code: 'B', description: 'Installation', quantity: '1', unit: 'lot', unitPrice: '700000', unitCost: '560000' },
];
export const LINES_R2 = [
  { code: 'A', description: 'Crane PLC retrofit', quantity: '2', unit: 'set', unitPrice: '240000', unitCost: '180000' },
  { code: 'C', description: 'Operator training', quantity: '3', unit: 'day', unitPrice: '5000' },
];

export type Journey = { id: string; quotationId: string; lastPosition: number };

// One pursuit over HTTP, as the roles would write it: identified → … → implementation, with a
// second revision and a contract amendment.
export async function walkProjectToAmendment(t: TestApp, name: string, requestId = 'journey'): Promise<Journey> {
  let lastPosition = 0;
  const send = async (method: 'post' | 'put', path: string, role: keyof TestApp['keys'], body: object, status = [200, 201]) => {
    const response = await t.http()[method](path).set('Authorization', `Bearer ${t.keys[role]}`).set('X-Request-Id', requestId).send(body);
    if (!status.includes(response.status)) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    lastPosition = Number(response.headers['x-event-position'] ?? lastPosition);
    return response;
  };
  const created = await send('post', '/v1/projects', 'sales', {
    name, customer: { name: 'Ningbo Port Group', externalId: 'SAP-9' }, segment: 'ports', region: 'east-china',
    leadSource: 'media_tender_notice', estimatedValue: { amount: '1250000.00', currency: 'CNY' },
  });
  const id: string = created.body.id;
  const p = `/v1/projects/${id}`;
  await send('post', `${p}/screening`, 'sales', { customerValue: 4, willingness: 4, competitivePosition: 3, strategicImportance: 5, capabilityFit: 4, decision: 'pursue', notes: 'fits' });
  await send('post', `${p}/stage-transitions`, 'sales', { to: 'preparation', reason: 'go' });
  await send('put', `${p}/entry-mode`, 'sales', { mode: 'prime_contractor', partners: [] });
  await send('put', `${p}/team`, 'sales', { members: [{ name: 'Li Wei', role: 'bid manager' }] });
  await send('put', `${p}/plan`, 'sales', { coreServices: ['retrofit'], creativeServices: [], personalisedServices: [], funding: 'own funds' });
  const quotation = await send('post', `${p}/quotations`, 'estimator', { title: 'Main bid', currency: 'CNY', technicalApproach: 'retrofit', lines: LINES_R1, reason: 'first estimate' });
  const quotationId: string = quotation.body.quotations[0].quotationId;
  await send('post', `${p}/stage-transitions`, 'sales', { to: 'quotation', reason: 'ready to price' });
  await send('post', `${p}/quotations/${quotationId}/revisions`, 'estimator', { lines: LINES_R2, reason: 'steel price update' });
  await send('post', `${p}/quotations/${quotationId}/revisions/2/submission`, 'estimator', {});
  await send('post', `${p}/stage-transitions`, 'sales', { to: 'negotiation', reason: 'bid submitted' });
  await send('post', `${p}/contract`, 'contract_manager', {
    quotationId, revision: 2, value: { amount: '495000.00', currency: 'CNY' }, signedAt: '2026-03-10T00:00:00Z',
    startDate: '2026-04-01', endDate: '2026-12-31', retentionPercent: '5', paymentTerms: '30/60/10',
  });
  await send('post', `${p}/stage-transitions`, 'contract_manager', { to: 'implementation', reason: 'signed' });
  await send('post', `${p}/contract/amendments`, 'contract_manager', {
    kind: 'amendment', valueDelta: { amount: '50000.00', currency: 'CNY' }, scope: 'one more crane', reason: 'owner change order',
  });
  return { id, quotationId, lastPosition };
}
