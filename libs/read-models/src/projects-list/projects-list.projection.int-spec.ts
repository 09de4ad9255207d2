import { PostgresEventStore } from '#event-store';
import { createTestDatabase, type TestDatabase } from '#testing';
import { ProjectFolds } from '../folding/project-folds.js';
import { applyAll } from '../testing/apply-all.js';
import { appendHistory, command, historyFor, runCommand, storedEventCount } from '../testing/read-model-fixtures.js';
import { readPipeline } from './pipeline.queries.js';
import { projectsListProjection } from './projects-list.projection.js';
import { listProjects } from './projects-list.queries.js';

const SCHEMA = 'rm_test';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('projects list and pipeline (read model)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    await appendHistory(store, id(1), historyFor(id(1), 'search', { name: 'Harbour crane automation', customer: { name: 'Ningbo Port Group', externalId: 'SAP-77' } }));
    await appendHistory(store, id(2), historyFor(id(2), 'quotation', { name: 'Metro HVAC', customer: { name: 'Shenzhen Metro' }, segment: 'hvac', estimatedValue: { amount: '1000000.10', currency: 'CNY' } }));
    await appendHistory(store, id(3), historyFor(id(3), 'negotiation', { name: 'Toll ITS 100%_off', customer: { name: 'Guangdong Highways' }, region: 'south-china', estimatedValue: { amount: '0.20', currency: 'CNY' } }));
    await appendHistory(store, id(4), historyFor(id(4), 'negotiation', { name: 'Quay crane', estimatedValue: { amount: '500.00', currency: 'EUR' } }));
    await appendHistory(store, id(5), historyFor(id(5), 'implementation', { name: 'Won crane deal' }));
    await appendHistory(store, id(6), historyFor(id(6), 'closed', { name: 'Settled crane deal' }));
    await runCommand(store, id(4), command('RecordLoss', {}, '2026-03-01T00:00:00.000Z'));
    await runCommand(store, id(5), command('AmendContract', {}, '2026-05-01T00:00:00.000Z'));
    await applyAll(store, db.pool, [projectsListProjection(new ProjectFolds(store))], SCHEMA, await storedEventCount(db.pool), 7);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('keeps one row per project with its current stage, outcome and values', async () => {
    const { rows } = await db.pool.query(`select project_id, name, stage, outcome, estimated_amount::text, contract_amount::text, version from ${SCHEMA}.projects order by project_id`);
    expect(rows.map((row) => [row.name, row.stage, row.outcome])).toEqual([
      ['Harbour crane automation', 'search', 'open'],
      ['Metro HVAC', 'quotation', 'open'],
      ['Toll ITS 100%_off', 'negotiation', 'open'],
      ['Quay crane', 'closed', 'lost'],
      ['Won crane deal', 'implementation', 'won'],
      ['Settled crane deal', 'closed', 'won'],
    ]);
    expect(rows[4]).toMatchObject({ contract_amount: '1250000.00', estimated_amount: '1250000.00' });
    const versions = await Promise.all([1, 2, 3, 4, 5, 6].map(async (n) => (await store.readStream(`project-${id(n)}`)).length));
    expect(rows.map((row) => row.version)).toEqual(versions);
  });

  it('filters and searches name, customer and ERP id, wildcards taken literally', async () => {
    const names = async (filter: Record<string, string>) =>
      (await listProjects(db.pool, SCHEMA, filter, { after: null, limit: 50 })).items.map((item) => item.name).sort();
    expect(await names({ q: 'CRANE' })).toEqual(['Harbour crane automation', 'Quay crane', 'Settled crane deal', 'Won crane deal']);
    expect(await names({ q: 'shenzhen' })).toEqual(['Metro HVAC']);
    expect(await names({ q: 'sap-77' })).toEqual(['Harbour crane automation']);
    expect(await names({ q: '100%_' })).toEqual(['Toll ITS 100%_off']);
    expect(await names({ q: '%' })).toEqual(['Toll ITS 100%_off']);
    expect(await names({ outcome: 'won' })).toEqual(['Settled crane deal', 'Won crane deal']);
    expect(await names({ stage: 'negotiation', region: 'south-china' })).toEqual(['Toll ITS 100%_off']);
    expect(await names({ segment: 'hvac', leadSource: 'media_tender_notice' })).toEqual(['Metro HVAC']);
  });

  it('pages with a keyset: every project once, newest identified first', async () => {
    const seen: string[] = [];
    let after = null;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listProjects(db.pool, SCHEMA, {}, { after, limit: 4 });
      seen.push(...page.items.map((item) => item.id));
      expect(page.items.length).toBeLessThanOrEqual(4);
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    // All sample histories start on the same day: ties are broken by id, descending.
    expect(seen).toEqual([6, 5, 4, 3, 2, 1].map(id));
  });

  it('sums the pipeline per stage and currency exactly, weighted by stage', async () => {
    const stages = await readPipeline(db.pool, SCHEMA, {});
    expect(stages.map((stage) => [stage.stage, stage.count])).toEqual([
      ['search', 1], ['preparation', 0], ['quotation', 1], ['negotiation', 1], ['implementation', 1], ['transition', 0],
    ]);
    const byStage = Object.fromEntries(stages.map((stage) => [stage.stage, stage]));
    expect(byStage.search).toMatchObject({ weight: '0.10', estimatedValue: [{ amount: '1250000.00', currency: 'CNY' }], weightedValue: [{ amount: '125000.00', currency: 'CNY' }] });
    expect(byStage.quotation).toMatchObject({ estimatedValue: [{ amount: '1000000.10', currency: 'CNY' }], weightedValue: [{ amount: '400000.04', currency: 'CNY' }] });
    expect(byStage.negotiation).toMatchObject({ estimatedValue: [{ amount: '0.20', currency: 'CNY' }], weightedValue: [{ amount: '0.12', currency: 'CNY' }] });
    expect(byStage.implementation!.weightedValue).toEqual([{ amount: '1250000.00', currency: 'CNY' }]);
    expect((await readPipeline(db.pool, SCHEMA, { segment: 'hvac' })).find((stage) => stage.stage === 'quotation')!.count).toBe(1);
  });

  it('applies a batch again without harm (the version guard)', async () => {
    const before = await db.pool.query(`select * from ${SCHEMA}.projects order by project_id`);
    await applyAll(store, db.pool, [projectsListProjection(new ProjectFolds(store))], SCHEMA, await storedEventCount(db.pool), 50);
    const after = await db.pool.query(`select * from ${SCHEMA}.projects order by project_id`);
    expect(after.rows).toEqual(before.rows);
  });
});
