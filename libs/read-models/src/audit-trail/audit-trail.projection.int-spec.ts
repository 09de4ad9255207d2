import { PostgresEventStore } from '#event-store';
import { createTestDatabase, type TestDatabase } from '#testing';
import { dayAt, QUOTATION_ID } from '../../../domain/src/testing/index.js';
import { ProjectFolds } from '../folding/project-folds.js';
import { applyAll } from '../testing/apply-all.js';
import { appendHistory, command, historyFor, runCommand, storedEventCount } from '../testing/read-model-fixtures.js';
import { auditTrailProjection } from './audit-trail.projection.js';
import { readAuditTrail } from './audit-trail.queries.js';

const PROJECT = '00000000-0000-4000-8000-00000000a001';
const OTHER = '00000000-0000-4000-8000-00000000a002';
const NEW_LINES = [
  { code: 'A', description: 'Crane PLC retrofit', quantity: '2', unit: 'set', unitPrice: '240000', unitCost: '180000' },
  { code: 'B', description: 'Installation and commissioning', quantity: '1', unit: 'lot', unitPrice: '700000', unitCost: '560000' },
];

describe('audit trail (read model)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const all = { afterVersion: 0, limit: 1000 };

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    await appendHistory(store, PROJECT, historyFor(PROJECT, 'quotation'), { actor: 'sales-li', correlationId: 'req-setup' });
    await appendHistory(store, OTHER, historyFor(OTHER, 'preparation'));
    await runCommand(store, PROJECT, { ...command('DraftQuotationRevision', { lines: NEW_LINES, reason: 'steel price update' }, dayAt(30)), metadata: { now: dayAt(30), actor: 'estimator-wu' } }, { correlationId: 'req-42' });
    await applyAll(store, db.pool, [auditTrailProjection(new ProjectFolds(store))], 'rm_a', await storedEventCount(db.pool), 4);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('writes one entry per event with position, version, actor, request id, type and summary', async () => {
    const events = await store.readStream(`project-${PROJECT}`);
    const entries = await readAuditTrail(db.pool, 'rm_a', PROJECT, {}, all);
    expect(entries.map((entry) => [entry.version, entry.globalPosition, entry.eventType, entry.eventId])).toEqual(
      events.map((event) => [event.version, event.globalPosition, event.type, event.eventId]),
    );
    expect(entries.map((entry) => entry.recordedAt)).toEqual(events.map((event) => event.recordedAt));
    expect(entries[0]).toMatchObject({ actor: 'sales-li', requestId: 'req-setup', summary: expect.stringMatching(/^Project "Harbour crane automation" identified/) });
    expect(entries.at(-1)).toMatchObject({ actor: 'estimator-wu', requestId: 'req-42', eventType: 'QuotationRevisionDrafted' });
  });

  it('records a revision line by line against the previous one', async () => {
    const [entry] = await readAuditTrail(db.pool, 'rm_a', PROJECT, { types: ['QuotationRevisionDrafted'], actor: 'estimator-wu' }, all);
    const at = `quotations[${QUOTATION_ID}]`;
    expect(entry!.changes).toEqual(
      expect.arrayContaining([
        { field: `${at}.latestRevision`, from: 1, to: 2 },
        { field: `${at}.lines[A].unitPrice`, from: '250000.00', to: '240000.00' },
        { field: `${at}.lines[A].lineTotal`, from: '500000.00', to: '480000.00' },
        { field: `${at}.lines[B].description`, from: 'Installation', to: 'Installation and commissioning' },
        { field: `${at}.totals.total`, from: '1200000.00', to: '1180000.00' },
        { field: `${at}.totals.margin`, from: '280000.00', to: '260000.00' },
      ]),
    );
  });

  it('filters by actor, event types and recorded time', async () => {
    const byActor = await readAuditTrail(db.pool, 'rm_a', PROJECT, { actor: 'sales-li' }, all);
    expect(byActor.every((entry) => entry.actor === 'sales-li')).toBe(true);
    const types = await readAuditTrail(db.pool, 'rm_a', PROJECT, { types: ['StageAdvanced', 'ProjectScreened'] }, all);
    expect(types.map((entry) => entry.eventType)).toEqual(['ProjectScreened', 'StageAdvanced', 'StageAdvanced']);
    const last = (await readAuditTrail(db.pool, 'rm_a', PROJECT, {}, all)).at(-1)!;
    const from = await readAuditTrail(db.pool, 'rm_a', PROJECT, { from: new Date(last.recordedAt) }, all);
    expect(from.map((entry) => entry.version)).toEqual([last.version]);
    expect(await readAuditTrail(db.pool, 'rm_a', PROJECT, { to: new Date(Date.parse(from[0]!.recordedAt) - 1) }, all)).not.toContainEqual(expect.objectContaining({ version: last.version }));
    expect(await readAuditTrail(db.pool, 'rm_a', OTHER, { actor: 'estimator-wu' }, all)).toEqual([]);
  });

  it('pages by version', async () => {
    const first = await readAuditTrail(db.pool, 'rm_a', PROJECT, {}, { afterVersion: 0, limit: 3 });
    const second = await readAuditTrail(db.pool, 'rm_a', PROJECT, {}, { afterVersion: 3, limit: 3 });
    expect([...first, ...second].map((entry) => entry.version)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives the same entries when every batch folds from the store (no cached states)', async () => {
    await applyAll(store, db.pool, [auditTrailProjection(new ProjectFolds(store, { cacheSize: 0 }))], 'rm_b', await storedEventCount(db.pool), 3);
    const { rows: a } = await db.pool.query('select * from rm_a.audit_trail order by project_id, version');
    const { rows: b } = await db.pool.query('select * from rm_b.audit_trail order by project_id, version');
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThan(10);
  });

  it('stores changes as [field, from, to] triples, and still reads rows written as objects before', async () => {
    const { rows } = await db.pool.query<{ changes: unknown[] }>(`select changes from rm_a.audit_trail where project_id = $1 and version = 1`, [PROJECT]);
    expect(rows[0]!.changes[0]).toEqual(['id', null, PROJECT]);
    const before = await readAuditTrail(db.pool, 'rm_a', PROJECT, {}, all);
    // What a release before the triples wrote: the same changes, as {field, from, to} objects.
    await db.pool.query(
      `update rm_a.audit_trail set changes = (select json_agg(json_build_object('field', c ->> 0, 'from', c -> 1, 'to', c -> 2)) from json_array_elements(changes) c)
        where project_id = $1 and version <= 3`,
      [PROJECT],
    );
    expect((await db.pool.query(`select changes -> 0 ->> 'field' as field from rm_a.audit_trail where project_id = $1 and version = 1`, [PROJECT])).rows[0].field).toBe('id');
    expect(await readAuditTrail(db.pool, 'rm_a', PROJECT, {}, all)).toEqual(before);
  });
});
