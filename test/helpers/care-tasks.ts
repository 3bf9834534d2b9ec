// One organisation for the care-task API tests (test/api/care-tasks-*.test.ts): the main store with a
// manager (mgr) and two guides (lin, zhou), the Ginza store with its guide (sato), each store's
// local day, and helpers that add customers through the API and insert tasks straight into the
// database (the generation engine is tested on its own).
import { expect } from 'vitest';
import { localDateOf } from '../../src/domain/care';
import { careTaskReasons, careTasks } from '../../src/server/db/schema';
import { createTestApp, loginAs, OWNER, type Client, type TestApp, addGinzaStore, addUser } from './app';

export type TaskOpts = {
  storeId?: string;
  customerId?: string;
  assigneeId?: string | null;
  dueOn?: string;
  kind?: string;
  category?: string;
  rule?: string;
  params?: Record<string, unknown>;
  extraReasons?: Array<{ rule: string; params?: Record<string, unknown> }>;
};

export type CareTasksTestApp = {
  t: TestApp;
  owner: Client;
  manager: Client;
  guide: Client;
  guide2: Client;
  otherGuide: Client;
  managerId: string;
  guideId: string;
  guide2Id: string;
  otherGuideId: string;
  storeB: string;
  /** The main store's local day. */
  today: string;
  /** The Ginza store's local day. */
  todayB: string;
  /** A customer of the store (default: the main one) with phone, email and care consents. */
  customer(storeId?: string, extra?: Record<string, unknown>): Promise<{ id: string; storeId: string }>;
  /** An open task (default: a birthday message due today, assigned to lin, for a new customer). */
  task(o?: TaskOpts): Promise<{ id: string; customerId: string; version: number }>;
};

/** The ids of a task list response's items. */
export const ids = (res: { json(): { items: Array<{ id: string }> } }) => res.json().items.map((x) => x.id);

export async function createCareTasksTestApp(): Promise<CareTasksTestApp> {
  const t = await createTestApp();
  const owner = await loginAs(t.app, OWNER.email, OWNER.password);

  const user = (email: string, role: string, storeIds: string[]) => addUser(t.app, owner, email, role, storeIds);

  async function customer(storeId = t.mainStoreId, extra: Record<string, unknown> = {}) {
    const res = await owner.post('/api/customers', {
      storeId,
      familyName: '王',
      givenName: '丽华',
      gender: 'female',
      email: `wang.${Math.random().toString(36).slice(2)}@example.com`,
      phones: [{ number: '13900139000' }],
      consents: [
        { channel: 'email', purpose: 'care', granted: true },
        { channel: 'phone', purpose: 'care', granted: true },
        { channel: 'sms', purpose: 'care', granted: true },
      ],
      profile: { clothingSize: 'M', family: [{ relation: 'child', name: '小雨' }], notes: '喜欢素色' },
      allowDuplicate: true,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; storeId: string };
  }

  const storeB = await addGinzaStore(owner);
  const mgr = await user('mgr@test.example', 'store_manager', [t.mainStoreId]);
  const lin = await user('lin@test.example', 'staff', [t.mainStoreId]);
  const zhou = await user('zhou@test.example', 'staff', [t.mainStoreId]);
  const sato = await user('sato@test.example', 'staff', [storeB]);
  const stores = (await owner.get('/api/stores')).json() as Array<{ id: string; timezone: string }>;
  const tz = (id: string) =>
    (Array.isArray(stores) ? stores : (stores as { items: typeof stores }).items).find((s) => s.id === id)!.timezone;
  const today = localDateOf(new Date(), tz(t.mainStoreId));
  const todayB = localDateOf(new Date(), tz(storeB));
  const guideId = lin.id;

  let seq = 0;
  async function task(o: TaskOpts = {}) {
    const storeId = o.storeId ?? t.mainStoreId;
    const customerId = o.customerId ?? (await customer(storeId)).id;
    const dueOn = o.dueOn ?? today;
    const rule = o.rule ?? 'birthday';
    const key = `${rule}:${++seq}`;
    const [row] = await t.database.db
      .insert(careTasks)
      .values({
        orgId: t.orgId,
        storeId,
        customerId,
        ownerRule: rule,
        ownerKey: key,
        kind: o.kind ?? 'message',
        category: o.category ?? 'birthday',
        channels: ['sms', 'email'],
        assigneeRole: 'owner_guide',
        assigneeId: o.assigneeId === undefined ? guideId : o.assigneeId,
        createOn: dueOn,
        dueOn,
        originalDueOn: dueOn,
      })
      .returning();
    const reasons = [{ rule, params: o.params ?? { date: dueOn } }, ...(o.extraReasons ?? [])];
    for (const [i, r] of reasons.entries())
      await t.database.db.insert(careTaskReasons).values({
        orgId: t.orgId,
        taskId: row!.id,
        customerId,
        ruleId: r.rule,
        occasionKey: `${key}:${i}`,
        dueOn,
        params: r.params ?? {},
      });
    return { id: row!.id, customerId, version: row!.version };
  }

  return {
    t,
    owner,
    manager: mgr.client,
    guide: lin.client,
    guide2: zhou.client,
    otherGuide: sato.client,
    managerId: mgr.id,
    guideId,
    guide2Id: zhou.id,
    otherGuideId: sato.id,
    storeB,
    today,
    todayB,
    customer,
    task,
  };
}
