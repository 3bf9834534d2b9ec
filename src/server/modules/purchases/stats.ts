// Per-customer purchase aggregates, recomputed from the receipts (and salon visits) of one customer
// whenever one arrives, so the file shows lifetime spend, visits and last visit at once.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rows } from '../../db/client';
import { customers } from '../../db/schema';

export async function refreshCustomerStats(db: Db, customerId: string): Promise<void> {
  // A visit is a day (in the store's time zone) with a sale or a salon service.
  await db.execute(sql`
    insert into customer_stats (customer_id, org_id, lifetime_spend, receipt_count, visit_count, first_purchase_at, last_purchase_at, updated_at)
    select c.id, c.org_id,
           coalesce((select sum(r.total_paid) from receipts r where r.customer_id = c.id), 0),
           (select count(*) from receipts r where r.customer_id = c.id and r.kind = 'sale'),
           (select count(distinct d) from (
               select (r.occurred_at at time zone s.timezone)::date as d from receipts r join stores s on s.id = r.store_id
               where r.customer_id = c.id and r.kind = 'sale'
               union
               select (v.visited_at at time zone s.timezone)::date from service_visits v join stores s on s.id = v.store_id
               where v.customer_id = c.id) days),
           (select min(r.occurred_at) from receipts r where r.customer_id = c.id and r.kind = 'sale'),
           (select max(r.occurred_at) from receipts r where r.customer_id = c.id and r.kind = 'sale'),
           now()
    from customers c where c.id = ${customerId}
    on conflict (customer_id) do update set
      lifetime_spend = excluded.lifetime_spend, receipt_count = excluded.receipt_count, visit_count = excluded.visit_count,
      first_purchase_at = excluded.first_purchase_at, last_purchase_at = excluded.last_purchase_at, updated_at = now()`);
  await db
    .update(customers)
    .set({
      lastVisitAt: sql`greatest(
        (select max(occurred_at) from receipts where customer_id = ${customerId} and kind = 'sale'),
        (select max(visited_at) from service_visits where customer_id = ${customerId}))`,
    })
    .where(eq(customers.id, customerId));
}

export type CustomerStats = {
  lifetimeSpend: number;
  currency: string;
  receiptCount: number;
  visitCount: number;
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
  lastVisitAt: string | null;
  visitsPerMonth6: number;
  visitsPerMonth12: number;
};

/** Her aggregates plus visit frequency (visits per month over the last 6 and 12 months, seed 004). */
export async function getCustomerStats(db: Db, customerId: string): Promise<CustomerStats> {
  const [r] = await rows<{
    lifetime_spend: string | null;
    receipt_count: number | null;
    visit_count: number | null;
    first_purchase_at: Date | string | null;
    last_purchase_at: Date | string | null;
    last_visit_at: Date | string | null;
    currency: string;
    v6: number;
    v12: number;
  }>(
    db,
    sql`
    with days as (
      select (r.occurred_at at time zone s.timezone)::date as d from receipts r join stores s on s.id = r.store_id where r.customer_id = ${customerId} and r.kind = 'sale'
      union
      select (v.visited_at at time zone s.timezone)::date from service_visits v join stores s on s.id = v.store_id where v.customer_id = ${customerId})
    select cs.lifetime_spend, cs.receipt_count, cs.visit_count, cs.first_purchase_at, cs.last_purchase_at, c.last_visit_at, s.currency,
           (select count(*) from days where d > current_date - interval '6 months')::int as v6,
           (select count(*) from days where d > current_date - interval '12 months')::int as v12
    from customers c join stores s on s.id = c.store_id left join customer_stats cs on cs.customer_id = c.id
    where c.id = ${customerId}`,
  );
  const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);
  return {
    lifetimeSpend: Number(r?.lifetime_spend ?? 0),
    currency: r?.currency ?? 'CNY',
    receiptCount: r?.receipt_count ?? 0,
    visitCount: r?.visit_count ?? 0,
    firstPurchaseAt: iso(r?.first_purchase_at),
    lastPurchaseAt: iso(r?.last_purchase_at),
    lastVisitAt: iso(r?.last_visit_at),
    visitsPerMonth6: Math.round(((r?.v6 ?? 0) / 6) * 100) / 100,
    visitsPerMonth12: Math.round(((r?.v12 ?? 0) / 12) * 100) / 100,
  };
}

/**
 * The same aggregates as refreshCustomerStats, set-based for many customers at once (an import touches
 * thousands): `ids` is a query returning one column of customer ids. A visit is a store-local day with a
 * sale or a salon service, exactly as for one customer.
 */
export async function refreshStatsForQuery(db: Db, ids: SQL): Promise<void> {
  await db.execute(sql`
    with ids as materialized (select distinct x.id from (${ids}) as x(id) where x.id is not null),
    r as (
      select r.customer_id, sum(r.total_paid) as spend, count(*) filter (where r.kind = 'sale') as receipts,
             min(r.occurred_at) filter (where r.kind = 'sale') as first_at, max(r.occurred_at) filter (where r.kind = 'sale') as last_at
      from receipts r where r.customer_id in (select id from ids) group by r.customer_id),
    days as (
      select r.customer_id, (r.occurred_at at time zone s.timezone)::date as d
      from receipts r join stores s on s.id = r.store_id where r.customer_id in (select id from ids) and r.kind = 'sale'
      union
      select v.customer_id, (v.visited_at at time zone s.timezone)::date
      from service_visits v join stores s on s.id = v.store_id where v.customer_id in (select id from ids)),
    v as (select customer_id, count(*) as visits from days group by customer_id)
    insert into customer_stats (customer_id, org_id, lifetime_spend, receipt_count, visit_count, first_purchase_at, last_purchase_at, updated_at)
    select c.id, c.org_id, coalesce(r.spend, 0), coalesce(r.receipts, 0), coalesce(v.visits, 0), r.first_at, r.last_at, now()
    from customers c left join r on r.customer_id = c.id left join v on v.customer_id = c.id
    where c.id in (select id from ids)
    on conflict (customer_id) do update set
      lifetime_spend = excluded.lifetime_spend, receipt_count = excluded.receipt_count, visit_count = excluded.visit_count,
      first_purchase_at = excluded.first_purchase_at, last_purchase_at = excluded.last_purchase_at, updated_at = now()`);
  await db.execute(sql`
    with ids as materialized (select distinct x.id from (${ids}) as x(id) where x.id is not null),
    last as (
      select c.id, greatest(cs.last_purchase_at, (select max(visited_at) from service_visits sv where sv.customer_id = c.id)) as at
      from customers c join ids on ids.id = c.id left join customer_stats cs on cs.customer_id = c.id)
    update customers c set last_visit_at = last.at from last
    where c.id = last.id and c.last_visit_at is distinct from last.at`);
}

/** refreshStatsForQuery for a list of ids. */
export async function refreshStatsFor(db: Db, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 50_000)
    await refreshStatsForQuery(db, sql`select unnest(${sql.param(ids.slice(i, i + 50_000))}::uuid[])`);
}
