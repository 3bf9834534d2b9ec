// Segments and tags through app.inject on a real database: every kind of condition, nested groups,
// dates relative to each store's today (a lunar birthday next month among them), store isolation,
// validation errors with field paths, saved segments, their customers and their export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { localDateOf } from '../../src/domain/care/dates';
import { solarToLunar } from '../../src/domain/lunar';
import {
  auditEvents,
  customerConsents,
  customerCustomValues,
  customerMetrics,
  customFieldSections,
  customFields,
  customers,
  stores,
  tierDefinitions,
} from '../../src/server/db/schema';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Client;
let staffA: Client;
let staffB: Client;
let staffAId: string;
let storeB: string;
const ids: Record<string, string> = {};
let vipTag: string;

const labels = (en: string) => ({ en, 'zh-CN': en, 'zh-TW': en, ja: en });
const DAY = 86_400_000;

/** The 15th of the month after `today`, and a day of this month that is not in next month. */
function nextMonth15(today: string) {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
  return `${ny}-${String(nm).padStart(2, '0')}-15`;
}

async function create(as: Client, storeId: string, givenName: string, extra: Record<string, unknown> = {}) {
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
}

async function metrics(customerId: string, storeId: string, values: Partial<typeof customerMetrics.$inferInsert>) {
  await t.database.db.insert(customerMetrics).values({
    customerId,
    orgId: t.orgId,
    storeId,
    currency: storeId === storeB ? 'JPY' : 'CNY',
    asOf: new Date().toISOString().slice(0, 10),
    ...values,
  });
}

type Body = { conditions: unknown[]; op?: 'and' | 'or'; storeId?: string };
async function preview(as: Client, body: Body) {
  const res = await as.post('/api/segments/preview', {
    definition: { kind: 'group', op: body.op ?? 'and', conditions: body.conditions },
    storeId: body.storeId,
  });
  expect(res.statusCode, res.body).toBe(200);
  const json = res.json() as { count: number; sample: Array<{ id: string; displayName: string; phoneMasked: string }> };
  return { ...json, names: json.sample.map((s) => s.displayName.replace(/林\s*/, '')).sort() };
}
const names = async (as: Client, ...conditions: unknown[]) => (await preview(as, { conditions })).names;

const GOLD_UP = { kind: 'tier', op: 'rank_at_least', rank: 2 };
const DRIFTING = { kind: 'class', class: 'lapseStatus', values: ['drifting'] };
const BIRTHDAY_NEXT = { kind: 'birthday', when: 'next_month' };
const SMS = { kind: 'consent', channel: 'sms', purpose: 'marketing' };

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  storeB = (
    await owner.post('/api/stores', {
      code: 'GNZ',
      name: '銀座店',
      country: 'JP',
      currency: 'JPY',
      timezone: 'Asia/Tokyo',
      locale: 'ja',
    })
  ).json().id;
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
  staffA = a.client;
  staffAId = a.id;
  staffB = (await mk('sato@test.example', storeB)).client;

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
  vipTag = tag.json().id;
  expect((await staffA.request({ method: 'PUT', url: `/api/customers/${ids['美']}/tags/${vipTag}` })).statusCode).toBe(
    200,
  );
  expect((await staffA.request({ method: 'PUT', url: `/api/customers/${ids['才']}/tags/${vipTag}` })).statusCode).toBe(
    200,
  );
});
afterAll(() => t.close());

