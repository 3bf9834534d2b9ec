// The recompute's two passes in a one-store organisation (one currency, one time zone: the passes use
// constants for her home currency and day): per-day figures from the receipts, pieces, discounted spend
// and categories from the lines, returns included; salon visits among her visit days; and each customer
// refreshed alone gets the full run's row.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/server/db/client';
import { recomputeAll, refreshCustomerMetrics } from '../../src/server/modules/metrics/metrics.service';
import { createTestApp, loginAs, OWNER, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Client;
const ids: Record<string, string> = {};
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
let no = 0;

async function buy(who: string, days: number, lines: Record<string, unknown>[]) {
  const res = await owner.post('/api/purchases', {
    storeId: t.mainStoreId,
    customerId: ids[who],
    receiptNo: `L-${++no}`,
    occurredAt: daysAgo(days),
    lines,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
/** One receipt of `quantity` knits for the customer `id` at the instant `occurredAt`. */
async function sellKnits(id: string, occurredAt: string, quantity: number) {
  const r = await owner.post('/api/purchases', {
    storeId: t.mainStoreId,
    customerId: id,
    receiptNo: `L-${++no}`,
    occurredAt,
    lines: [{ ...knit, quantity }],
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}
const suit = {
  styleNo: 'SU-1',
  productName: '西服',
  category: 'suits',
  quantity: 1,
  unitListPrice: 268_000,
  discount: 18_000,
};
const knit = {
  styleNo: 'KN-1',
  productName: '羊绒衫',
  category: 'knitwear',
  quantity: 2,
  unitListPrice: 99_900,
  discount: 0,
};

async function metricsRows() {
  return rows<Record<string, unknown>>(
    t.database.db,
    sql`select * from customer_metrics where org_id = ${t.orgId} order by customer_id`,
  );
}
const strip = (r: Record<string, unknown>) => {
  const { computed_at: _c, ...rest } = r;
  return rest;
};

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginAs(t.app, OWNER.email, OWNER.password);
  for (const name of ['ann', 'bea', 'cat']) {
    const res = await owner.post('/api/customers', { storeId: t.mainStoreId, familyName: name });
    expect(res.statusCode, res.body).toBe(201);
    ids[name] = res.json().id;
  }
  const r = await buy('ann', 10, [suit, knit]);
  const knitLine = r.lines.find((l: { styleNo: string }) => l.styleNo === 'KN-1');
  const ret = await owner.post(`/api/purchases/${r.id}/returns`, {
    lines: [{ originalLineId: knitLine.id, quantity: 1 }],
    occurredAt: daysAgo(5),
  });
  expect(ret.statusCode, ret.body).toBe(201);
  await buy('bea', 400, [knit]);
  await buy('bea', 30, [{ ...knit, quantity: 1 }]);
  await buy('bea', 30, [suit]);
}, 120_000);
afterAll(() => t.close());

describe('recompute from receipts and lines', () => {
  it('counts pieces, discounted spend and categories from the lines, and money from the receipts', async () => {
    const stores = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from stores where org_id = ${t.orgId}`,
    );
    expect(stores[0]!.n).toBe(1);
    await recomputeAll(t.database, t.orgId);
    const byId = new Map((await metricsRows()).map((m) => [m.customer_id, m]));
    const ann = byId.get(ids.ann)!;
    expect({
      f: ann.frequency_lifetime,
      q: ann.quantity_window,
      m: Number(ann.monetary_lifetime),
      w: Number(ann.monetary_window),
      cats: ann.categories,
    }).toEqual({
      f: 1,
      q: 2,
      m: 250_000 + 199_800 - 99_900,
      w: 250_000 + 199_800 - 99_900,
      cats: ['knitwear', 'suits'],
    });
    // Discount share: paid on discounted sale lines over sale spend (the return is not a sale).
    expect(Number(ann.discount_share)).toBeCloseTo(250_000 / 449_800, 5);
    const bea = byId.get(ids.bea)!;
    // Two purchase days (two receipts on one day are one), one in the window.
    expect({
      f: bea.frequency_lifetime,
      fw: bea.frequency_window,
      q: bea.quantity_window,
      m: Number(bea.monetary_lifetime),
      w: Number(bea.monetary_window),
    }).toEqual({ f: 2, fw: 1, q: 2, m: 199_800 + 99_900 + 250_000, w: 99_900 + 250_000 });
    const cat = byId.get(ids.cat)!;
    expect({ f: cat.frequency_lifetime, q: cat.quantity_window, cats: cat.categories }).toEqual({
      f: 0,
      q: 0,
      cats: [],
    });
  });

  it('each customer refreshed alone gets exactly the full run’s row', async () => {
    const full = (await metricsRows()).map(strip);
    await refreshCustomerMetrics(t.database.db, t.orgId, Object.values(ids));
    expect((await metricsRows()).map(strip)).toEqual(full);
    await recomputeAll(t.database, t.orgId);
    expect((await metricsRows()).map(strip)).toEqual(full);
  });

  it('beyond 63 categories (more than the bits of a bigint) her categories come from a pass of their own, the same', async () => {
    const full = (await metricsRows()).map(strip);
    expect(full.find((r) => r.customer_id === ids.ann)?.categories).toEqual(['knitwear', 'suits']);
    await t.database.db.execute(sql`
      insert into product_categories (org_id, key, labels)
      select ${t.orgId}, 'extra-' || g, jsonb_build_object('en', 'Extra ' || g) from generate_series(1, 64) g`);
    try {
      await recomputeAll(t.database, t.orgId);
      expect((await metricsRows()).map(strip)).toEqual(full);
      await refreshCustomerMetrics(t.database.db, t.orgId, Object.values(ids));
      expect((await metricsRows()).map(strip)).toEqual(full);
    } finally {
      await t.database.db.execute(sql`delete from product_categories where org_id = ${t.orgId} and key like 'extra-%'`);
    }
  });

  it('counts by the store-local day: as_of ends at local midnight, the window starts at one', async () => {
    // The passes compare instants with the bounds of as_of's local day (Asia/Shanghai, UTC+8).
    const res = await owner.post('/api/customers', { storeId: t.mainStoreId, familyName: 'dee' });
    expect(res.statusCode, res.body).toBe(201);
    const dee = res.json().id as string;
    const asOf = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    const at = (day: string, offsetDays: number, utcTime: string) =>
      new Date(Date.parse(`${day}T${utcTime}Z`) + offsetDays * 86_400_000).toISOString();
    const sale = (occurredAt: string, quantity: number) => sellKnits(dee, occurredAt, quantity);
    await sale(at(asOf, 0, '15:30:00'), 1); // 23:30 on as_of: counted, in the window
    await sale(at(asOf, 0, '16:10:00'), 2); // 00:10 the day after: not yet
    await sale(at(asOf, -365, '16:10:00'), 4); // 00:10 on as_of − 364: the window's first day
    await sale(at(asOf, -365, '15:50:00'), 8); // 23:50 on as_of − 365: before the window
    await recomputeAll(t.database, t.orgId, { asOf });
    const [m] = await rows<Record<string, unknown>>(
      t.database.db,
      sql`select frequency_lifetime, frequency_window, quantity_window from customer_metrics where customer_id = ${dee}`,
    );
    expect(m).toEqual({ frequency_lifetime: 3, frequency_window: 2, quantity_window: 1 + 4 });
  });

  it('counts a salon visit as a visit day unless she bought that day; a return day with a visit is a visit', async () => {
    const res = await owner.post('/api/customers', { storeId: t.mainStoreId, familyName: 'eve' });
    expect(res.statusCode, res.body).toBe(201);
    const eve = res.json().id as string;
    ids.eve = eve;
    const sale = (occurredAt: string, quantity: number) => sellKnits(eve, occurredAt, quantity);
    const first = await sale(daysAgo(100), 2);
    await sale(daysAgo(10), 1);
    const ret = await owner.post(`/api/purchases/${first.id}/returns`, {
      lines: [{ originalLineId: first.lines[0].id, quantity: 1 }],
      occurredAt: daysAgo(40),
    });
    expect(ret.statusCode, ret.body).toBe(201);
    // Visits: on her second sale's day (the same day, not another visit day), on the return's day,
    // twice on one day, once more than six months ago, and one tomorrow (after as_of: not yet).
    for (const at of [daysAgo(10), daysAgo(40), daysAgo(30), daysAgo(30.01), daysAgo(200), daysAgo(-1)])
      await t.database.db.execute(sql`
        insert into service_visits (org_id, store_id, customer_id, visited_at)
        values (${t.orgId}, ${t.mainStoreId}, ${eve}, ${at}::timestamptz)`);
    await recomputeAll(t.database, t.orgId);
    const [m] = await rows<Record<string, unknown>>(
      t.database.db,
      sql`select frequency_lifetime, visits_per_month_6, visits_per_month_12, usual_interval_days,
                 current_date - last_visit_day as since_last_visit
          from customer_metrics where customer_id = ${eve}`,
    );
    // Sale days 100 and 10 days ago; visit-only days 200, 40 and 30 days ago: five visit days, four
    // in the last six months; her usual interval (200 − 10) / 4 days.
    expect(m!.frequency_lifetime).toBe(2);
    expect(Number(m!.visits_per_month_6) * 6).toBeCloseTo(4, 4);
    expect(Number(m!.visits_per_month_12) * 12).toBeCloseTo(5, 4);
    expect(Number(m!.usual_interval_days)).toBeCloseTo(47.5, 1);
    expect(Math.abs(Number(m!.since_last_visit) - 10)).toBeLessThanOrEqual(1);
    const full = (await metricsRows()).map(strip);
    await refreshCustomerMetrics(t.database.db, t.orgId, [eve]);
    expect((await metricsRows()).map(strip)).toEqual(full);
  });
});
