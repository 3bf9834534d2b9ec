// One organisation for the care-engine tests (test/api/care-engine-*.test.ts), on a real database, and
// what they share: a store with its staff, a generation run of a store on a day, a customer's tasks and
// occasion keys read back, and a contact logged with her. Each test makes its own store (and customers)
// with the building blocks of care.ts, so the tests do not see each other's tasks.
import { sql } from 'drizzle-orm';
import { rows } from '../../src/server/db/client';
import { contactLog } from '../../src/server/db/schema';
import { generateCareTasks } from '../../src/server/modules/care';
import { createTestApp, type TestApp } from './app';
import { makeRegion, makeStore, makeUser, type TestStore } from './care';

type Staff = Awaited<ReturnType<typeof makeUser>>;

/** A store and its people: 林 (guide, owns the customers), 周 (guide, sells), 王 (store manager), 赵 (regional manager). */
export type StaffedStore = {
  store: TestStore;
  guide: Staff;
  seller: Staff;
  manager: Staff;
  /** Only when the store got a new region of its own (no regionId given). */
  regional: Staff | null;
  regionId: string | null;
};

/** One of her tasks, with the occasion keys of its reasons (sorted). */
export type TaskRow = {
  id: string;
  owner_rule: string;
  due_on: string;
  assignee_id: string | null;
  kind: string;
  keys: string[];
};

export type CareEngineTestApp = {
  t: TestApp;
  /** A store (by default in a new region, with a regional manager) and its staff. */
  storeWithStaff(o?: Parameters<typeof makeStore>[2]): Promise<StaffedStore>;
  /** The store's generation run for a day, as the API starts it. */
  run(store: TestStore, date: string): ReturnType<typeof generateCareTasks>;
  /** Her tasks, by due day. */
  tasksOf(customerId: string): Promise<TaskRow[]>;
  /** The occasion keys of all her task reasons, sorted. */
  reasonsOf(customerId: string): Promise<string[]>;
  /** A call that reached her on a day (04:00 UTC), for a purpose (default: care). */
  contact(store: TestStore, customerId: string, date: string, purpose?: string): Promise<void>;
};

export async function createCareEngineTestApp(): Promise<CareEngineTestApp> {
  const t = await createTestApp();
  const db = () => t.database.db;

  async function storeWithStaff(o: Parameters<typeof makeStore>[2] = {}) {
    const region = o.regionId === undefined ? await makeRegion(db(), t.orgId) : null;
    const store = await makeStore(db(), t.orgId, { ...o, regionId: o.regionId ?? region?.id ?? null });
    const guide = await makeUser(db(), t.orgId, { name: '林导购', storeIds: [store.id] });
    const seller = await makeUser(db(), t.orgId, { name: '周导购', storeIds: [store.id] });
    const manager = await makeUser(db(), t.orgId, { name: '王店长', role: 'store_manager', storeIds: [store.id] });
    const regional = region
      ? await makeUser(db(), t.orgId, { name: '赵区经', role: 'regional_manager', regionIds: [region.id] })
      : null;
    return { store, guide, seller, manager, regional, regionId: region?.id ?? null };
  }

  const run = (store: TestStore, date: string) =>
    generateCareTasks(t.database, { orgId: t.orgId, storeId: store.id, date, source: 'api' });

  async function tasksOf(customerId: string) {
    return rows<TaskRow>(
      db(),
      sql`select t.id, t.owner_rule, t.due_on::text as due_on, t.assignee_id, t.kind,
                 array(select r.occasion_key from care_task_reasons r where r.task_id = t.id order by r.occasion_key) as keys
          from care_tasks t where t.customer_id = ${customerId} order by t.due_on, t.id`,
    );
  }

  async function reasonsOf(customerId: string) {
    return (
      await rows<{ occasion_key: string }>(
        db(),
        sql`select occasion_key from care_task_reasons where customer_id = ${customerId} order by occasion_key`,
      )
    ).map((r) => r.occasion_key);
  }

  async function contact(store: TestStore, customerId: string, date: string, purpose = 'care') {
    await db()
      .insert(contactLog)
      .values({
        orgId: t.orgId,
        storeId: store.id,
        customerId,
        channel: 'call',
        purpose,
        outcome: 'reached',
        contactedAt: new Date(`${date}T04:00:00Z`),
      });
  }

  return { t, storeWithStaff, run, tasksOf, reasonsOf, contact };
}