describe('segment conditions', () => {
  it('finds "gold or above, drifting, birthday next month, consents to SMS" in each store by its own today', async () => {
    const p = await preview(owner, { conditions: [GOLD_UP, DRIFTING, BIRTHDAY_NEXT, SMS] });
    expect(p.names).toEqual(['美', '芳'].sort());
    expect(p.count).toBe(2);
    expect(p.sample[0]!.phoneMasked).toMatch(/\*{4}/);
  });

  it('staff count only their own store’s customers, and cannot aim at another store', async () => {
    expect((await preview(staffA, { conditions: [GOLD_UP, DRIFTING, BIRTHDAY_NEXT, SMS] })).names).toEqual(['美']);
    expect((await preview(staffB, { conditions: [] })).names).toEqual(['芳']);
    const res = await staffA.post('/api/segments/preview', {
      definition: { kind: 'group', op: 'and', conditions: [] },
      storeId: storeB,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: 'body.storeId', code: 'store_not_accessible' });
    // The store condition cannot widen the caller's reach either.
    expect(await names(staffA, { kind: 'store', storeIds: [storeB] })).toEqual([]);
    expect(await names(owner, { kind: 'store', storeIds: [storeB] })).toEqual(['芳']);
  });

  it('birthdays: solar, lunar (converted to this year’s solar date), either, this month, within days', async () => {
    expect(await names(staffA, { kind: 'birthday', when: 'next_month', calendar: 'lunar' })).toEqual(['蓓']);
    expect(await names(staffA, { kind: 'birthday', when: 'next_month', calendar: 'solar' })).toEqual(['美']);
    expect(await names(staffA, { kind: 'birthday', when: 'next_month' })).toEqual(['美', '蓓'].sort());
    expect(await names(staffA, { kind: 'birthday', when: 'this_month', calendar: 'lunar' })).toEqual(['朵']);
    // Within 75 days from today reaches the 15th of next month.
    expect(await names(staffA, { kind: 'birthday', when: 'within_days', days: 75 })).toEqual(
      expect.arrayContaining(['美', '蓓']),
    );
    expect(await names(staffA, { kind: 'birthday', when: 'within_days', days: 0, calendar: 'solar' })).toEqual([]);
  });

  it('consent: the latest record per channel and purpose is in force', async () => {
    expect(await names(staffA, SMS)).toEqual(['才', '朵', '美'].sort());
    expect(await names(staffA, { ...SMS, granted: false })).toEqual(['伊', '蓓'].sort());
    expect(await names(staffA, { kind: 'consent', channel: 'email', purpose: 'marketing' })).toEqual([]);
  });

  it('tier: keys, rank at least, none', async () => {
    expect(await names(staffA, GOLD_UP)).toEqual(['美', '蓓', '朵'].sort());
    expect(await names(staffA, { kind: 'tier', op: 'in', keys: ['silver', 'diamond'] })).toEqual(['才', '朵'].sort());
    expect(await names(staffA, { kind: 'tier', op: 'none' })).toEqual(['伊']);
  });

  it('classes and metrics; a customer without metrics counts as never bought', async () => {
    expect(await names(staffA, { kind: 'class', class: 'classAbcd', values: ['A', 'B'] })).toEqual(['美', '蓓'].sort());
    expect(await names(staffA, { kind: 'class', class: 'rfmSegment', values: ['at_risk'] })).toEqual(['美']);
    expect(await names(staffA, { kind: 'class', class: 'lapseStatus', values: ['none'] })).toEqual(['伊']);
    expect(
      await names(staffA, { kind: 'class', class: 'loyaltyStage', values: ['suspect', 'first_purchase'] }),
    ).toEqual(['伊', '才'].sort());
    expect(
      await names(staffA, { kind: 'metric', metric: 'monetaryWindow', op: 'gte', value: 300_000, currency: 'CNY' }),
    ).toEqual(['美', '蓓'].sort());
    // The same amount in yen is another currency: her yuan do not count.
    expect(
      await names(owner, { kind: 'metric', metric: 'monetaryWindow', op: 'gte', value: 300_000, currency: 'JPY' }),
    ).toEqual(['芳']);
    expect(await names(staffA, { kind: 'metric', metric: 'pAlive', op: 'between', value: 0.4, value2: 0.5 })).toEqual([
      '美',
    ]);
    expect(await names(staffA, { kind: 'metric', metric: 'pAlive', op: 'not_set' })).toEqual(
      ['伊', '才', '朵', '蓓'].sort(),
    );
  });

  it('purchases relative to today: bought within, not within, first within', async () => {
    expect(await names(staffA, { kind: 'purchase', op: 'bought_within', days: 30 })).toEqual(['才']);
    expect(await names(staffA, { kind: 'purchase', op: 'bought_within', days: 90 })).toEqual(['才', '蓓'].sort());
    expect(await names(staffA, { kind: 'purchase', op: 'not_bought_within', days: 90 })).toEqual(
      ['伊', '朵', '美'].sort(),
    );
    expect(await names(staffA, { kind: 'purchase', op: 'first_within', days: 7 })).toEqual(['才']);
  });

  it('profile fields, custom fields, tags, owner guide', async () => {
    expect(
      await names(staffA, { kind: 'profile', field: 'gender', op: 'in', values: ['male', 'undisclosed'] }),
    ).toEqual(['伊', '才'].sort());
    expect(await names(staffA, { kind: 'profile', field: 'ageBand', op: 'in', values: ['30s'] })).toEqual(['美']);
    expect(await names(staffA, { kind: 'profile', field: 'source', op: 'in', values: ['referral'] })).toEqual(['美']);
    expect(await names(staffA, { kind: 'profile', field: 'address', op: 'contains', text: '静安' })).toEqual(['美']);
    expect(await names(staffA, { kind: 'profile', field: 'address', op: 'contains', text: '%' })).toEqual([]);
    expect(await names(staffA, { kind: 'custom', fieldKey: 'hobby', op: 'in', values: ['tea'] })).toEqual(
      ['美', '蓓'].sort(),
    );
    expect(await names(staffA, { kind: 'custom', fieldKey: 'kids', op: 'gte', value: 1 })).toEqual(['美']);
    expect(await names(staffA, { kind: 'custom', fieldKey: 'kids', op: 'is_set' })).toEqual(['才', '美'].sort());
    expect(await names(staffA, { kind: 'tag', op: 'any', tagIds: [vipTag] })).toEqual(['才', '美'].sort());
    expect(await names(staffA, { kind: 'tag', op: 'none', tagIds: [vipTag] })).toEqual(['伊', '朵', '蓓'].sort());
    // The guide who files a customer becomes her owner; 伊 has none.
    expect(await names(staffA, { kind: 'owner', op: 'in', userIds: [staffAId] })).toEqual(
      ['才', '朵', '美', '蓓'].sort(),
    );
    expect(await names(staffA, { kind: 'owner', op: 'none' })).toEqual(['伊']);
  });

  it('nested AND/OR groups', async () => {
    // (diamond OR class A) AND NOT tagged… expressed as: tier diamond or (class A and tag VIP)
    const p = await preview(staffA, {
      op: 'or',
      conditions: [
        { kind: 'tier', op: 'in', keys: ['diamond'] },
        {
          kind: 'group',
          op: 'and',
          conditions: [
            { kind: 'class', class: 'classAbcd', values: ['A'] },
            { kind: 'tag', op: 'all', tagIds: [vipTag] },
          ],
        },
      ],
    });
    expect(p.names).toEqual(['朵', '美'].sort());
    expect(await names(staffA, { kind: 'group', op: 'or', conditions: [] })).toEqual([]);
  });
});

