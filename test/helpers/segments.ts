// One organisation for the segment and tag tests (test/api/segments-*.test.ts), built through the API
// and the database like a real brand's, and the helpers that preview a segment over it.
//
// Main store (staff lin), all with a metrics row but 伊, all owned by lin but 伊:
//   美 gold, drifting, class A, at_risk, solar birthday next month, SMS, 30s, referral, 静安 address,
//      hobby golf+tea, 2 kids, tag VIP 沙龙;
//   蓓 platinum, drifting, class B, lunar birthday next month, SMS withdrawn later, hobby tea;
//   才 silver, active, class C, first purchase 3 days ago, SMS, male, 0 kids, tag VIP 沙龙;
//   朵 diamond, lost, class D, lunar birthday this month, SMS;
//   伊 no tier, no metrics, no consent, no owner, gender undisclosed.
// Ginza store (staff sato, JPY): 芳 gold, drifting, solar birthday next month, SMS.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { localDateOf } from '../../src/domain/care/dates';
import { solarToLunar } from '../../src/domain/lunar';
import {
  customerConsents,
  customerCustomValues,
  customerMetrics,
  customFieldSections,
  customFields,
  customers,
  stores,
  tierDefinitions,
} from '../../src/server/db/schema';
import { createTestApp, loginAs, OWNER, type Client, type TestApp, addGinzaStore } from './app';

export type SegmentsTestApp = {
  t: TestApp;
  owner: Client;
  staffA: Client;
  staffB: Client;
  staffAId: string;
  storeB: string;
  /** Customer ids by given name. */
  ids: Record<string, string>;
  vipTag: string;
};

export const GOLD_UP = { kind: 'tier', op: 'rank_at_least', rank: 2 };
export const DRIFTING = { kind: 'class', class: 'lapseStatus', values: ['drifting'] };
export const BIRTHDAY_NEXT = { kind: 'birthday', when: 'next_month' };
export const SMS = { kind: 'consent', channel: 'sms', purpose: 'marketing' };

type Body = { conditions: unknown[]; op?: 'and' | 'or'; storeId?: string };
export async function preview(as: Client, body: Body) {
  const res = await as.post('/api/segments/preview', {
    definition: { kind: 'group', op: body.op ?? 'and', conditions: body.conditions },
    storeId: body.storeId,
  });
  expect(res.statusCode, res.body).toBe(200);
  const json = res.json() as { count: number; sample: Array<{ id: string; displayName: string; phoneMasked: string }> };
  return { ...json, names: json.sample.map((s) => s.displayName.replace(/林\s*/, '')).sort() };
}
/** The given names the conditions find, sorted. */
export const names = async (as: Client, ...conditions: unknown[]) => (await preview(as, { conditions })).names;

const labels = (en: string) => ({ en, 'zh-CN': en, 'zh-TW': en, ja: en });
const DAY = 86_400_000;

/** The 15th of the month after `today`, and a day of this month that is not in next month. */
function nextMonth15(today: string) {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
  return `${ny}-${String(nm).padStart(2, '0')}-15`;
}

