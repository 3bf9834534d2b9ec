// The care engine's runs on a real database: the lists a run fills, two runs of a store at once, the
// escalation of overdue tasks, the daily job in each store's own day, and a run that fails mid-way and
// is finished by the next. The rules are in care-engine-rules.test.ts; the store and staff each test
// makes are in test/helpers/care-engine.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/server/db/client';
import {
  escalateOverdueTasks,
  generateCareTasks,
  generateForStore,
  listTasks,
  loadStores,
  runDailyCare,
} from '../../src/server/modules/care';
import { usesPostgres } from '../helpers/db';
import type { TestApp } from '../helpers/app';
import { makeCustomer, markFirstRun } from '../helpers/care';
import { createCareEngineTestApp, type CareEngineTestApp } from '../helpers/care-engine';

let t: TestApp;
let storeWithStaff: CareEngineTestApp['storeWithStaff'];
let run: CareEngineTestApp['run'];
let reasonsOf: CareEngineTestApp['reasonsOf'];
const db = () => t.database.db;

beforeAll(async () => {
  ({ t, storeWithStaff, run, reasonsOf } = await createCareEngineTestApp());
});
afterAll(() => t.close());

describe('lists', () => {
  it("a guide's list for today, upcoming and overdue; the store's list for a manager", async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    const a = await makeCustomer(db(), s.store, { birthday: '1990-03-17', ownerId: s.guide.id, name: '陈静' });
    await makeCustomer(db(), s.store, { birthday: '1990-03-17', ownerId: s.seller.id });
    await run(s.store, '2027-03-17');
    const viewer = { userId: s.guide.id, role: 'staff', storeIds: [s.store.id] };
    const today = await listTasks(db(), { orgId: t.orgId, viewer, view: 'today', scope: 'mine', date: '2027-03-17' });
    expect(today.items.map((i) => i.customerName)).toEqual(['陈静']);
    expect(today.items[0]!.reasons[0]!.text).toContain('生日');
    expect(today.items[0]!.customerId).toBe(a.id);
    const overdue = await listTasks(db(), {
      orgId: t.orgId,
      viewer,
      view: 'overdue',
      scope: 'mine',
      date: '2027-03-18',
    });
    expect(overdue.items).toHaveLength(1);
    const upcoming = await listTasks(db(), {
      orgId: t.orgId,
      viewer,
      view: 'upcoming',
      scope: 'mine',
      date: '2027-03-16',
    });
    expect(upcoming.items).toHaveLength(1);
    const mgr = { userId: s.manager.id, role: 'store_manager', storeIds: [s.store.id] };
    const store = await listTasks(db(), {
      orgId: t.orgId,
      viewer: mgr,
      view: 'today',
      scope: 'store',
      date: '2027-03-17',
      limit: 1,
    });
    expect(store.items).toHaveLength(1);
    const page2 = await listTasks(db(), {
      orgId: t.orgId,
      viewer: mgr,
      view: 'today',
      scope: 'store',
      date: '2027-03-17',
      limit: 1,
      cursor: store.nextCursor!,
    });
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0]!.id).not.toBe(store.items[0]!.id);
    await expect(
      listTasks(db(), { orgId: t.orgId, viewer, view: 'today', scope: 'store', date: '2027-03-17' }),
    ).rejects.toThrow();
  });
});

describe('several runs at once', () => {
  it('two runs of the same store at the same time create each task once', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    for (let i = 0; i < 30; i += 1) await makeCustomer(db(), s.store, { birthday: '1990-03-17', ownerId: s.guide.id });
    const [a, b] = await Promise.all([run(s.store, '2027-03-17'), run(s.store, '2027-03-17')]);
    expect(a.created + b.created).toBe(30);
    expect(a.unchanged + b.unchanged).toBe(30);
    const [n] = await rows<{ tasks: number; reasons: number }>(
      db(),
      sql`select count(distinct t.id)::int as tasks, count(r.id)::int as reasons
          from care_tasks t join care_task_reasons r on r.task_id = t.id where t.store_id = ${s.store.id}`,
    );
    expect(n).toEqual({ tasks: 30, reasons: 30 });
  });

  it.runIf(usesPostgres())('without the lock, the unique index alone keeps runs from duplicating', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    for (let i = 0; i < 40; i += 1)
      await makeCustomer(db(), s.store, { birthday: i % 2 ? '1990-03-17' : null, ownerId: s.guide.id, children: true });
    const [store] = await loadStores(db(), t.orgId, s.store.code);
    const results = await Promise.all(
      [0, 1, 2].map(() => generateForStore(db(), t.orgId, store!, '2027-03-17', 'api', 7)),
    );
    const created = results.reduce((sum, r) => sum + r.created, 0);
    const [n] = await rows<{ reasons: number; distinct_keys: number; orphans: number }>(
      db(),
      sql`select (select count(*)::int from care_task_reasons r join care_tasks t on t.id = r.task_id where t.store_id = ${s.store.id}) as reasons,
                 (select count(distinct (r.customer_id, r.occasion_key))::int from care_task_reasons r join care_tasks t on t.id = r.task_id where t.store_id = ${s.store.id}) as distinct_keys,
                 (select count(*)::int from care_tasks t where t.store_id = ${s.store.id}
                    and not exists (select 1 from care_task_reasons r where r.task_id = t.id)) as orphans`,
    );
    expect(n!.orphans).toBe(0);
    expect(n!.reasons).toBe(n!.distinct_keys);
    expect(created).toBe(n!.reasons);
    // Whatever a race left out, the next run fills in.
    await run(s.store, '2027-03-17');
    const [m] = await rows<{ reasons: number }>(
      db(),
      sql`select count(*)::int as reasons from care_task_reasons r join care_tasks t on t.id = r.task_id where t.store_id = ${s.store.id}`,
    );
    expect(m!.reasons).toBe(20);
  });
});

