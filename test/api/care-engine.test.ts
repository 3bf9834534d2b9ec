// The care engine on a real database: every rule makes its task on a constructed day, the guards
// hold, generation is idempotent and never back-dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addDays, solarTermDate, visitSlotDate } from '../../src/domain/care';
import { rows } from '../../src/server/db/client';
import { contactLog } from '../../src/server/db/schema';
import {
  escalateOverdueTasks,
  generateCareTasks,
  generateForStore,
  getCareSettings,
  listTasks,
  loadStores,
  runDailyCare,
  setRuleEnabled,
  tasksDueOn,
  updateCareSettings,
} from '../../src/server/modules/care';
import { usesPostgres } from '../helpers/db';
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

  it('after_purchase_call: 7 days after a receipt of at least 2,000 yuan, for the guide who sold it', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    const big = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    const small = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    const receipt = await makeReceipt(db(), s.store, {
      customerId: big.id,
      date: '2027-03-03',
      total: 250_000,
      sellerId: s.seller.id,
    });
    await makeReceipt(db(), s.store, {
      customerId: small.id,
      date: '2027-03-03',
      total: 150_000,
      sellerId: s.seller.id,
    });
    expect((await run(s.store, '2027-03-09')).created).toBe(0);
    const res = await run(s.store, '2027-03-10');
    expect(res.byRule.after_purchase_call).toBe(1);
    const [task] = await tasksOf(big.id);
    expect(task).toMatchObject({
      owner_rule: 'after_purchase_call',
      due_on: '2027-03-10',
      assignee_id: s.seller.id,
      kind: 'call',
    });
    expect(task!.keys).toEqual([`after_purchase_call:${receipt.id}`]);
    expect(await tasksOf(small.id)).toHaveLength(0);
  });

  it('referral: thanks to the regular and the new customer on the day, a call to the new one within 7 days', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    const regular = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    const friend = await makeCustomer(db(), s.store, { ownerId: s.guide.id, referredById: regular.id });
    await makeReceipt(db(), s.store, {
      customerId: friend.id,
      date: '2027-03-17',
      total: 50_000,
      sellerId: s.seller.id,
    });
    const day = await run(s.store, '2027-03-17');
    expect(day.byRule.referral_thanks).toBe(2);
    expect(await reasonsOf(regular.id)).toEqual([`referral_thanks:${friend.id}`]);
    expect(await reasonsOf(friend.id)).toEqual(['referral_thanks:welcome:2027-03-17']);
    const later = await run(s.store, '2027-03-20');
    expect(later.byRule.referral_new_call).toBe(1);
    const tasks = await tasksOf(friend.id);
    expect(tasks.at(-1)).toMatchObject({ owner_rule: 'referral_new_call', due_on: '2027-03-24' });
  });

  it('spend_threshold_thanks: the day after her cumulative spend passes 10,000 yuan', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    const c = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    await makeReceipt(db(), s.store, { customerId: c.id, date: '2027-02-01', total: 900_000 });
    await makeReceipt(db(), s.store, { customerId: c.id, date: '2027-03-16', total: 150_000 });
    const res = await run(s.store, '2027-03-17');
    expect(res.byRule.spend_threshold_thanks).toBe(1);
    expect(await reasonsOf(c.id)).toEqual(['spend_threshold_thanks:CNY:1000000']);
    const list = await tasksDueOn(db(), t.orgId, s.store.id, '2027-03-17', 'en');
    expect(list[0]!.reasons[0]!.text).toMatch(/passed CN¥10,000/);
  });

  it("top_spender_visit: the region's highest spender of the year, visited by the regional manager", async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2026-12-01');
    const top = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    const second = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    await makeReceipt(db(), s.store, { customerId: top.id, date: '2026-06-01', total: 500_000 });
    await makeReceipt(db(), s.store, { customerId: second.id, date: '2026-06-02', total: 300_000 });
    const res = await run(s.store, '2026-12-27'); // 14 days ahead of 10 January
    expect(res.byRule.top_spender_visit).toBe(1);
    const [task] = await tasksOf(top.id);
    expect(task).toMatchObject({
      owner_rule: 'top_spender_visit',
      due_on: '2027-01-10',
      kind: 'visit',
      assignee_id: s.regional!.id,
    });
    expect(await tasksOf(second.id)).toHaveLength(0);
  });

  it('vip_visit_plan: a key customer gets her planned call ahead of the day', async () => {
    const s = await storeWithStaff();
    await ensureTiers(db(), t.orgId);
    await markFirstRun(db(), s.store, '2027-01-01');
    const c = await makeCustomer(db(), s.store, { ownerId: s.guide.id, tier: 'platinum' });
    const plain = await makeCustomer(db(), s.store, { ownerId: s.guide.id, tier: 'silver' });
    const due = visitSlotDate(c.id, 2027, { key: 'spring_call', month: 3 });
    await run(s.store, addDays(due, -14));
    const [task] = await tasksOf(c.id);
    expect(task).toMatchObject({ owner_rule: 'vip_visit_plan', due_on: due, kind: 'call', assignee_id: s.guide.id });
    expect(await tasksOf(plain.id)).toHaveLength(0);
  });

  it('birthday (lunar 8/15) falls on 2027-09-15, Mid-Autumn: one task lists both reasons', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    const c = await makeCustomer(db(), s.store, { lunar: { month: 8, day: 15 }, ownerId: s.guide.id });
    const res = await run(s.store, '2027-09-15');
    expect(res.byRule.birthday).toBe(1);
    const tasks = await tasksOf(c.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ owner_rule: 'birthday', due_on: '2027-09-15' });
    expect(tasks[0]!.keys).toEqual(['birthday:lunar:2027', 'holiday:mid_autumn:2027']);
    const [item] = await tasksDueOn(db(), t.orgId, s.store.id, '2027-09-15', 'zh-CN');
    expect(item!.reasons.map((r) => r.text)).toEqual([
      expect.stringContaining('农历'),
      expect.stringContaining('中秋'),
    ]);
  });

  it.each([
    ['CN', 'Asia/Shanghai', 'zh-CN', 'CNY', '2027-05-09', 'mothers_day'],
    ['TW', 'Asia/Taipei', 'zh-TW', 'TWD', '2027-08-08', 'fathers_day'],
    ['HK', 'Asia/Hong_Kong', 'zh-TW', 'HKD', '2027-12-25', 'christmas'],
    ['JP', 'Asia/Tokyo', 'ja', 'JPY', '2027-01-01', 'shogatsu'],
  ])('holiday in %s: %s greets its audience only (%s)', async (country, timezone, locale, currency, date, holiday) => {
    const s = await storeWithStaff({ country, timezone, locale, currency });
    await markFirstRun(db(), s.store, '2026-12-01');
    const mother = await makeCustomer(db(), s.store, { gender: 'female', children: true, ownerId: s.guide.id });
    const woman = await makeCustomer(db(), s.store, { gender: 'female', ownerId: s.guide.id });
    const father = await makeCustomer(db(), s.store, { gender: 'male', children: true, ownerId: s.guide.id });
    const res = await run(s.store, date);
    const key = `holiday:${holiday}:${date.slice(0, 4)}`;
    const got = {
      mother: (await reasonsOf(mother.id)).includes(key),
      woman: (await reasonsOf(woman.id)).includes(key),
      father: (await reasonsOf(father.id)).includes(key),
    };
    if (holiday === 'mothers_day') expect(got).toEqual({ mother: true, woman: false, father: false });
    else if (holiday === 'fathers_day') expect(got).toEqual({ mother: false, woman: false, father: true });
    else expect(got).toEqual({ mother: true, woman: true, father: true });
    expect(res.byRule.holiday).toBe(Object.values(got).filter(Boolean).length);
  });

  it('season_change at 立春 (2027-02-04 in Shanghai)', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    const c = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    expect(solarTermDate('li_chun', 2027, 'Asia/Shanghai')).toBe('2027-02-04');
    const res = await run(s.store, '2027-02-04');
    expect(res.byRule.season_change).toBe(1);
    expect(await reasonsOf(c.id)).toEqual(['season_change:li_chun:2027']);
  });

  it('lapsed: a drifting customer 90 days after her last visit; win_back: a lost VIP after 180 days', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    const drifting = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    await setLastVisit(db(), s.store, drifting.id, '2026-12-17');
    await setMetrics(db(), s.store, drifting.id, { lapseStatus: 'drifting' });
    const lost = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    await setLastVisit(db(), s.store, lost.id, '2026-09-18');
    await setMetrics(db(), s.store, lost.id, { lapseStatus: 'lost', classValue: 'vip' });
    const lostOrdinary = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    await setLastVisit(db(), s.store, lostOrdinary.id, '2026-09-18');
    await setMetrics(db(), s.store, lostOrdinary.id, { lapseStatus: 'lost', classValue: 'ordinary' });
    const res = await run(s.store, '2027-03-17');
    expect(res.byRule).toMatchObject({ lapsed: 1, win_back: 1 });
    expect(await reasonsOf(drifting.id)).toEqual(['lapsed:2026-12-17']);
    // A lost VIP is also a key customer: her yearly visit slot falls on a day hashed from her (random) id,
    // which may be today — that reason belongs to vip_visit_plan's own test, not this one.
    const lostReasons = (await reasonsOf(lost.id)).filter((k) => !k.startsWith('vip_visit_plan:'));
    expect(lostReasons).toEqual(['win_back:2026-09-18:guide_message']);
    expect(await reasonsOf(lostOrdinary.id)).toEqual([]);
  });
});