describe('validation', () => {
  const post = (conditions: unknown[]) =>
    owner.post('/api/segments/preview', { definition: { kind: 'group', op: 'and', conditions } });

  it('names the offending field of a nested condition', async () => {
    const res = await post([
      { kind: 'group', op: 'or', conditions: [GOLD_UP, { kind: 'class', class: 'classAbcd', values: ['A', 'Z'] }] },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({ field: 'body.definition.conditions.0.conditions.1.values.1' }),
    ]);
    const money = await post([{ kind: 'metric', metric: 'monetaryWindow', op: 'gte', value: 1 }]);
    expect(money.json().fields[0]).toMatchObject({ field: 'body.definition.conditions.0.currency' });
    const days = await post([{ kind: 'birthday', when: 'within_days' }]);
    expect(days.json().fields[0]).toMatchObject({ field: 'body.definition.conditions.0.days' });
    const kind = await post([{ kind: 'horoscope' }]);
    expect(kind.statusCode).toBe(400);
    const custom = await post([{ kind: 'custom', fieldKey: 'no_such', op: 'is_set' }]);
    expect(custom.statusCode).toBe(400);
    expect(custom.json().fields[0]).toMatchObject({
      field: 'body.definition.conditions.0.fieldKey',
      code: 'unknown_field',
    });
  });

  it('refuses trees deeper or larger than the limits', async () => {
    let deep: unknown = GOLD_UP;
    for (let i = 0; i < 5; i += 1) deep = { kind: 'group', op: 'and', conditions: [deep] };
    const res = await post([deep]);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().fields)).toMatch(/nest at most/);
    const wide = await post(Array.from({ length: 41 }, () => GOLD_UP));
    expect(wide.statusCode).toBe(400);
  });
});

