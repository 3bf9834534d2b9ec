// The manager dashboard: every figure is one set-based query over customers ⋈ customer_metrics (and
// receipts for the cohorts), restricted to the stores in scope; nothing loads customers into Node.
// The model-quality panel aggregates receipts into purchase days in SQL and hands them to the CLV
// domain's fit and calibration check (domain/clv), which say "not enough data" when they must.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Dashboard, ModelQuality } from '../../../contracts/analytics';
import { addDays, localDateOf } from '../../../domain/care/dates';
import { calibrationReport, fitClv, type Transaction } from '../../../domain/clv';
import { rows, type Db } from '../../db/client';
import { stores } from '../../db/schema';
import { AppError } from '../../errors';

export type DashboardScope = { orgId: string; storeIds: string[] };

/** The stores the dashboard covers: one store, a region's stores, or all the caller reaches. */
export async function scopeStores(
  db: Db,
  p: DashboardScope,
  q: { storeId?: string; regionId?: string },
): Promise<Array<{ id: string; currency: string; timezone: string }>> {
  const all = p.storeIds.length
    ? await db
        .select({ id: stores.id, currency: stores.currency, timezone: stores.timezone, regionId: stores.regionId })
        .from(stores)
        .where(and(eq(stores.orgId, p.orgId), inArray(stores.id, p.storeIds)))
    : [];
  if (q.storeId) {
    const one = all.filter((s) => s.id === q.storeId);
    if (!one.length) throw new AppError('not_found');
    return one;
  }
  if (q.regionId) return all.filter((s) => s.regionId === q.regionId);
  return all;
}

const num = (v: unknown) => Number(v ?? 0);