describe('guards', () => {
  it('contact budget: 2 contacts in 30 days stop a birthday greeting, not the after-purchase call', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    const greeted = await makeCustomer(db(), s.store, { birthday: '1990-03-17', ownerId: s.guide.id });
    const bought = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    for (const c of [greeted, bought]) {
      await contact(s.store, c.id, '2027-03-01');
      await contact(s.store, c.id, '2027-03-12');
    }
    await makeReceipt(db(), s.store, { customerId: bought.id, date: '2027-03-10', total: 300_000 });
    const res = await run(s.store, '2027-03-17');
    expect(await reasonsOf(greeted.id)).toEqual([]);
    expect(await tasksOf(bought.id)).toMatchObject([{ owner_rule: 'after_purchase_call' }]);
    expect(res.suppressed).toBeGreaterThanOrEqual(1);
    // A complaint follow-up does not count.
    const third = await makeCustomer(db(), s.store, { birthday: '1990-03-18', ownerId: s.guide.id });
    await contact(s.store, third.id, '2027-03-01', 'complaint');
    await contact(s.store, third.id, '2027-03-12', 'complaint');
    await run(s.store, '2027-03-18');
    expect(await reasonsOf(third.id)).toEqual(['birthday:2027']);
  });

  it('no care consent, deceased, do-not-contact: no task', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    const b = { birthday: '1980-03-17', ownerId: s.guide.id };
    const refused = await makeCustomer(db(), s.store, { ...b, consents: [{ channel: 'email', granted: false }] });
    const never = await makeCustomer(db(), s.store, { ...b, consents: [] });
    const deceased = await makeCustomer(db(), s.store, { ...b, deceased: true });
    const dnc = await makeCustomer(db(), s.store, { ...b, doNotContact: true });
    const ok = await makeCustomer(db(), s.store, b);
    const res = await run(s.store, '2027-03-17');
    expect(res).toMatchObject({ created: 1, suppressed: 4 });
    for (const c of [refused, never, deceased, dnc]) expect(await tasksOf(c.id)).toEqual([]);
    expect(await reasonsOf(ok.id)).toEqual(['birthday:2027']);
    const [row] = await rows<{ suppressed: number }>(
      db(),
      sql`select suppressed from care_runs where store_id = ${s.store.id} and run_date = '2027-03-17'`,
    );
    expect(row!.suppressed).toBe(4);
  });

  it('same-day reasons make one task owned by the strongest; a later reason of that day joins it', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    const c = await makeCustomer(db(), s.store, { birthday: '1990-03-17', ownerId: s.guide.id });
    await makeReceipt(db(), s.store, { customerId: c.id, date: '2027-03-10', total: 300_000, sellerId: s.seller.id });
    await run(s.store, '2027-03-17');
    const tasks = await tasksOf(c.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ owner_rule: 'after_purchase_call', assignee_id: s.seller.id });
    expect(tasks[0]!.keys).toHaveLength(2);
  });
});

