// Demo salon visits with prepaid cards, a few repairs, and the customer aggregates in one pass.
import { sql } from 'drizzle-orm';
import type { DemoContext } from './generate';
import { prepaidCards, prepaidLedger, repairEvents, repairTickets, serviceItems, serviceVisits } from '../db/schema';
import { DEMO_SERVICES, localPrice } from './catalogue';

export async function generateExtras(ctx: DemoContext): Promise<{ visits: number; repairs: number }> {
  const { db, orgId, opts, r, pick, progress, stamp, now, cust } = ctx;
  const DAY = 86_400_000;
  // Salon: a service menu, and visits with care logs and 10-visit cards for a fifth of the customers.
  const [facial, neck] = await db
    .insert(serviceItems)
    .values(
      DEMO_SERVICES.map((s) => ({
        orgId,
        name: s.name['zh-CN'],
        durationMinutes: s.minutes,
        price: localPrice(s.priceCny, 'CNY'),
        currency: 'CNY',
      })),
    )
    .returning();
  let visits = 0;
  const salonCustomers = cust.filter(() => r() < 0.2).slice(0, 2000);
  for (const c of salonCustomers) {
    const [card] = await db
      .insert(prepaidCards)
      .values({
        orgId,
        storeId: c.store.id,
        customerId: c.id,
        kind: 'count',
        name: '补水护理 10 次卡',
        serviceItemId: facial!.id,
        currency: c.store.currency,
        pricePaid: localPrice(2980, c.store.currency),
        soldAt: new Date(now - 120 * DAY),
      })
      .returning();
    await db
      .insert(prepaidLedger)
      .values({ orgId, cardId: card!.id, entry: 'issue', countDelta: 10, at: new Date(now - 120 * DAY) });
    const n = 1 + Math.floor(r() * 4);
    for (let k = 0; k < n; k++) {
      const [v] = await db
        .insert(serviceVisits)
        .values({
          orgId,
          storeId: c.store.id,
          customerId: c.id,
          beauticianId: c.store.guides.length ? pick(c.store.guides) : null,
          visitedAt: new Date(now - (100 - k * 25) * DAY),
          services: [
            { serviceItemId: facial!.id, name: facial!.name },
            ...(r() < 0.3 ? [{ serviceItemId: neck!.id, name: neck!.name }] : []),
          ],
          skinCondition: pick(['T 区偏油', '两颊偏干', '轻微泛红', '状态稳定']),
          feedback: pick(['很舒服', '希望力度轻一点', '满意', null]),
        })
        .returning();
      await db
        .insert(prepaidLedger)
        .values({ orgId, cardId: card!.id, entry: 'redeem', countDelta: -1, visitId: v!.id, at: v!.visitedAt });
      visits++;
    }
  }

  // A few repairs, taken in at the store of the purchase.
  const repairable =
    await db.execute(sql`select l.id, r.customer_id, r.store_id, r.currency, l.product_name from receipt_lines l join receipts r on r.id = l.receipt_id
    where r.org_id = ${orgId} and r.kind = 'sale' and r.customer_id is not null and r.source = 'demo' order by r.occurred_at desc limit ${Math.max(3, Math.floor(opts.customers / 50))}`);
  let repairs = 0;
  for (const row of (
    repairable as unknown as {
      rows: Array<{ id: string; customer_id: string; store_id: string; currency: string; product_name: string }>;
    }
  ).rows) {
    const [t] = await db
      .insert(repairTickets)
      .values({
        orgId,
        storeId: row.store_id,
        customerId: row.customer_id,
        receiptLineId: row.id,
        ticketNo: `RD${stamp}-${String(++repairs).padStart(4, '0')}`,
        itemDescription: row.product_name,
        fault: pick(['开线', '纽扣脱落', '拉链损坏', '起球']),
        cause: pick(['quality', 'wear']),
        currency: row.currency,
        reportedOn: new Date(now).toISOString().slice(0, 10),
      })
      .onConflictDoNothing()
      .returning();
    if (t) await db.insert(repairEvents).values({ orgId, ticketId: t.id, status: 'received' });
  }

  // Aggregates in one pass.
  progress('aggregates', 0, 1);
  await db.execute(sql`
    insert into customer_stats (customer_id, org_id, lifetime_spend, receipt_count, visit_count, first_purchase_at, last_purchase_at)
    select c.id, c.org_id, coalesce(sum(r.total_paid), 0), count(*) filter (where r.kind = 'sale'),
           count(distinct (r.occurred_at at time zone s.timezone)::date) filter (where r.kind = 'sale'),
           min(r.occurred_at) filter (where r.kind = 'sale'), max(r.occurred_at) filter (where r.kind = 'sale')
    from customers c join stores s on s.id = c.store_id left join receipts r on r.customer_id = c.id
    where c.org_id = ${orgId}
    group by c.id, c.org_id
    on conflict (customer_id) do update set lifetime_spend = excluded.lifetime_spend, receipt_count = excluded.receipt_count,
      visit_count = excluded.visit_count, first_purchase_at = excluded.first_purchase_at, last_purchase_at = excluded.last_purchase_at, updated_at = now()`);
  await db.execute(sql`
    update customers c set last_visit_at = v.at from (
      select customer_id, max(at) as at from (
        select customer_id, occurred_at as at from receipts where org_id = ${orgId} and kind = 'sale' and customer_id is not null
        union all select customer_id, visited_at from service_visits where org_id = ${orgId}) x group by customer_id) v
    where c.id = v.customer_id`);
  progress('aggregates', 1, 1);
  return { visits, repairs };
}
