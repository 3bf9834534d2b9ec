// The set-based refresh an import uses must give every customer the same aggregates as the refresh run
// after one sale or salon visit: a visit is a store-local day with a sale or a salon service.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/server/db/client';
import { refreshCustomerStats, refreshStatsFor } from '../../src/server/modules/purchases/stats';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function snapshot(ids: string[]) {
  return rows<{ id: string; last_visit_at: string | Date | null; [k: string]: unknown }>(
    t.database.db,
    sql`select c.id, cs.lifetime_spend::text as spend, cs.receipt_count, cs.visit_count, cs.first_purchase_at, cs.last_purchase_at, c.last_visit_at
        from customers c left join customer_stats cs on cs.customer_id = c.id
        where c.id = any(${sql.param(ids)}::uuid[]) order by c.id`,
  );
}

describe('refreshStatsFor', () => {
  it('counts the same visits, spend and dates as the per-customer refresh', async () => {
    const db = t.database.db;
    const org = t.orgId;
    const [store] = await rows<{ id: string }>(db, sql`select id from stores where id = ${t.mainStoreId}`);
    const [tokyo] = await rows<{ id: string }>(
      db,
      sql`insert into stores (org_id, code, name, timezone, currency, country, locale)
          values (${org}, 'TYO', 'Tokyo', 'Asia/Tokyo', 'JPY', 'JP', 'ja') returning id`,
    );
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const [c] = await rows<{ id: string }>(
        db,
        sql`insert into customers (org_id, store_id, family_name, display_name) values (${org}, ${store!.id}, ${`S${i}`}, ${`S${i}`}) returning id`,
      );
      ids.push(c!.id);
    }
    const [a, b, c, d] = ids as [string, string, string, string];
    const receipt = (customer: string, storeId: string, at: string, kind: 'sale' | 'return', paid: number) =>
      db.execute(sql`insert into receipts (org_id, store_id, customer_id, receipt_no, kind, occurred_at, currency, total_list, total_discount, total_paid)
        values (${org}, ${storeId}, ${customer}, ${crypto.randomUUID()}, ${kind}, ${at}::timestamptz, 'CNY', ${paid}, 0, ${paid})`);
    const visit = (customer: string, storeId: string, at: string) =>
      db.execute(
        sql`insert into service_visits (org_id, store_id, customer_id, visited_at) values (${org}, ${storeId}, ${customer}, ${at}::timestamptz)`,
      );
    // a: two sales on one local day, a return, and a facial on another day → 2 visits
    await receipt(a, store!.id, '2026-03-01T02:00:00Z', 'sale', 1000);
    await receipt(a, store!.id, '2026-03-01T10:00:00Z', 'sale', 500);
    await receipt(a, store!.id, '2026-03-05T10:00:00Z', 'return', -500);
    await visit(a, store!.id, '2026-03-08T03:00:00Z');
    // b: salon visits only (one of them on the day of a sale) → 2 visits, last visit the later facial
    await receipt(b, tokyo!.id, '2026-04-01T16:00:00Z', 'sale', 300); // 04-02 in Tokyo
    await visit(b, tokyo!.id, '2026-04-02T05:00:00Z'); // also 04-02 in Tokyo
    await visit(b, tokyo!.id, '2026-05-01T05:00:00Z');
    // c: only a facial; d: nothing
    await visit(c, store!.id, '2026-06-01T05:00:00Z');
    void d;

    for (const id of ids) await refreshCustomerStats(db, id);
    const one = await snapshot(ids);
    await db.execute(sql`delete from customer_stats where customer_id = any(${sql.param(ids)}::uuid[])`);
    await db.execute(sql`update customers set last_visit_at = null where id = any(${sql.param(ids)}::uuid[])`);
    await refreshStatsFor(db, ids);
    const many = await snapshot(ids);
    expect(many).toEqual(one);
    const byId = new Map(many.map((r) => [r.id, r]));
    expect(byId.get(a)).toMatchObject({ spend: '1000', receipt_count: 2, visit_count: 2 });
    expect(byId.get(b)).toMatchObject({ visit_count: 2 });
    expect(new Date(byId.get(b)!.last_visit_at as string).toISOString()).toBe('2026-05-01T05:00:00.000Z');
    expect(byId.get(c)).toMatchObject({ spend: '0', receipt_count: 0, visit_count: 1 });
  });
});
