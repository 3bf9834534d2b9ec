// The manager dashboard on a small constructed data set whose figures are known by hand, and the
// model-quality panel (not enough data on a handful of buyers; a real fit on a few hundred).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { customerMetrics, customers, receipts, tierDefinitions } from '../../src/server/db/schema';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Client;
let staff: Client;
let managerB: Client;
let storeB: string;
const ids: string[] = [];

const labels = (en: string) => ({ en, 'zh-CN': en, 'zh-TW': en, ja: en });
// Spend in the window (CNY minor units), highest first: 2,000 in all, the top two make 1,500.
const SPEND = [1000, 500, 200, 100, 50, 50, 40, 30, 20, 10];

function monthsAgo(k: number) {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 15, 4));
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
  const mk = async (email: string, role: string, storeId: string) => {
    const res = await owner.post('/api/users', {
      email,
      displayName: email.split('@')[0],
      role,
      password: 'password-12345',
      storeIds: [storeId],
    });
    expect(res.statusCode, res.body).toBe(201);
    return loginAs(t.app, email, 'password-12345');
  };
  staff = await mk('staff@test.example', 'staff', t.mainStoreId);
  managerB = await mk('mgr.b@test.example', 'store_manager', storeB);

  const db = t.database.db;
  await db
    .insert(tierDefinitions)
    .values(['silver', 'gold'].map((key, i) => ({ orgId: t.orgId, key, rank: i + 1, labels: labels(key) })))
    .onConflictDoNothing(); // a new organisation has the default tiers already
  const rowsIn = Array.from({ length: 11 }, (_, i) => ({
    orgId: t.orgId,
    storeId: t.mainStoreId,
    familyName: '王',
    displayName: `王${i + 1}`,
    tier: i < 3 ? 'gold' : i < 5 ? 'silver' : null,
  }));
  const inserted = await db.insert(customers).values(rowsIn).returning({ id: customers.id });
  ids.push(...inserted.map((r) => r.id));
  await db.insert(customers).values({ orgId: t.orgId, storeId: storeB, familyName: '陳', displayName: '陳一' });
  // Ten buyers with metrics; the eleventh is only in the file (a suspect).
  await db.insert(customerMetrics).values(
    SPEND.map((v, i) => ({
      customerId: ids[i]!,
      orgId: t.orgId,
      storeId: t.mainStoreId,
      currency: 'CNY',
      asOf: new Date().toISOString().slice(0, 10),
      monetaryWindow: v,
      frequencyWindow: 1,
      frequencyLifetime: i < 4 ? 3 : 1,
      classAbcd: i < 2 ? 'A' : i < 5 ? 'B' : 'C',
      rfmSegment: i < 2 ? 'champions' : 'hibernating',
      lapseStatus: i < 2 ? 'drifting' : i === 9 ? 'lost' : 'active',
      loyaltyStage: i < 4 ? 'repeat' : 'first_purchase',
      expectedValue365: i < 3 ? [300, 200, 100][i] : null,
      pAlive: i < 3 ? 0.5 : null,
    })),
  );
  // Cohorts: 王1 and 王2 first bought two months ago, 王1 again last month; 王3 first bought last month.
  // 王2's lapse in the metrics is "drifting"; 王10 is lost.
  const receipt = (i: number, at: Date, no: string) => ({
    orgId: t.orgId,
    storeId: t.mainStoreId,
    customerId: ids[i]!,
    receiptNo: no,
    occurredAt: at,
    currency: 'CNY',
    totalList: 1000,
    totalDiscount: 0,
    totalPaid: 1000,
  });
  await db
    .insert(receipts)
    .values([
      receipt(0, monthsAgo(2), 'R1'),
      receipt(1, monthsAgo(2), 'R2'),
      receipt(0, monthsAgo(1), 'R3'),
      receipt(2, monthsAgo(1), 'R4'),
    ]);
});
afterAll(() => t.close());