describe('saved segments', () => {
  it('saves, lists with counts, pages its customers, exports masked and audited, and limits editing', async () => {
    const definition = { kind: 'group', op: 'and', conditions: [GOLD_UP, DRIFTING, BIRTHDAY_NEXT, SMS] };
    const saved = await staffA.post('/api/segments', { name: '金卡以上·沉睡·下月生日', definition });
    expect(saved.statusCode, saved.body).toBe(201);
    const id = saved.json().id as string;
    expect(saved.json()).toMatchObject({ name: '金卡以上·沉睡·下月生日', ownerName: 'lin', canEdit: true });

    const list = (await staffA.get('/api/segments?withCounts=true')).json().items;
    expect(list).toEqual([expect.objectContaining({ id, count: 1 })]);
    // The owner sees the same saved segment over all her stores.
    const ownerList = (await owner.get('/api/segments?withCounts=true')).json().items;
    expect(ownerList).toEqual([expect.objectContaining({ id, count: 2, canEdit: true })]);
    // Staff of another store may use it but not change it.
    expect((await staffB.get(`/api/segments/${id}`)).json().canEdit).toBe(false);
    expect((await staffB.patch(`/api/segments/${id}`, { name: 'x' })).statusCode).toBe(403);

    const page1 = (await owner.get(`/api/segments/${id}/customers?limit=1`)).json();
    expect(page1.count).toBe(2);
    expect(page1.items).toHaveLength(1);
    const page2 = (await owner.get(`/api/segments/${id}/customers?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect(new Set([page1.items[0].id, page2.items[0].id])).toEqual(new Set([ids['美'], ids['芳']]));

    const csv = await staffA.get(`/api/segments/${id}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('林美');
    expect(lines[1]).toMatch(/\*{4}/); // staff get masked contacts
    const ownerCsv = await owner.request({
      method: 'GET',
      url: `/api/segments/${id}/export`,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(ownerCsv.body).toContain('会员号');
    expect(ownerCsv.body).not.toMatch(/139\*{4}/);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'customers.exported'));
    expect(audit.map((a) => a.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rows: 1, masked: true, segment: '金卡以上·沉睡·下月生日', complete: true }),
        expect.objectContaining({ rows: 2, masked: false }),
      ]),
    );

    const renamed = await staffA.patch(`/api/segments/${id}`, { name: '下月生日的金卡' });
    expect(renamed.json().name).toBe('下月生日的金卡');
    expect((await staffB.del(`/api/segments/${id}`)).statusCode).toBe(403);
    expect((await staffA.del(`/api/segments/${id}`)).statusCode).toBe(200);
    expect((await staffA.get(`/api/segments/${id}`)).statusCode).toBe(404);
  });

  it('a segment saved for one store is not visible from another', async () => {
    const res = await staffA.post('/api/segments', {
      name: '本店',
      storeId: t.mainStoreId,
      definition: { kind: 'group', op: 'and', conditions: [] },
    });
    expect(res.statusCode).toBe(201);
    expect((await staffB.get(`/api/segments/${res.json().id}`)).statusCode).toBe(404);
    expect(
      (
        await staffB.post('/api/segments', {
          name: 'x',
          storeId: t.mainStoreId,
          definition: { kind: 'group', op: 'and', conditions: [] },
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('tags', () => {
  it('lists with counts, refuses a duplicate name, only managers create, assign and unassign', async () => {
    const list = (await staffA.get('/api/tags')).json().items;
    expect(list).toEqual([expect.objectContaining({ id: vipTag, name: 'VIP 沙龙', customers: 2 })]);
    expect((await staffB.get('/api/tags')).json().items[0].customers).toBe(0);
    const dup = await owner.post('/api/tags', { name: 'vip 沙龙' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fields[0]).toMatchObject({ field: 'body.name', code: 'tag_name_taken' });
    expect((await staffA.post('/api/tags', { name: '新客' })).statusCode).toBe(403);
    expect((await staffA.get(`/api/customers/${ids['美']}/tags`)).json().items).toEqual([
      expect.objectContaining({ name: 'VIP 沙龙', colour: 'grape' }),
    ]);
    // Another store's customer is "not found" to staff.
    expect(
      (await staffB.request({ method: 'PUT', url: `/api/customers/${ids['美']}/tags/${vipTag}` })).statusCode,
    ).toBe(404);
    expect((await staffA.del(`/api/customers/${ids['才']}/tags/${vipTag}`)).statusCode).toBe(200);
    expect(await names(staffA, { kind: 'tag', op: 'any', tagIds: [vipTag] })).toEqual(['美']);
    expect((await owner.del(`/api/tags/${vipTag}`)).statusCode).toBe(200);
    expect(await names(staffA, { kind: 'tag', op: 'any', tagIds: [vipTag] })).toEqual([]);
  });

  it('records who created, deleted, put on and took off a tag in the audit log', async () => {
    const tag = (await owner.post('/api/tags', { name: '礼品顾客', colour: 'pink' })).json();
    expect((await owner.patch(`/api/tags/${tag.id}`, { colour: 'teal' })).statusCode).toBe(200);
    const url = `/api/customers/${ids['蓓']}/tags/${tag.id}`;
    expect((await staffA.request({ method: 'PUT', url })).statusCode).toBe(200);
    expect((await staffA.del(url)).statusCode).toBe(200);
    expect((await owner.del(`/api/tags/${tag.id}`)).statusCode).toBe(200);
    const onTag = (await owner.get(`/api/audit?entityId=${tag.id}`)).json().items;
    expect(onTag.map((e: { action: string }) => e.action).sort()).toEqual([
      'tag.created',
      'tag.deleted',
      'tag.updated',
    ]);
    const onHer = (await owner.get(`/api/audit?entityId=${ids['蓓']}`)).json().items;
    expect(
      onHer
        .filter((e: { details: { tagId?: string } }) => e.details.tagId === tag.id)
        .map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['customer.tag_added', 'customer.tag_removed']);
  });

  it('records who saved, changed and deleted a segment in the audit log', async () => {
    const saved = await staffA.post('/api/segments', {
      name: '审计用客群',
      definition: { kind: 'group', op: 'and', conditions: [SMS] },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const id = saved.json().id as string;
    expect((await staffA.patch(`/api/segments/${id}`, { name: '审计用客群·改' })).statusCode).toBe(200);
    expect((await staffA.del(`/api/segments/${id}`)).statusCode).toBe(200);
    const events = (await owner.get(`/api/audit?entityId=${id}`)).json().items as Array<{
      action: string;
      details: Record<string, unknown>;
    }>;
    expect(events.map((e) => e.action).sort()).toEqual(['segment.created', 'segment.deleted', 'segment.updated']);
    expect(events.find((e) => e.action === 'segment.updated')?.details.fields).toEqual(['name']);
    expect(events.find((e) => e.action === 'segment.deleted')?.details.name).toBe('审计用客群·改');
  });
});
