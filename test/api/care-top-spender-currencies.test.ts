// top_spender_visit on a real database for a customer who ranks in two currencies: she bought in the
// region's CNY store and in its TWD store in the same year, so the loader's ranking (by region and
// currency) finds her twice. She must still get one visit task with one reason (one occasion key); two
// reasons with the same key made the writer take the second for a concurrent run's and withdraw the task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/server/db/client';
import { generateCareTasks, updateCareSettings } from '../../src/server/modules/care';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';
import {
  makeCustomer,
  makeReceipt,
  makeRegion,
  makeStore,
  makeUser,
  markFirstRun,
  type TestStore,
} from '../helpers/care';

let t: TestApp;
let owner: Client;
const db = () => t.database.db;

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
});
afterAll(() => t.close());

/** A region with a CNY store in Shanghai and a TWD store in Taipei, a guide and the regional manager. */
async function regionWithTwoCurrencies() {
  const region = await makeRegion(db(), t.orgId);
  const cny = await makeStore(db(), t.orgId, { regionId: region.id });
  const twd = await makeStore(db(), t.orgId, {
    regionId: region.id,
    country: 'TW',
    currency: 'TWD',
    timezone: 'Asia/Taipei',
    locale: 'zh-TW',
  });
  const guide = await makeUser(db(), t.orgId, { name: '林导购', storeIds: [cny.id] });
  const regional = await makeUser(db(), t.orgId, {
    name: '赵区经',
    role: 'regional_manager',
    regionIds: [region.id],
  });
  await markFirstRun(db(), cny, '2026-12-01');
  return { cny, twd, guide, regional };
}

// The visit for 2026 is due on 10 January 2027 (visitOn 01-10) and made 14 days ahead (leadDays 14).
const FIRES_ON = '2026-12-27';
const DUE_ON = '2027-01-10';

/** A customer of the store. */
const customer = (store: TestStore, ownerId: string) => makeCustomer(db(), store, { ownerId });

const run = (store: TestStore, date: string) =>
  generateCareTasks(t.database, { orgId: t.orgId, storeId: store.id, date, source: 'api' });

async function topSpenderTasks(customerId: string) {
  return rows<{
    id: string;
    status: string;
    due_on: string;
    kind: string;
    assignee_id: string | null;
    keys: string[];
  }>(
    db(),
    sql`select t.id, t.status, t.due_on::text as due_on, t.kind, t.assignee_id,
               array(select r.occasion_key from care_task_reasons r where r.task_id = t.id order by r.occasion_key) as keys
        from care_tasks t where t.customer_id = ${customerId} and t.owner_rule = 'top_spender_visit'
        order by t.id`,
  );
}

async function topSpenderReasons(customerId: string) {
  return rows<{ task_id: string; occasion_key: string }>(
    db(),
    sql`select task_id, occasion_key from care_task_reasons
        where customer_id = ${customerId} and rule_id = 'top_spender_visit' order by occasion_key`,
  );
}

/** Her one open visit task for 2026, checked in the database and through GET /api/care/tasks/:id. */
async function expectOneVisit(customerId: string, regionalId: string) {
  const tasks = await topSpenderTasks(customerId);
  expect(tasks).toEqual([
    {
      id: expect.any(String),
      status: 'open',
      due_on: DUE_ON,
      kind: 'visit',
      assignee_id: regionalId,
      keys: ['top_spender_visit:2026'],
    },
  ]);
  expect(await topSpenderReasons(customerId)).toEqual([
    { task_id: tasks[0]!.id, occasion_key: 'top_spender_visit:2026' },
  ]);
  const res = await owner.get(`/api/care/tasks/${tasks[0]!.id}`);
  expect(res.statusCode, res.body).toBe(200);
  const detail = res.json() as {
    status: string;
    dueOn: string;
    reasons: Array<{ ruleId: string; occasionKey: string; params: Record<string, unknown> }>;
  };
  expect(detail.status).toBe('open');
  expect(detail.dueOn).toBe(DUE_ON);
  expect(detail.reasons.filter((r) => r.ruleId === 'top_spender_visit')).toEqual([
    expect.objectContaining({ occasionKey: 'top_spender_visit:2026', params: { year: 2026 } }),
  ]);
  return tasks[0]!.id;
}