describe('no back-dating', () => {
  it('the first run creates nothing for occasions already past', async () => {
    const s = await storeWithStaff();
    const c = await makeCustomer(db(), s.store, { birthday: '1990-03-17', ownerId: s.guide.id });
    await makeReceipt(db(), s.store, { customerId: c.id, date: '2027-03-10', total: 300_000 });
    const res = await run(s.store, '2027-03-17'); // first run ever for this store
    expect(await tasksOf(c.id)).toMatchObject([{ owner_rule: 'birthday' }]);
    expect(res.byRule.after_purchase_call).toBe(0);
  });

  it('switching a rule on creates nothing for occasions before that day', async () => {
    const s = await storeWithStaff();
    await markFirstRun(db(), s.store, '2027-01-01');
    await setRuleEnabled(db(), { orgId: t.orgId, userId: null }, 'after_purchase_call', false, { today: '2027-03-01' });
    const c = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    await makeReceipt(db(), s.store, { customerId: c.id, date: '2027-03-10', total: 300_000 });
    const later = await makeCustomer(db(), s.store, { ownerId: s.guide.id });
    await makeReceipt(db(), s.store, { customerId: later.id, date: '2027-03-18', total: 300_000 });
    await setRuleEnabled(db(), { orgId: t.orgId, userId: null }, 'after_purchase_call', true, { today: '2027-03-17' });
    await run(s.store, '2027-03-17');
    expect(await tasksOf(c.id)).toEqual([]);
    await run(s.store, '2027-03-25');
    expect(await tasksOf(later.id)).toMatchObject([{ owner_rule: 'after_purchase_call', due_on: '2027-03-25' }]);
    // Leave the organisation's settings as they were for the other tests.
    await db().execute(sql`delete from care_rule_activity where org_id = ${t.orgId}`);
    await db().execute(sql`delete from care_settings where org_id = ${t.orgId}`);
  });
});

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

describe('settings', () => {
  it('switching a rule on records the day; off keeps it; the defaults come from the seeds', async () => {
    const actor = { orgId: t.orgId, userId: null };
    const before = await getCareSettings(db(), t.orgId);
    expect(before.settings.rules.after_purchase_call.delayDays).toBe(7);
    expect(before.settings.escalation.afterDays).toBe(2);
    await setRuleEnabled(db(), actor, 'holiday', false, { today: '2027-04-01' });
    expect((await getCareSettings(db(), t.orgId)).activity.holiday).toEqual({
      enabled: false,
      activeSince: '2027-04-01',
    });
    const on = await setRuleEnabled(db(), actor, 'holiday', true, { today: '2027-04-05' });
    expect(on.activity.holiday).toEqual({ enabled: true, activeSince: '2027-04-05' });
    expect(on.settings.rules.holiday.enabled).toBe(true);
    await expect(
      updateCareSettings(db(), actor, { guards: { budget: { maxContacts: 0 } } } as never),
    ).rejects.toThrow();
    await db().execute(sql`delete from care_rule_activity where org_id = ${t.orgId}`);
    await db().execute(sql`delete from care_settings where org_id = ${t.orgId}`);
  });
});