export async function createSegmentsTestApp(): Promise<SegmentsTestApp> {
  const t = await createTestApp();
  const owner = await loginAs(t.app, OWNER.email, OWNER.password);
  const storeB = await addGinzaStore(owner);
  const mk = async (email: string, storeId: string) => {
    const res = await owner.post('/api/users', {
      email,
      displayName: email.split('@')[0],
      role: 'staff',
      password: 'password-12345',
      storeIds: [storeId],
    });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id as string, client: await loginAs(t.app, email, 'password-12345') };
  };
  const a = await mk('lin@test.example', t.mainStoreId);
  const staffA = a.client;
  const staffAId = a.id;
  const staffB = (await mk('sato@test.example', storeB)).client;

  const ids: Record<string, string> = {};
  const create = async (as: Client, storeId: string, givenName: string, extra: Record<string, unknown> = {}) => {
    const res = await as.post('/api/customers', {
      storeId,
      familyName: '林',
      givenName,
      phones: [
        { number: storeId === storeB ? '09012345678' : `1390013${String(Object.keys(ids).length).padStart(4, '0')}` },
      ],
      allowDuplicate: true,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[givenName] = res.json().id;
    return res.json().id as string;
  };
  const metrics = async (customerId: string, storeId: string, values: Partial<typeof customerMetrics.$inferInsert>) => {
    await t.database.db.insert(customerMetrics).values({
      customerId,
      orgId: t.orgId,
      storeId,
      currency: storeId === storeB ? 'JPY' : 'CNY',
      asOf: new Date().toISOString().slice(0, 10),
      ...values,
    });
  };

  const db = t.database.db;
  // The bootstrap already seeds these four default tiers (same keys and ranks); keep them if present.
  await db
    .insert(tierDefinitions)
    .values(
      ['silver', 'gold', 'platinum', 'diamond'].map((key, i) => ({
        orgId: t.orgId,
        key,
        rank: i + 1,
        labels: labels(key),
      })),
    )
    .onConflictDoNothing();
  const [storeA] = await db.select().from(stores).where(eq(stores.id, t.mainStoreId));
  const todayA = localDateOf(new Date(), storeA!.timezone);
  const todayB = localDateOf(new Date(), 'Asia/Tokyo');
  const lunarNext = solarToLunar(nextMonth15(todayA));
  // A lunar birthday on the first day of this month's lunar date: falls this month, never next month.
  const lunarThis = solarToLunar(`${todayA.slice(0, 8)}01`);
  const sms = [{ channel: 'sms', purpose: 'marketing', granted: true }];

  await create(staffA, t.mainStoreId, '美', {
    gender: 'female',
    ageBand: '30s',
    source: 'referral',
    addresses: [{ text: '上海市静安区南京西路 1 号' }],
    birthday: `1988-${nextMonth15(todayA).slice(5)}`,
    consents: sms,
    ownerUserId: staffAId,
  });
  await create(staffA, t.mainStoreId, '蓓', {
    gender: 'female',
    lunarBirthday: { month: lunarNext.month, day: lunarNext.day, isLeapMonth: lunarNext.isLeap },
    consents: sms,
  });
  await create(staffA, t.mainStoreId, '才', { gender: 'male', consents: sms });
  await create(staffA, t.mainStoreId, '朵', {
    gender: 'female',
    lunarBirthday: { month: lunarThis.month, day: lunarThis.day, isLeapMonth: lunarThis.isLeap },
    consents: sms,
  });
  await create(staffA, t.mainStoreId, '伊', { gender: 'undisclosed' });
  await create(staffB, storeB, '芳', {
    gender: 'female',
    birthday: `1990-${nextMonth15(todayB).slice(5)}`,
    consents: sms,
  });

  const tier = (name: string, key: string | null) =>
    db.update(customers).set({ tier: key }).where(eq(customers.id, ids[name]!));
  await tier('美', 'gold');
  await tier('蓓', 'platinum');
  await tier('才', 'silver');
  await tier('朵', 'diamond');
  await tier('芳', 'gold');
  await db.update(customers).set({ ownerUserId: null }).where(eq(customers.id, ids['伊']!));
  // 蓓 withdrew her SMS consent later: the latest record is in force.
  await db.insert(customerConsents).values({
    orgId: t.orgId,
    customerId: ids['蓓']!,
    channel: 'sms',
    purpose: 'marketing',
    granted: false,
    method: 'verbal',
    recordedAt: new Date(Date.now() + 1000),
  });
  const now = Date.now();
  await metrics(ids['美']!, t.mainStoreId, {
    lapseStatus: 'drifting',
    loyaltyStage: 'repeat',
    classAbcd: 'A',
    rfmSegment: 'at_risk',
    monetaryWindow: 800_000,
    frequencyLifetime: 6,
    pAlive: 0.42,
    firstPurchaseAt: new Date(now - 400 * DAY),
    lastPurchaseAt: new Date(now - 100 * DAY),
  });
  await metrics(ids['蓓']!, t.mainStoreId, {
    lapseStatus: 'drifting',
    loyaltyStage: 'repeat',
    classAbcd: 'B',
    monetaryWindow: 300_000,
    firstPurchaseAt: new Date(now - 300 * DAY),
    lastPurchaseAt: new Date(now - 80 * DAY),
  });
  await metrics(ids['才']!, t.mainStoreId, {
    lapseStatus: 'active',
    loyaltyStage: 'first_purchase',
    classAbcd: 'C',
    monetaryWindow: 100_000,
    firstPurchaseAt: new Date(now - 3 * DAY),
    lastPurchaseAt: new Date(now - 3 * DAY),
  });
  await metrics(ids['朵']!, t.mainStoreId, { lapseStatus: 'lost', loyaltyStage: 'repeat', classAbcd: 'D' });
  await metrics(ids['芳']!, storeB, { lapseStatus: 'drifting', loyaltyStage: 'repeat', monetaryWindow: 800_000 });

  const [section] = await db
    .insert(customFieldSections)
    .values({ orgId: t.orgId, key: 'life', labels: labels('Life') })
    .returning();
  const [hobby] = await db
    .insert(customFields)
    .values({
      orgId: t.orgId,
      sectionId: section!.id,
      key: 'hobby',
      type: 'multi_choice',
      labels: labels('Hobby'),
      options: [
        { value: 'golf', labels: labels('Golf') },
        { value: 'tea', labels: labels('Tea') },
      ],
    })
    .returning();
  const [kids] = await db
    .insert(customFields)
    .values({ orgId: t.orgId, sectionId: section!.id, key: 'kids', type: 'number', labels: labels('Children') })
    .returning();
  await db.insert(customerCustomValues).values([
    { orgId: t.orgId, customerId: ids['美']!, fieldId: hobby!.id, value: ['golf', 'tea'] },
    { orgId: t.orgId, customerId: ids['蓓']!, fieldId: hobby!.id, value: ['tea'] },
    { orgId: t.orgId, customerId: ids['美']!, fieldId: kids!.id, value: 2 },
    { orgId: t.orgId, customerId: ids['才']!, fieldId: kids!.id, value: 0 },
  ]);
  const tag = await owner.post('/api/tags', { name: 'VIP 沙龙', colour: 'grape' });
  expect(tag.statusCode, tag.body).toBe(201);
  const vipTag = tag.json().id as string;
  expect((await staffA.request({ method: 'PUT', url: `/api/customers/${ids['美']}/tags/${vipTag}` })).statusCode).toBe(
    200,
  );
  expect((await staffA.request({ method: 'PUT', url: `/api/customers/${ids['才']}/tags/${vipTag}` })).statusCode).toBe(
    200,
  );
  return { t, owner, staffA, staffB, staffAId, storeB, ids, vipTag };
}