async function expectNoVisit(customerId: string) {
  expect(await topSpenderTasks(customerId)).toEqual([]);
  expect(await topSpenderReasons(customerId)).toEqual([]);
}

describe('top_spender_visit for a customer ranked in two currencies', () => {
  it('top in CNY and in TWD in the same year: one open task with one reason; a second run creates nothing', async () => {
    const s = await regionWithTwoCurrencies();
    const top = await customer(s.cny, s.guide.id);
    const other = await customer(s.cny, s.guide.id);
    // She is first in both currencies of the region; the other customer second in both.
    await makeReceipt(db(), s.cny, { customerId: top.id, date: '2026-05-01', total: 500_000 });
    await makeReceipt(db(), s.twd, { customerId: top.id, date: '2026-08-01', total: 2_000_000 });
    await makeReceipt(db(), s.cny, { customerId: other.id, date: '2026-05-02', total: 300_000 });
    await makeReceipt(db(), s.twd, { customerId: other.id, date: '2026-08-02', total: 1_000_000 });
    const [currencies] = await rows<{ n: number }>(
      db(),
      sql`select count(distinct currency)::int as n from receipts where customer_id = ${top.id}`,
    );
    expect(currencies!.n).toBe(2);

    const first = await run(s.cny, FIRES_ON);
    expect(first.byRule.top_spender_visit).toBe(1);
    const taskId = await expectOneVisit(top.id, s.regional.id);
    await expectNoVisit(other.id);

    // Idempotent: the same day again, and the next day (still in the lead window), add nothing.
    for (const date of [FIRES_ON, '2026-12-28']) {
      const again = await run(s.cny, date);
      expect(again.created).toBe(0);
      expect(again.byRule.top_spender_visit).toBe(0);
      expect(await expectOneVisit(top.id, s.regional.id)).toBe(taskId);
      await expectNoVisit(other.id);
    }
  });

  it('top two of the region (topN 2): first in one currency and second in the other still make one task', async () => {
    const actor = { orgId: t.orgId, userId: null };
    await updateCareSettings(db(), actor, { rules: { top_spender_visit: { topN: 2 } } }, { today: '2026-12-01' });
    try {
      const s = await regionWithTwoCurrencies();
      const a = await customer(s.cny, s.guide.id);
      const b = await customer(s.cny, s.guide.id);
      const c = await customer(s.cny, s.guide.id);
      // CNY: a 1st, b 2nd, c 3rd. TWD: b 1st, a 2nd, c 3rd.
      await makeReceipt(db(), s.cny, { customerId: a.id, date: '2026-03-01', total: 500_000 });
      await makeReceipt(db(), s.cny, { customerId: b.id, date: '2026-03-02', total: 300_000 });
      await makeReceipt(db(), s.cny, { customerId: c.id, date: '2026-03-03', total: 100_000 });
      await makeReceipt(db(), s.twd, { customerId: a.id, date: '2026-09-01', total: 1_500_000 });
      await makeReceipt(db(), s.twd, { customerId: b.id, date: '2026-09-02', total: 2_000_000 });
      await makeReceipt(db(), s.twd, { customerId: c.id, date: '2026-09-03', total: 500_000 });

      const first = await run(s.cny, FIRES_ON);
      expect(first.byRule.top_spender_visit).toBe(2);
      await expectOneVisit(a.id, s.regional.id);
      await expectOneVisit(b.id, s.regional.id);
      await expectNoVisit(c.id);

      const again = await run(s.cny, FIRES_ON);
      expect(again.created).toBe(0);
      expect(again.byRule.top_spender_visit).toBe(0);
      await expectOneVisit(a.id, s.regional.id);
      await expectOneVisit(b.id, s.regional.id);
    } finally {
      await db().execute(sql`delete from care_rule_activity where org_id = ${t.orgId}`);
      await db().execute(sql`delete from care_settings where org_id = ${t.orgId}`);
    }
  });
});