export async function dashboard(
  db: Db,
  p: DashboardScope,
  q: { storeId?: string; regionId?: string; currency?: string },
): Promise<Dashboard> {
  const scoped = await scopeStores(db, p, q);
  const storeIds = scoped.map((s) => s.id);
  const ids = sql`${sql.param(storeIds)}::uuid[]`;
  const live = sql`c.org_id = ${p.orgId} and c.merged_into_id is null and c.erased_at is null and c.store_id = any(${ids})`;
  const currencies = [...new Set(scoped.map((s) => s.currency))].sort();
  // The currency of most customers in scope, unless asked.
  let currency = q.currency && currencies.includes(q.currency) ? q.currency : (currencies[0] ?? 'CNY');
  if (!q.currency && currencies.length > 1) {
    const [top] = await rows<{ currency: string }>(
      db,
      sql`select s.currency from customers c join stores s on s.id = c.store_id where ${live}
          group by s.currency order by count(*) desc limit 1`,
    );
    currency = top?.currency ?? currency;
  }
  const inCurrency = sql`m.currency = ${currency}`;
  const withMetrics = (where: SQL) =>
    sql`from customers c join customer_metrics m on m.org_id = c.org_id and m.customer_id = c.id where ${live} and ${where}`;

  const [totals, tiers, abcd, rfm, pareto, repeat, cohorts, atRisk, top, funnel] = await Promise.all([
    rows<{ customers: number; buyers: number }>(
      db,
      sql`select count(*)::int as customers,
            count(*) filter (where m.monetary_window > 0 and m.currency = ${currency})::int as buyers
          from customers c left join customer_metrics m on m.org_id = c.org_id and m.customer_id = c.id where ${live}`,
    ),
    rows<{ key: string; customers: number; rank: number | null }>(
      db,
      sql`select coalesce(c.tier, 'none') as key, count(*)::int as customers, max(t.rank)::int as rank
          from customers c left join tier_definitions t on t.org_id = c.org_id and t.key = c.tier
          where ${live} group by 1 order by max(t.rank) desc nulls last`,
    ),
    rows<{ key: string; customers: number; monetary: number }>(
      db,
      sql`select m.class_abcd as key, count(*)::int as customers, coalesce(sum(m.monetary_window), 0)::float8 as monetary
          ${withMetrics(sql`m.class_abcd is not null and ${inCurrency}`)} group by 1 order by 1`,
    ),
    rows<{ key: string; customers: number; monetary: number }>(
      db,
      sql`select m.rfm_segment as key, count(*)::int as customers, coalesce(sum(m.monetary_window), 0)::float8 as monetary
          ${withMetrics(sql`m.rfm_segment is not null and ${inCurrency}`)} group by 1 order by 2 desc`,
    ),
    // The Pareto curve: buyers by spend, highest first, cut in 20 equal slices of customers.
    rows<{ bucket: number; cum: number; total: number; n: number; top20: number }>(
      db,
      sql`with ranked as (
            select m.monetary_window::float8 as v,
              row_number() over (order by m.monetary_window desc, c.id) as rn,
              count(*) over () as n,
              sum(m.monetary_window::float8) over () as total,
              sum(m.monetary_window::float8) over (order by m.monetary_window desc, c.id rows unbounded preceding) as cum
            ${withMetrics(sql`m.monetary_window > 0 and ${inCurrency}`)})
          select ceil(rn * 20.0 / n)::int as bucket, max(cum) as cum, max(total) as total, max(n)::int as n,
            (select coalesce(sum(r2.v), 0) from ranked r2 where r2.rn <= ceil(r2.n * 0.2)) as top20
          from ranked group by 1 order by 1`,
    ),
    rows<{ buyers: number; repeaters: number }>(
      db,
      sql`select count(*) filter (where m.frequency_lifetime >= 1)::int as buyers,
            count(*) filter (where m.frequency_lifetime >= 2)::int as repeaters
          ${withMetrics(sql`true`)}`,
    ),
    // First-purchase month per customer (store-local), and the months she bought in after it.
    rows<{ cohort: string; k: number; customers: number }>(
      db,
      sql`with days as (
            select r.customer_id, date_trunc('month', (r.occurred_at at time zone s.timezone))::date as mon
            from receipts r join stores s on s.id = r.store_id join customers c on c.id = r.customer_id
            where r.org_id = ${p.orgId} and r.kind = 'sale' and ${live}
            group by 1, 2),
          firsts as (select customer_id, min(mon) as cohort from days group by 1)
          select to_char(f.cohort, 'YYYY-MM') as cohort,
            ((extract(year from d.mon) - extract(year from f.cohort)) * 12 + extract(month from d.mon) - extract(month from f.cohort))::int as k,
            count(*)::int as customers
          from firsts f join days d on d.customer_id = f.customer_id
          where f.cohort >= (date_trunc('month', now()) - interval '11 months')::date
          group by 1, 2 order by 1, 2`,
    ),
    rows<{ status: 'drifting' | 'lost'; customers: number; monetary: number; expected: number }>(
      db,
      sql`select m.lapse_status as status, count(*)::int as customers,
            coalesce(sum(m.monetary_window), 0)::float8 as monetary, coalesce(sum(m.expected_value_365), 0)::float8 as expected
          ${withMetrics(sql`m.lapse_status in ('drifting', 'lost') and ${inCurrency}`)} group by 1 order by 1`,
    ),
    rows<{ id: string; displayName: string; tier: string | null; ev: number; pAlive: number | null; monetary: number }>(
      db,
      sql`select c.id, c.display_name as "displayName", c.tier, m.expected_value_365::float8 as ev,
            m.p_alive as "pAlive", m.monetary_window::float8 as monetary
          ${withMetrics(sql`m.expected_value_365 is not null and ${inCurrency}`)}
          order by m.expected_value_365 desc, c.id limit 10`,
    ),
    rows<{ key: string; customers: number }>(
      db,
      sql`select coalesce(m.loyalty_stage, 'suspect') as key, count(*)::int as customers
          from customers c left join customer_metrics m on m.org_id = c.org_id and m.customer_id = c.id where ${live} group by 1`,
    ),
  ]);

  // Cohort shares: size is month 0; lost/drifting come from the metrics of the same customers.
  const lapse = await rows<{ cohort: string; lost: number; drifting: number }>(
    db,
    sql`with firsts as (
          select r.customer_id, to_char(date_trunc('month', min(r.occurred_at at time zone s.timezone)), 'YYYY-MM') as cohort
          from receipts r join stores s on s.id = r.store_id join customers c on c.id = r.customer_id
          where r.org_id = ${p.orgId} and r.kind = 'sale' and ${live} group by 1)
        select f.cohort, count(*) filter (where m.lapse_status = 'lost')::int as lost,
          count(*) filter (where m.lapse_status = 'drifting')::int as drifting
        from firsts f join customer_metrics m on m.org_id = ${p.orgId} and m.customer_id = f.customer_id group by 1`,
  );
  const lapseOf = new Map(lapse.map((l) => [l.cohort, l]));
  const byCohort = new Map<string, Map<number, number>>();
  for (const r of cohorts) {
    const m = byCohort.get(r.cohort) ?? new Map<number, number>();
    m.set(num(r.k), num(r.customers));
    byCohort.set(r.cohort, m);
  }
  const FUNNEL = ['suspect', 'expectant', 'first_purchase', 'repeat', 'advocate'];
  const funnelOf = new Map(funnel.map((f) => [f.key, num(f.customers)]));
  const last = pareto.at(-1);
  const rep = repeat[0];
  return {
    scope: { storeIds, currency, currencies },
    customers: num(totals[0]?.customers),
    buyers: num(totals[0]?.buyers),
    tiers: tiers.map((t) => ({ key: t.key, customers: num(t.customers), rank: t.rank === null ? null : num(t.rank) })),
    classAbcd: abcd.map((r) => ({ key: r.key, customers: num(r.customers), monetary: num(r.monetary) })),
    rfmSegments: rfm.map((r) => ({ key: r.key, customers: num(r.customers), monetary: num(r.monetary) })),
    pareto: {
      points: [
        { customerShare: 0, revenueShare: 0 },
        ...pareto.map((b) => ({
          customerShare: num(b.bucket) / 20,
          revenueShare: num(b.total) > 0 ? num(b.cum) / num(b.total) : 0,
        })),
      ],
      // The top 20% of buyers, rounded up (2 of 10, 1 of 4).
      top20RevenueShare: last && num(last.total) > 0 ? num(last.top20) / num(last.total) : null,
    },
    repeat: {
      buyers: num(rep?.buyers),
      repeaters: num(rep?.repeaters),
      rate: num(rep?.buyers) > 0 ? num(rep?.repeaters) / num(rep?.buyers) : null,
    },
    cohorts: [...byCohort].map(([cohort, months]) => {
      const size = months.get(0) ?? 0;
      const maxK = Math.max(0, ...months.keys());
      const l = lapseOf.get(cohort);
      return {
        cohort,
        customers: size,
        retained: Array.from({ length: maxK }, (_, i) => (size ? (months.get(i + 1) ?? 0) / size : 0)),
        lostShare: size && l ? num(l.lost) / size : 0,
        driftingShare: size && l ? num(l.drifting) / size : 0,
      };
    }),
    atRisk: (['drifting', 'lost'] as const).map((status) => {
      const r = atRisk.find((x) => x.status === status);
      return {
        status,
        customers: num(r?.customers),
        monetaryWindow: num(r?.monetary),
        expectedValue365: num(r?.expected),
      };
    }),
    topCustomers: top.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      tier: r.tier,
      expectedValue365: num(r.ev),
      pAlive: r.pAlive === null ? null : num(r.pAlive),
      monetaryWindow: num(r.monetary),
    })),
    funnel: FUNNEL.map((key) => ({ key, customers: funnelOf.get(key) ?? 0 })),
  };
}

