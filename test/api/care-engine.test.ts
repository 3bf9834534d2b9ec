// The care engine on a real database: every rule makes its task on a constructed day, the guards
// hold, generation is idempotent and never back-dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { rows } from '../../src/server/db/client';
import { careTaskReasons, careTasks, contactLog } from '../../src/server/db/schema';
import { generateCareTasks, listTasks, setRuleEnabled, tasksDueOn } from '../../src/server/modules/care';
import { createTestApp, type TestApp } from '../helpers/app';
import {
  ensureTiers,
  makeCustomer,
  makeReceipt,
  makeRegion,
  makeStore,
  makeUser,
  markFirstRun,
  setLastVisit,
  setMetrics,
  type TestStore,
} from '../helpers/care';

let t: TestApp;
const db = () => t.database.db;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

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
  return rows<{
    id: string;
    owner_rule: string;
    due_on: string;
    assignee_id: string | null;
    kind: string;
    keys: string[];
  }>(
    db(),
    sql`select t.id, t.owner_rule, t.due_on::text as due_on, t.assignee_id, t.kind,
               array(select r.occasion_key from care_task_reasons r where r.task_id = t.id order by r.occasion_key) as keys
        from care_tasks t where t.customer_id = ${customerId} order by t.due_on, t.id`,
  );
}

describe('rules', () => {
  it('birthday (solar) on the day, assigned to her own guide; a second run creates nothing', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    const c = await makeCustomer(db(), s.store, { birthday: '1985-03-17', ownerId: s.guide.id });
    const first = await run(s.store, '2027-03-17');
    expect(first.created).toBe(1);
    expect(first.byRule.birthday).toBe(1);
    const [task] = await tasksOf(c.id);
    expect(task).toMatchObject({ owner_rule: 'birthday', due_on: '2027-03-17', assignee_id: s.guide.id });
    expect(task!.keys).toEqual(['birthday:2027']);
    const second = await run(s.store, '2027-03-17');
    expect(second).toMatchObject({ created: 0, unchanged: 1 });
    expect(await tasksOf(c.id)).toHaveLength(1);
  });
});