describe('escalation', () => {
  it('an open task two days overdue goes to the store manager, once', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    const c = await makeCustomer(db(), s.store, { birthday: '1990-03-17', ownerId: s.guide.id });
    await run(s.store, '2027-03-17');
    const esc = (date: string) => escalateOverdueTasks(db(), { orgId: t.orgId, storeId: s.store.id, date });
    expect((await esc('2027-03-18')).escalated).toBe(0);
    expect((await esc('2027-03-19')).escalated).toBe(1);
    expect((await esc('2027-03-20')).escalated).toBe(0);
    const [task] = await rows<{ escalated_to: string; escalated_at: Date | null }>(
      db(),
      sql`select escalated_to, escalated_at from care_tasks where customer_id = ${c.id}`,
    );
    expect(task!.escalated_to).toBe(s.manager.id);
    const mgr = { userId: s.manager.id, role: 'store_manager', storeIds: [s.store.id] };
    const overdue = await listTasks(db(), {
      orgId: t.orgId,
      viewer: mgr,
      view: 'overdue',
      scope: 'mine',
      date: '2027-03-20',
    });
    expect(overdue.items.map((i) => i.customerId)).toEqual([c.id]);
  });
});

describe('daily job', () => {
  it('runs each store once its local day has begun, once a day', async () => {
    const s = await storeWithStaff({ country: 'JP', timezone: 'Asia/Tokyo', locale: 'ja', currency: 'JPY' });
    await markFirstRun(db(), s.store, '2027-01-01');
    const c = await makeCustomer(db(), s.store, { birthday: '1990-04-02', ownerId: s.guide.id });
    // 05:00 in Tokyo: too early.
    const early = await runDailyCare(t.database, undefined, new Date('2027-04-01T20:00:00Z'));
    expect(early.find((d) => d.storeCode === s.store.code)).toBeUndefined();
    const on = await runDailyCare(t.database, undefined, new Date('2027-04-01T22:30:00Z'));
    expect(on.find((d) => d.storeCode === s.store.code)).toMatchObject({ date: '2027-04-02', created: 1 });
    const again = await runDailyCare(t.database, undefined, new Date('2027-04-01T23:30:00Z'));
    expect(again.find((d) => d.storeCode === s.store.code)).toBeUndefined();
    expect(await reasonsOf(c.id)).toEqual(['birthday:2027']);
  });
});

describe('restarts', () => {
  it('a run that fails mid-way leaves whole batches; the next run fills in the rest', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    for (let i = 0; i < 24; i += 1) await makeCustomer(db(), s.store, { birthday: '1990-03-17', ownerId: s.guide.id });
    const crash = await makeCustomer(db(), s.store, {
      birthday: '1990-03-17',
      ownerId: s.guide.id,
      memberNo: `CRASH${s.store.code}`,
    });
    // The database refuses one customer's reasons, as if the process died while writing that batch.
    await db().execute(
      sql.raw(`create or replace function care_test_crash() returns trigger language plpgsql as $$
        begin
          if new.customer_id = '${crash.id}' then raise exception 'simulated crash'; end if;
          return new;
        end $$`),
    );
    await db().execute(
      sql.raw(
        `create trigger care_test_crash before insert on care_task_reasons for each row execute function care_test_crash()`,
      ),
    );
    await expect(
      generateCareTasks(t.database, {
        orgId: t.orgId,
        storeId: s.store.id,
        date: '2027-03-17',
        source: 'api',
        batchSize: 5,
      }),
    ).rejects.toThrow();
    await db().execute(sql.raw(`drop trigger care_test_crash on care_task_reasons`));
    const count = async () =>
      (
        await rows<{ tasks: number; orphans: number }>(
          db(),
          sql`select count(*)::int as tasks,
                     count(*) filter (where not exists (select 1 from care_task_reasons r where r.task_id = t.id))::int as orphans
              from care_tasks t where t.store_id = ${s.store.id}`,
        )
      )[0]!;
    const partial = await count();
    expect(partial.orphans).toBe(0);
    expect(partial.tasks % 5).toBe(0); // whole batches only
    expect(partial.tasks).toBeLessThan(25);
    const [unfinished] = await rows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from care_runs where store_id = ${s.store.id} and finished_at is null`,
    );
    expect(unfinished!.n).toBe(1);
    const rerun = await run(s.store, '2027-03-17');
    expect(rerun.created).toBe(25 - partial.tasks);
    expect(await count()).toEqual({ tasks: 25, orphans: 0 });
  });
});