/**
 * Calibration vs hold-out: the model fitted on purchases up to `holdoutDays` before today, then the
 * customers making 0, 1, … 7+ repeat purchases in that period, actual vs expected, and their mean
 * repeat purchases in the hold-out, actual vs expected.
 */
export async function modelQuality(
  db: Db,
  p: DashboardScope,
  q: { storeId?: string; regionId?: string },
  now = new Date(),
  holdoutDays = 182,
): Promise<ModelQuality> {
  const scoped = await scopeStores(db, p, q);
  const today = localDateOf(now, scoped[0]?.timezone ?? 'UTC');
  const calibrationEnd = addDays(today, -holdoutDays);
  // One row per customer and store-local purchase day (the models' transaction), in the database.
  const days = await rows<{ customerId: string; date: string; amount: number }>(
    db,
    sql`select r.customer_id as "customerId", to_char((r.occurred_at at time zone s.timezone)::date, 'YYYY-MM-DD') as date,
          sum(r.total_paid)::float8 as amount
        from receipts r join stores s on s.id = r.store_id join customers c on c.id = r.customer_id
        where r.org_id = ${p.orgId} and r.kind = 'sale' and r.store_id = any(${sql.param(scoped.map((s) => s.id))}::uuid[])
          and c.merged_into_id is null and c.erased_at is null
          and (r.occurred_at at time zone s.timezone)::date <= ${today}::date
        group by 1, 2`,
  );
  const transactions: Transaction[] = days.map((d) => ({
    customerId: d.customerId,
    date: d.date,
    amount: num(d.amount),
  }));
  const calibration = transactions.filter((t) => t.date <= calibrationEnd);
  const fit = fitClv(calibration, { calibrationEnd });
  if (fit.status !== 'ok') return fit;
  const report = calibrationReport(transactions, fit.bgnbd, { calibrationEnd, holdoutEnd: today });
  return {
    status: 'ok',
    calibrationEnd,
    holdoutEnd: today,
    customers: report.customers,
    params: { r: fit.bgnbd.r, alpha: fit.bgnbd.alpha, a: fit.bgnbd.a, b: fit.bgnbd.b },
    frequency: report.frequency,
    conditional: report.conditional,
  };
}