describe('dashboard', () => {
  it('gives the known figures of a small store', async () => {
    const res = await owner.get(`/api/analytics/dashboard?storeId=${t.mainStoreId}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.scope).toMatchObject({ currency: 'CNY' });
    expect(d.customers).toBe(11);
    expect(d.buyers).toBe(10);
    expect(d.tiers).toEqual([
      { key: 'gold', customers: 3, rank: 2 },
      { key: 'silver', customers: 2, rank: 1 },
      { key: 'none', customers: 6, rank: null },
    ]);
    expect(d.classAbcd).toEqual([
      { key: 'A', customers: 2, monetary: 1500 },
      { key: 'B', customers: 3, monetary: 350 },
      { key: 'C', customers: 5, monetary: 150 },
    ]);
    // 20% of buyers (2 of 10) make 75% of the revenue; the curve ends at (1, 1).
    expect(d.pareto.top20RevenueShare).toBeCloseTo(0.75);
    expect(d.pareto.points[0]).toEqual({ customerShare: 0, revenueShare: 0 });
    expect(d.pareto.points).toContainEqual({ customerShare: 0.1, revenueShare: 0.5 });
    expect(d.pareto.points.at(-1)).toEqual({ customerShare: 1, revenueShare: 1 });
    expect(d.repeat).toEqual({ buyers: 10, repeaters: 4, rate: 0.4 });
    expect(d.atRisk).toEqual([
      { status: 'drifting', customers: 2, monetaryWindow: 1500, expectedValue365: 500 },
      { status: 'lost', customers: 1, monetaryWindow: 10, expectedValue365: 0 },
    ]);
    expect(d.topCustomers.map((c: { displayName: string }) => c.displayName)).toEqual(['王1', '王2', '王3']);
    expect(d.funnel).toEqual([
      { key: 'suspect', customers: 1 },
      { key: 'expectant', customers: 0 },
      { key: 'first_purchase', customers: 6 },
      { key: 'repeat', customers: 4 },
      { key: 'advocate', customers: 0 },
    ]);
    const ym = (k: number) => monthsAgo(k).toISOString().slice(0, 7);
    expect(d.cohorts).toEqual([
      { cohort: ym(2), customers: 2, retained: [0.5], lostShare: 0, driftingShare: 1 },
      { cohort: ym(1), customers: 1, retained: [], lostShare: 0, driftingShare: 0 },
    ]);
  });

  it('is for managers, over the stores they reach', async () => {
    expect((await staff.get('/api/analytics/dashboard')).statusCode).toBe(403);
    const b = (await managerB.get('/api/analytics/dashboard')).json();
    expect(b.customers).toBe(1);
    expect(b.scope.currency).toBe('TWD');
    expect((await managerB.get(`/api/analytics/dashboard?storeId=${t.mainStoreId}`)).statusCode).toBe(404);
    // The organisation: both stores; money figures in the currency of most customers.
    const all = (await owner.get('/api/analytics/dashboard')).json();
    expect(all.customers).toBe(12);
    expect(all.scope.currencies).toEqual(['CNY', 'TWD']);
    expect(all.scope.currency).toBe('CNY');
  });
});

describe('model quality', () => {
  it('says not enough data on a handful of buyers', async () => {
    const res = await owner.get(`/api/analytics/model-quality?storeId=${t.mainStoreId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'not_enough_data', reason: 'too_few_customers' });
  });

  it('fits on a few hundred buyers and compares calibration with hold-out', async () => {
    const db = t.database.db;
    // 300 buyers over two years in store B; a third come back every 5–9 weeks, some stop.
    await db.execute(sql`insert into customers (org_id, store_id, family_name, display_name)
      select ${t.orgId}, ${storeB}::uuid, '李', '李' || i from generate_series(1, 300) i`);
    await db.execute(sql`insert into receipts (org_id, store_id, customer_id, receipt_no, occurred_at, currency, total_list, total_discount, total_paid)
      select c.org_id, c.store_id, c.id, 'M' || n || '-' || g.k, now() - ((700 - (n % 300) - g.k * (35 + n % 5 * 7)) || ' days')::interval,
        'TWD', 100000, 0, 50000 + (n % 7) * 10000
      from (select id, org_id, store_id, row_number() over (order by id) as n from customers where store_id = ${storeB}::uuid and family_name = '李') c
      cross join lateral generate_series(0, case when c.n % 3 = 0 then 1 + (c.n % 11) else 0 end) g(k)
      where 700 - (n % 300) - g.k * (35 + n % 5 * 7) > 0`);
    const res = await owner.get(`/api/analytics/model-quality?storeId=${storeB}`);
    expect(res.statusCode, res.body).toBe(200);
    const q = res.json();
    expect(q.status, JSON.stringify(q)).toBe('ok');
    expect(q.frequency.map((f: { repeats: string }) => f.repeats)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    const actual = q.frequency.reduce((s: number, f: { actual: number }) => s + f.actual, 0);
    const expected = q.frequency.reduce((s: number, f: { expected: number }) => s + f.expected, 0);
    expect(actual).toBe(q.customers);
    expect(expected).toBeCloseTo(q.customers, 0);
    expect(Object.values(q.params).every((v) => Number.isFinite(v))).toBe(true);
  });
});
