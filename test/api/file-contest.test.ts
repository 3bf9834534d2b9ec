// The customer-file contest (seed 001): per owner guide, quantity and quality, ranked; by store and period.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Client;
let manager: Client;
let guideA: Client;
let storeB: string;
const ids: Record<string, string> = {};
let phoneNo = 0;

type Row = {
  userId: string | null;
  name: string | null;
  customers: number;
  averageCompleteness: number;
  richFiles: number;
  changedLast30Days: number;
  score: number;
  rank: number | null;
};
const contest = async (c: Client, query = '') => {
  const res = await c.get(`/api/customers/file-quality${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Row[]; rules: { currentBonus: number; currentDays: number } };
};
const byName = (items: Row[]) => Object.fromEntries(items.map((i) => [i.name ?? '(none)', i]));
const shanghaiDay = (daysAgo: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - daysAgo * 86_400_000));

async function staff(email: string, displayName: string, storeIds: string[], role = 'staff') {
  const res = await owner.post('/api/users', { email, displayName, role, password: 'guide-password-1', storeIds });
  expect(res.statusCode, res.body).toBe(201);
  ids[displayName] = res.json().id;
  return loginAs(t.app, email, 'guide-password-1');
}

async function file(by: Client, storeId: string, name: string, extra: Record<string, unknown> = {}) {
  const res = await by.post('/api/customers', {
    storeId,
    familyName: name.slice(0, 1),
    givenName: name.slice(1),
    phones: [{ number: `1390013${String(++phoneNo).padStart(4, '0')}` }],
    ...extra,
    ...('gender' in extra ? { email: `f${phoneNo}@example.com` } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  ids[name] = res.json().id;
  return res.json() as { id: string; completeness: number };
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  storeB = (
    await owner.post('/api/stores', {
      code: 'TPE',
      name: '台北店',
      country: 'TW',
      currency: 'TWD',
      timezone: 'Asia/Taipei',
      locale: 'zh-TW',
    })
  ).json().id;
  guideA = await staff('a@test.example', '王芳', [t.mainStoreId]);
  const guideB = await staff('b@test.example', '李娜', [t.mainStoreId]);
  await staff('z@test.example', '赵新', [t.mainStoreId]); // no file yet
  const guideC = await staff('c@test.example', '陳怡君', [storeB]);
  manager = await staff('m@test.example', '周店长', [t.mainStoreId], 'store_manager');

  const rich = {
    gender: 'female',
    birthday: '1988-05-03',
    profile: { clothingSize: 'M', occupation: '教师', hobbies: ['瑜伽'], colourPreferences: ['藏青'] },
  };
  await file(guideA, t.mainStoreId, '张丽', rich);
  await file(guideA, t.mainStoreId, '刘敏', rich);
  await file(guideA, t.mainStoreId, '孙静');
  await file(guideB, t.mainStoreId, '何梅', rich);
  await file(guideC, storeB, '林雅婷');
  await file(owner, t.mainStoreId, '吴红'); // created by the owner: no owner guide
});
afterAll(() => t.close());

describe('file-quality contest', () => {
  it('ranks guides by score: quantity and quality together, with the rules to explain it', async () => {
    const { items, rules } = await contest(owner);
    expect(rules).toMatchObject({ currentBonus: 2, currentDays: 30 });
    const rows = byName(items);
    const a = rows['王芳']!;
    const b = rows['李娜']!;
    expect(a.customers).toBe(3);
    expect(b.customers).toBe(1);
    // Sum of completeness ÷ 10, plus 2 for each file changed in the last 30 days (all of them, here).
    const files = await Promise.all(
      ['张丽', '刘敏', '孙静'].map(async (n) => (await owner.get(`/api/customers/${ids[n]}`)).json().completeness),
    );
    const sum = files.reduce((x: number, y: number) => x + y, 0);
    expect(a.score).toBe(Math.floor(sum / 10) + 3 * 2);
    expect(a.averageCompleteness).toBe(Math.round(sum / 3));
    expect(a.changedLast30Days).toBe(3);
    expect(a.rank).toBe(1);
    expect(b.rank).toBeGreaterThan(1);
    // A guide with no file is in the contest, last; files without a guide are listed, unranked, at the end.
    expect(rows['赵新']).toMatchObject({ customers: 0, score: 0, averageCompleteness: 0 });
    expect(items.at(-1)).toMatchObject({ userId: null, customers: 1, rank: null });
    const ranks = items.filter((i) => i.rank !== null).map((i) => i.rank!);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(items.reduce((n, i) => n + i.customers, 0)).toBe(6);
  });

  it('filters by store, and keeps a store manager to her own store', async () => {
    const taipei = await contest(owner, `?storeId=${storeB}`);
    expect(taipei.items.map((i) => i.name)).toEqual(['陳怡君']);
    const mine = await contest(manager);
    expect(mine.items.map((i) => i.name)).not.toContain('陳怡君');
    expect((await contest(manager, `?storeId=${storeB}`)).items).toEqual([]);
    expect((await guideA.get('/api/customers/file-quality')).statusCode).toBe(403);
  });

  it('counts only files created or changed in the period, by the store-local day', async () => {
    // 孙静's file was registered 100 days ago and never touched since; 张丽's too, but changed 10 days ago.
    const db = t.database.db;
    await db.execute(sql`update customers set created_at = now() - interval '100 days', updated_at = now() - interval '100 days'
                         where id in (${ids['孙静']}::uuid, ${ids['张丽']}::uuid)`);
    await db.execute(sql`update customer_field_history set changed_at = now() - interval '100 days'
                         where customer_id in (${ids['孙静']}::uuid, ${ids['张丽']}::uuid)`);
    await db.execute(sql`insert into customer_field_history (org_id, customer_id, field, new_value, changed_at)
                         values (${t.orgId}, ${ids['张丽']}, 'profile.hobbies', '["插花"]', now() - interval '10 days')`);
    const month = await contest(owner, `?from=${shanghaiDay(30)}&to=${shanghaiDay(0)}`);
    const a = byName(month.items)['王芳']!;
    expect(a.customers).toBe(2); // 张丽 (changed in the period) and 刘敏 (created in it)
    expect(a.changedLast30Days).toBe(1); // only 刘敏 was brought up to date in the last 30 days
    const before = await contest(owner, `?from=${shanghaiDay(120)}&to=${shanghaiDay(60)}`);
    expect(byName(before.items)['王芳']!.customers).toBe(2); // 孙静 and 张丽, registered 100 days ago
    expect(byName(before.items)['李娜']!.customers).toBe(0);
    const all = await contest(owner);
    expect(byName(all.items)['王芳']!.changedLast30Days).toBe(1);
  });

  it('says which field is wrong when the period ends before it starts', async () => {
    const res = await owner.get(`/api/customers/file-quality?from=${shanghaiDay(0)}&to=${shanghaiDay(5)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual(['querystring.to']);
  });
});
