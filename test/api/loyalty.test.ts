import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLoyalty, expirePoints, reviewTiers } from '../../src/server/modules/loyalty';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Client;
let staff: Client;
let li: string; // 李娜: just below gold
const STAFF = { email: 'guide@test.example', password: 'guide-password-1' };

const sale = (receiptNo: string, customerId: string, paid: number, extra: Record<string, unknown> = {}) => ({
  storeId: t.mainStoreId,
  receiptNo,
  customerId,
  lines: [{ styleNo: 'SU-2601', productName: '羊毛西服', quantity: 2, unitListPrice: paid / 2, discount: 0 }],
  ...extra,
});

async function newCustomer(name: string, memberNo: string) {
  const res = await owner.post('/api/customers', {
    storeId: t.mainStoreId,
    familyName: name.slice(0, 1),
    givenName: name.slice(1),
    memberNo,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const loyalty = async (id: string) => (await owner.get(`/api/customers/${id}/loyalty`)).json();

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  expect(
    (await owner.post('/api/users', { ...STAFF, displayName: '小王', role: 'staff', storeIds: [t.mainStoreId] }))
      .statusCode,
  ).toBe(201);
  staff = await loginAs(t.app, STAFF.email, STAFF.password);
  li = await newCustomer('李娜', 'L001');
});
afterAll(() => t.close());

describe('the VIP programme', () => {
  it('starts every organisation with silver < gold < platinum < diamond, labelled in four languages', async () => {
    const p = (await staff.get('/api/loyalty/programme')).json();
    expect(p.tiers.map((x: { key: string; rank: number }) => [x.key, x.rank])).toEqual([
      ['silver', 1],
      ['gold', 2],
      ['platinum', 3],
      ['diamond', 4],
    ]);
    const gold = p.tiers[1];
    expect(gold.labels).toEqual({ 'zh-CN': '黄金会员', 'zh-TW': '黃金會員', ja: 'ゴールド会員', en: 'Gold' });
    expect(gold.qualification).toMatchObject({ spend: { CNY: 500_000, JPY: 100_000, TWD: 2_200_000 }, combine: 'or' });
    expect(gold.benefits).toMatchObject({ birthdayMonthPricePercent: 75, pointsMultiplier: 1.2 });
    expect(p.settings).toMatchObject({ windowDays: 365, review: { graceDays: 30 } });
  });

  it('a sale upgrades her tier on the spot, with the reason, and earns points at the new tier', async () => {
    expect((await owner.post('/api/purchases', sale('L-1', li, 400_000))).statusCode).toBe(201);
    let c = (await owner.get(`/api/customers/${li}`)).json();
    expect(c.tier).toBe('silver');
    let l = await loyalty(li);
    expect(l.points.balance).toBe(4000); // ¥4,000 at 1 point per yuan, silver ×1
    expect(l.nextTier).toMatchObject({ key: 'gold', missingSpend: 100_000, missingVisits: 5 });

    const res = await owner.post('/api/purchases', sale('L-2', li, 150_000));
    expect(res.statusCode).toBe(201);
    c = (await owner.get(`/api/customers/${li}`)).json();
    expect(c.tier).toBe('gold');
    l = await loyalty(li);
    expect(l.tier).toMatchObject({ key: 'gold', rank: 2 });
    expect(l.history[0]).toMatchObject({
      fromTier: 'silver',
      toTier: 'gold',
      reason: 'qualified',
      receiptId: res.json().id,
    });
    expect(l.history[0].rule).toMatchObject({ spend: { CNY: 550_000 }, visits: 1 });
    expect(l.points.balance).toBe(4000 + 1800); // ¥1,500 × gold's 1.2
  });

  it('is idempotent: the same receipts again change nothing', async () => {
    const ids = (await owner.get(`/api/purchases?customerId=${li}`)).json().items.map((r: { id: string }) => r.id);
    await applyLoyalty(t.database.db, { orgId: t.orgId, customerIds: [li], receiptIds: ids, source: 'ui' });
    const l = await loyalty(li);
    expect(l.points.balance).toBe(5800);
    expect(l.history).toHaveLength(2);
  });

  it('a return reverses points in proportion to the refund; the tier waits for the review', async () => {
    const receipt = (await owner.get(`/api/purchases?customerId=${li}`))
      .json()
      .items.find((r: { receiptNo: string }) => r.receiptNo === 'L-2');
    const ret = await owner.post(`/api/purchases/${receipt.id}/returns`, {
      lines: [{ originalLineId: receipt.lines[0].id, quantity: 1 }],
    });
    expect(ret.statusCode, ret.body).toBe(201);
    const l = await loyalty(li);
    expect(l.points.balance).toBe(5800 - 900);
    expect(l.tier.key).toBe('gold');
    const page = (await owner.get(`/api/customers/${li}/points?limit=1`)).json();
    expect(page.items[0]).toMatchObject({ kind: 'reverse', points: -900, receiptId: ret.json().id });
    expect(page.nextCursor).toBeTruthy();
    const rest = (await owner.get(`/api/customers/${li}/points?limit=10&cursor=${page.nextCursor}`)).json();
    expect(rest.items.map((e: { points: number }) => e.points)).toEqual([1800, 4000]);
  });

  it('redeems (never below zero) and adjusts with a reason (store managers and above)', async () => {
    const tooMuch = await staff.post(`/api/customers/${li}/points/redeem`, { points: 999_999 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().fields[0]).toMatchObject({ field: 'body.points', code: 'insufficient_points' });
    const ok = await staff.post(`/api/customers/${li}/points/redeem`, { points: 900, reason: '兑换丝巾' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().balance).toBe(4000);
    expect((await staff.post(`/api/customers/${li}/points/adjust`, { points: 10, reason: 'x' })).statusCode).toBe(403);
    expect((await owner.post(`/api/customers/${li}/points/adjust`, { points: 10 })).statusCode).toBe(400);
    expect(
      (await owner.post(`/api/customers/${li}/points/adjust`, { points: -4001, reason: '更正' })).json().fields[0].code,
    ).toBe('would_go_negative');
    const adj = await owner.post(`/api/customers/${li}/points/adjust`, { points: 200, reason: '生日补偿' });
    expect(adj.json().balance).toBe(4200);
    const audit = (await owner.get('/api/audit?action=points.')).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['points.adjusted', 'points.redeemed']);
  });

  it('keeps the ledger append-only: UPDATE and DELETE are refused by the database', async () => {
    const refusal = (q: ReturnType<typeof sql>) =>
      t.database.db.execute(q).then(
        () => 'accepted',
        (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
      );
    expect(await refusal(sql`update points_ledger set points = 1000000`)).toMatch(/points_ledger is append-only/);
    expect(await refusal(sql`delete from points_ledger`)).toMatch(/points_ledger is append-only/);
    expect((await loyalty(li)).points.balance).toBe(4200);
  });

  it('previews what a rule change would do, without saving', async () => {
    const p = (await owner.get('/api/loyalty/programme')).json();
    const rules = p.tiers.map((x: { key: string; rank: number; qualification: unknown }) => ({
      key: x.key,
      rank: x.rank,
      qualification: x.qualification,
    }));
    const zhang = await newCustomer('张敏', 'L002');
    await owner.post('/api/purchases', sale('Z-1', zhang, 300_000));
    const easier = rules.map((r: { key: string }) =>
      r.key === 'gold' ? { ...r, qualification: { spend: { CNY: 300_000 }, combine: 'or' } } : r,
    );
    const up = (await owner.post('/api/loyalty/tiers/preview', { tiers: easier })).json();
    expect(up).toMatchObject({ up: 1, down: 0 });
    expect(up.sampleUp[0]).toMatchObject({ id: zhang, from: 'silver', to: 'gold' });
    const harder = rules.map((r: { key: string }) =>
      r.key === 'gold' ? { ...r, qualification: { spend: { CNY: 5_000_000 }, combine: 'or' } } : r,
    );
    const down = (await owner.post('/api/loyalty/tiers/preview', { tiers: harder })).json();
    expect(down).toMatchObject({ up: 0, down: 1 });
    expect(down.sampleDown[0]).toMatchObject({ id: li, from: 'gold', to: 'silver' });
    expect(down.byTier.find((b: { key: string }) => b.key === 'gold')).toEqual({ key: 'gold', now: 1, proposed: 0 });
    expect((await owner.get(`/api/customers/${zhang}`)).json().tier).toBe('silver'); // nothing saved
    expect((await staff.post('/api/loyalty/tiers/preview', { tiers: easier })).statusCode).toBe(403);
  });

  it('edits tiers with validation (owner / head office only); easier rules upgrade at once', async () => {
    const p = (await owner.get('/api/loyalty/programme')).json();
    const gold = p.tiers.find((x: { key: string }) => x.key === 'gold');
    expect((await staff.patch(`/api/loyalty/tiers/${gold.id}`, { rank: 9 })).statusCode).toBe(403);
    const dup = await owner.patch(`/api/loyalty/tiers/${gold.id}`, { rank: 1 });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fields[0]).toMatchObject({ field: 'body.rank', code: 'taken' });
    const bad = await owner.patch(`/api/loyalty/tiers/${gold.id}`, { qualification: { spend: { yuan: 5 } } });
    expect(bad.statusCode).toBe(400);
    const res = await owner.patch(`/api/loyalty/tiers/${gold.id}`, {
      qualification: { spend: { CNY: 300_000, JPY: 100_000 }, combine: 'or' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().members).toBe(2); // 张敏 moved up with the easier rule
    const zhang = (await owner.get('/api/customers?q=L002')).json().items[0];
    expect((await loyalty(zhang.id)).history[0]).toMatchObject({ toTier: 'gold', reason: 'recompute' });
    expect((await owner.get('/api/audit?action=tier.')).json().items[0].action).toBe('tier.updated');
  });

  it('campaigns multiply points in their stores and dates', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const bad = await owner.post('/api/loyalty/campaigns', {
      name: 'x',
      multiplier: 2,
      startsOn: today,
      endsOn: '2000-01-01',
    });
    expect(bad.statusCode).toBe(400);
    const c = await owner.post('/api/loyalty/campaigns', {
      name: '双倍积分周',
      multiplier: 2,
      startsOn: '2000-01-01',
      endsOn: '2999-12-31',
      storeIds: [t.mainStoreId],
    });
    expect(c.statusCode, c.body).toBe(201);
    const wang = await newCustomer('王芳', 'L003');
    await owner.post('/api/purchases', sale('W-1', wang, 10_000));
    expect((await loyalty(wang)).points.balance).toBe(200); // ¥100 × silver 1 × campaign 2
    expect((await owner.patch(`/api/loyalty/campaigns/${c.json().id}`, { isActive: false })).json().isActive).toBe(
      false,
    );
    await owner.post('/api/purchases', sale('W-2', wang, 10_000));
    expect((await loyalty(wang)).points.balance).toBe(300);
  });

  it('the yearly review moves members down only after the grace period, once', async () => {
    // Two years on, nobody has bought within the window. Review on 1 January, 30 days' grace.
    const year = new Date().getUTCFullYear() + 2;
    const inGrace = await reviewTiers(t.database.db, t.orgId, { asOf: `${year}-01-10` });
    expect(inGrace).toMatchObject({ reviewDate: `${year}-01-01`, effectiveOn: `${year}-01-31`, due: false });
    expect(inGrace.inGrace).toBe(2);
    expect(inGrace.downgraded).toBe(0);
    expect((await owner.get(`/api/customers/${li}`)).json().tier).toBe('gold');

    const dry = await reviewTiers(t.database.db, t.orgId, { asOf: `${year}-02-01`, dryRun: true });
    expect(dry).toMatchObject({ due: true, downgraded: 2, dryRun: true });
    expect((await owner.get(`/api/customers/${li}`)).json().tier).toBe('gold');

    const done = await reviewTiers(t.database.db, t.orgId, { asOf: `${year}-02-01` });
    expect(done.downgraded).toBe(2);
    const l = await loyalty(li);
    expect(l.tier.key).toBe('silver'); // never below the lowest tier
    expect(l.history[0]).toMatchObject({ fromTier: 'gold', toTier: 'silver', reason: 'review' });
    expect(l.history[0].rule).toMatchObject({ reviewDate: `${year}-01-01`, graceDays: 30 });
    expect((await reviewTiers(t.database.db, t.orgId, { asOf: `${year}-02-02` })).downgraded).toBe(0);
  });

  it('expires points after 24 months, oldest first, once', async () => {
    const future = new Date(Date.now() + 25 * 31 * 86_400_000);
    const before = (await loyalty(li)).points.balance;
    expect(before).toBeGreaterThan(0);
    const r = await expirePoints(t.database.db, t.orgId, { asOf: future });
    expect(r.customers).toBeGreaterThanOrEqual(1);
    // The 200 adjusted points were added today and expire 24 months from today too.
    expect((await loyalty(li)).points.balance).toBe(0);
    expect((await expirePoints(t.database.db, t.orgId, { asOf: future })).customers).toBe(0);
    const page = (await owner.get(`/api/customers/${li}/points?limit=1`)).json();
    expect(page.items[0]).toMatchObject({ kind: 'expire', points: -before });
  });

  it('staff of another store cannot see her card', async () => {
    const s2 = await owner.post('/api/stores', {
      code: 'JP01',
      name: '銀座店',
      country: 'JP',
      currency: 'JPY',
      timezone: 'Asia/Tokyo',
      locale: 'ja',
    });
    const other = { email: 'jp@test.example', password: 'guide-password-2' };
    await owner.post('/api/users', { ...other, displayName: '佐藤', role: 'staff', storeIds: [s2.json().id] });
    const jp = await loginAs(t.app, other.email, other.password);
    expect((await jp.get(`/api/customers/${li}/loyalty`)).statusCode).toBe(404);
    expect((await jp.post(`/api/customers/${li}/points/redeem`, { points: 1 })).statusCode).toBe(404);
  });

  it('keeps her tier history: she cannot be deleted while she has one, and a merge moves it to the surviving file', async () => {
    const kept = await newCustomer('周敏', 'Z001');
    const dup = await newCustomer('周敏', 'Z002');
    const bought = await owner.post('/api/purchases', sale('M-1', dup, 600_000));
    expect(bought.statusCode, bought.body).toBe(201);
    expect((await loyalty(dup)).history).toHaveLength(1);
    const refused = await t.database.db.execute(sql`delete from customers where id = ${dup}`).then(
      () => 'deleted',
      (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
    );
    expect(refused).toMatch(/has tier changes and cannot be deleted/);
    const merged = await owner.post(`/api/customers/${kept}/merge`, { otherId: dup, take: {} });
    expect(merged.statusCode, merged.body).toBe(200);
    const history = (await loyalty(kept)).history;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ fromTier: null, toTier: 'gold', reason: 'qualified' });
  });
});
