// The SQL of the metrics engine, shared by the full recompute (over temporary tables for a whole
// organisation) and the incremental refresh (over CTEs for a few customers): both read relations with
// the same names, so one customer refreshed alone gets exactly the row the full run would write, given
// the same thresholds and model. The rules mirror src/domain/classes.ts.
//
// Relations (all keyed by customer_id):
//   _m_cust  the customers in scope with their home currency and "today" (as_of, store-local)
//   _m_lf    one row per customer: what only the lines tell (pieces, discounted spend, category bits)
//   _m_agg   one row per customer: purchase and visit aggregates, from her store-local days (sales and
//            returns grouped by day as her receipts come out of their index, then grouped again by
//            customer in the same pass, never written out; salon visit days beside them), her repeat
//            purchase days' count and capped sum (Gamma-Gamma), and _m_lf
//   _m_cats  the categories she bought: per set of category bits (catsFromBitsSql), or per customer
//            beyond 63 categories (catsSql)
//   _m_g     BG/NBD alive-expectation terms per (currency, x, T days), computed in Node
//
// From them, metrics-rows.sql.ts builds the thresholds and the rows of customer_metrics.
import { sql, type SQL } from 'drizzle-orm';
import type { ClassSettings } from '../../../contracts/metrics';

export type Scope = { orgId: string; asOf: string | null; ids: string[] | null };

/** `= any('{…}'::uuid[])`: a plain parameter, so the planner uses the customer indexes. */
const idList = (ids: string[]) => `{${ids.join(',')}}`;
const only = (col: SQL, ids: string[] | null) => (ids ? sql` and ${col} = any(${idList(ids)}::uuid[])` : sql``);

/**
 * Her home currency and "today" (as_of). When every store of the organisation shares one currency and
 * one time zone (the usual case) they are constants for everyone, and the passes over receipts and
 * lines need not join the customers; otherwise each receipt is joined to her home store (`hs`).
 */
export type Home = { currency: string; timezone: string } | null;

/** The home store of the receipt `r`'s customer, when the organisation is not uniform. */
const homeJoin = (home: Home) =>
  home ? sql`` : sql` join customers hc on hc.id = r.customer_id join stores hs on hs.id = hc.store_id`;
const homeCurrency = (home: Home) => (home ? sql`${home.currency}::text` : sql`hs.currency`);
const homeAsOf = (asOf: string | null, home: Home) =>
  home
    ? sql`coalesce(${asOf}::date, (now() at time zone ${home.timezone}::text)::date)`
    : sql`coalesce(${asOf}::date, (now() at time zone hs.timezone)::date)`;
/** The receipt's store-local day. */
const receiptDay = (home: Home) =>
  home
    ? sql`(r.occurred_at at time zone ${home.timezone}::text)::date`
    : sql`(r.occurred_at at time zone st.timezone)::date`;
const receiptStore = (home: Home) => (home ? sql`` : sql` join stores st on st.id = r.store_id`);
/**
 * "Her receipt's store-local day is on or before as_of" (and "after as_of − days"). For a uniform
 * organisation the day's bounds are instants computed once (an InitPlan), so the passes compare
 * timestamps instead of converting every receipt and line to local time (a conversion costs about as
 * much as reading the row): day ≤ as_of ⇔ occurred_at < the local midnight that starts as_of + 1.
 */
const dayOnOrBefore = (asOf: string | null, home: Home) =>
  home
    ? sql`r.occurred_at < (select ((${homeAsOf(asOf, home)} + 1)::timestamp at time zone ${home.timezone}::text))`
    : sql`${receiptDay(home)} <= ${homeAsOf(asOf, home)}`;
const dayAfter = (asOf: string | null, home: Home, days: number) =>
  home
    ? sql`r.occurred_at >= (select ((${homeAsOf(asOf, home)} - ${days}::int + 1)::timestamp at time zone ${home.timezone}::text))`
    : sql`${receiptDay(home)} > ${homeAsOf(asOf, home)} - ${days}::int`;

export function custSql({ orgId, asOf, ids }: Scope): SQL {
  return sql`
    select c.id as customer_id, c.org_id, c.store_id, s.currency,
           coalesce(${asOf}::date, (now() at time zone s.timezone)::date) as as_of,
           (c.created_at at time zone s.timezone)::date as created_day
    from customers c join stores s on s.id = c.store_id
    where c.org_id = ${orgId} and c.merged_into_id is null${only(sql`c.id`, ids)}`;
}

/** Categories as bits (at most 63 per organisation; beyond that the categories come from catsSql). */
export function catIdxSql(orgId: string): SQL {
  return sql`
    select id, key, (1::bigint << (row_number() over (order by key) - 1)::int) as bit
    from product_categories where org_id = ${orgId} order by key limit 63`;
}

/**
 * The same bits as a VALUES list (no window function and no temporary table, so the pass over the
 * lines may run in parallel workers).
 */
export function catBitsSql(cats: { id: string; bit: string | number | bigint }[]): SQL {
  if (!cats.length) return sql`select null::uuid as id, null::bigint as bit where false`;
  return sql`select * from (values ${sql.join(
    cats.map((c) => sql`(${c.id}::uuid, ${String(c.bit)}::bigint)`),
    sql`, `,
  )}) as ci(id, bit)`;
}

/**
 * One row per customer and store-local day with a sale or a return, from the receipts (whose totals
 * are the sums of their lines); days after as_of are left out. Read by aggSql only, as a subquery.
 * The receipts come out of their (customer, time) index in its order — the index carries what is read
 * here (migration 0023), so no table page is visited — and a receipt's local day rises with its time:
 * the days need sorting within each customer only (an incremental sort of a few rows), not a sort of
 * every receipt. Salon visits are not among these days (a union would lose that order): see visitOnlySql.
 */
export function cdSql({ orgId, asOf, ids }: Scope, home: Home): SQL {
  // Her "today" and currency: constants of the organisation when it is uniform (computed once, not
  // per receipt), else her home store's.
  const asOfOfDay = home ? sql`(select ${homeAsOf(asOf, home)})` : sql`max(${homeAsOf(asOf, home)})`;
  const currencyOfDay = home ? homeCurrency(home) : sql`max(${homeCurrency(home)})`;
  return sql`
    select r.customer_id, ${receiptDay(home)} as day, ${asOfOfDay} as as_of,
           bool_or(r.kind = 'sale') as sale,
           min(r.occurred_at) filter (where r.kind = 'sale') as first_at,
           max(r.occurred_at) filter (where r.kind = 'sale') as last_at,
           coalesce(sum(r.total_paid) filter (where r.currency = ${homeCurrency(home)}), 0)::bigint as value,
           coalesce(sum(r.total_paid) filter (where r.currency = ${homeCurrency(home)} and r.kind = 'sale'), 0)::bigint as sale_value,
           ${currencyOfDay} as currency
    from receipts r${receiptStore(home)}${homeJoin(home)}
    where r.org_id = ${orgId} and r.customer_id is not null${only(sql`r.customer_id`, ids)}
      and ${dayOnOrBefore(asOf, home)}
    group by r.customer_id, 2`;
}

/**
 * Per customer, her visit days that are not sale days: store-local days up to as_of with a salon
 * visit and no sale receipt (in the receipt's own store's zone, as cdSql counts it). Her visit days
 * are her sale days (from cdSql) and these. A local day lies within a day and a half of the same
 * date at UTC midnight in any zone, so the receipts of the day are found by her index in that range.
 */
export function visitOnlySql({ orgId, ids }: Scope): SQL {
  const visitDay = sql`(v.visited_at at time zone st.timezone)::date`;
  return sql`
    select o.customer_id, count(*)::int as n,
           (count(*) filter (where o.day > (o.as_of - interval '6 months')::date))::int as n6,
           (count(*) filter (where o.day > (o.as_of - interval '12 months')::date))::int as n12,
           min(o.day) as first_day, max(o.day) as last_day
    from (
      select distinct v.customer_id, ${visitDay} as day, cu.as_of
      from service_visits v
      join stores st on st.id = v.store_id
      join _m_cust cu on cu.customer_id = v.customer_id
      where v.org_id = ${orgId}${only(sql`v.customer_id`, ids)} and ${visitDay} <= cu.as_of
    ) o
    where not exists (
      select 1 from receipts r join stores rs on rs.id = r.store_id
      where r.customer_id = o.customer_id and r.org_id = ${orgId} and r.kind = 'sale'
        and r.occurred_at >= (o.day::timestamp at time zone 'UTC') - interval '1 day'
        and r.occurred_at < ((o.day + 2)::timestamp at time zone 'UTC')
        and (r.occurred_at at time zone rs.timezone)::date = o.day)
    group by o.customer_id`;
}

/**
 * What only the lines tell, per customer, in one pass over them (parallel on PostgreSQL): the pieces
 * in the window, the home-currency amount paid for discounted sale lines, the categories bought
 * (as bits, from catBitsSql) and whether she bought at all (every receipt has lines: the buyers the
 * spend caps' sample is taken from, before the days are grouped).
 */
export function linesSql({ orgId, asOf, ids }: Scope, home: Home, s: ClassSettings, catBits: SQL): SQL {
  return sql`
    select r.customer_id,
           coalesce(sum(l.quantity) filter (where ${dayAfter(asOf, home, s.windowDays)}), 0)::int as q_win,
           coalesce(sum(l.paid_amount) filter (where r.kind = 'sale' and l.discount > 0 and r.currency = ${homeCurrency(home)}), 0)::bigint as disc_value,
           coalesce(bit_or(ci.bit) filter (where r.kind = 'sale'), 0)::bigint as cats,
           bool_or(r.kind = 'sale') as sold
    from receipt_lines l
    join receipts r on r.id = l.receipt_id${receiptStore(home)}${homeJoin(home)}
    left join (${catBits}) ci on ci.id = l.category_id
    where r.org_id = ${orgId} and r.customer_id is not null${only(sql`r.customer_id`, ids)}
      and ${dayOnOrBefore(asOf, home)}
    group by r.customer_id`;
}

/**
 * The category keys of each distinct set of bits her purchases hold (up to 63 categories), keyed by
 * the bits: decoded once per set, and joined to a customer by her bits (a few hundred sets, not a
 * row per customer).
 */
export const catsFromBitsSql = sql`
  select d.cats, array(select k.key from _m_catidx k where d.cats & k.bit <> 0 order by k.key) as keys
  from (select distinct cats from _m_agg where cats <> 0) d`;

/**
 * The spend caps per currency, computed (the full run, computedCapsSql) or stored (the refresh,
 * storedCapsSql) before _m_agg, which sums her repeat spend under them as one CASE of constants.
 */
export type Caps = Record<string, number>;
const capOf = (caps: Caps, currency: SQL) => {
  const known = Object.entries(caps).filter(([c, v]) => /^[A-Z]{3}$/.test(c) && Number.isFinite(v));
  return known.length
    ? sql`(case ${currency} ${sql.join(
        known.map(([c, v]) => sql`when ${c}::text then ${v}::float8`),
        sql` `,
      )} else 'Infinity'::float8 end)`
    : sql`'Infinity'::float8`;
};

/**
 * Her days (customer_id, day, sale, value …) with her first sale day beside each, as `first_sale`: for
 * the caps, which need the repeat days' values themselves (aggSql only counts and sums them, from her
 * positive sale days less the first, and must agree with repeatDay).
 */
const withFirstSale = (days: SQL) => sql`
  select x.*, min(x.day) filter (where x.sale) over (partition by x.customer_id) as first_sale
  from (${days}) x`;
/** A repeat purchase day of `withFirstSale` row `d`: a sale day after her first, of positive value. */
const repeatDay = sql`d.sale and d.day > d.first_sale and d.value > 0`;

/**
 * Per customer: her days (cdSql) grouped by customer as they come out of their order — no table of
 * millions of days written and read back —, with her repeat purchase days (sale days after her first,
 * positive value) counted and summed under her currency's cap (Gamma-Gamma), her visit days (her sale
 * days and visitOnlySql's), and the line facts (_m_lf).
 */
export function aggSql(scope: Scope, home: Home, s: ClassSettings, caps: Caps): SQL {
  const w = s.windowDays;
  const cap = capOf(caps, sql`d.currency`);
  /** Her first sale day and its value, as [days since 1900-01-01, value]. */
  const firstSale = sql`(min(array[(d.day - date '1900-01-01')::bigint, d.value]) filter (where d.sale))`;
  return sql`
    select cu.customer_id, cu.org_id, cu.store_id, cu.currency, cu.as_of, cu.created_day,
           d.first_purchase_at, d.last_purchase_at, d.first_day, d.last_day,
           coalesce(d.f_life, 0) as f_life, coalesce(d.f_win, 0) as f_win,
           coalesce(d.m_life, 0)::bigint as m_life, coalesce(d.m_win, 0)::bigint as m_win,
           coalesce(lf.q_win, 0) as q_win,
           coalesce(d.sale_value, 0)::bigint as sale_value, coalesce(lf.disc_value, 0)::bigint as disc_value,
           coalesce(d.f_life, 0) + coalesce(vo.n, 0) as visits,
           coalesce(d.v6, 0) + coalesce(vo.n6, 0) as v6, coalesce(d.v12, 0) + coalesce(vo.n12, 0) as v12,
           least(d.first_day, vo.first_day) as first_visit, greatest(d.last_day, vo.last_day) as last_visit,
           coalesce(lf.cats, 0)::bigint as cats,
           coalesce(d.xs, 0) as xs, coalesce(d.ss, 0)::float8 as ss
    from _m_cust cu
    left join (
      select d.customer_id,
             min(d.first_at) as first_purchase_at,
             max(d.last_at) as last_purchase_at,
             min(d.day) filter (where d.sale) as first_day,
             max(d.day) filter (where d.sale) as last_day,
             (count(*) filter (where d.sale))::int as f_life,
             (count(*) filter (where d.sale and d.day > d.as_of - ${w}::int))::int as f_win,
             sum(d.value) as m_life,
             sum(d.value) filter (where d.day > d.as_of - ${w}::int) as m_win,
             sum(d.sale_value) as sale_value,
             (count(*) filter (where d.sale and d.day > (d.as_of - interval '6 months')::date))::int as v6,
             (count(*) filter (where d.sale and d.day > (d.as_of - interval '12 months')::date))::int as v12,
             -- Her repeat days: her sale days of positive value but the first sale day (the days come
             -- in order, so that one is the least [day, value] pair: no window over her days).
             ((count(*) filter (where d.sale and d.value > 0))
               - (case when ${firstSale}[2] > 0 then 1 else 0 end))::int as xs,
             coalesce(sum(least(d.value::float8, ${cap})) filter (where d.sale and d.value > 0), 0)
               - (case when ${firstSale}[2] > 0 then least(${firstSale}[2]::float8, max(${cap})) else 0 end) as ss
      from (${cdSql(scope, home)}) d
      group by d.customer_id
    ) d on d.customer_id = cu.customer_id
    left join (${visitOnlySql(scope)}) vo on vo.customer_id = cu.customer_id
    left join _m_lf lf on lf.customer_id = cu.customer_id`;
}

/** Her categories by a pass of their own (organisations with more than 63 categories). */
export function catsSql({ orgId, ids }: Scope): SQL {
  return sql`
    select r.customer_id, array_agg(distinct pc.key order by pc.key) as keys
    from receipt_lines l
    join receipts r on r.id = l.receipt_id
    join product_categories pc on pc.id = l.category_id
    join _m_cust cu on cu.customer_id = r.customer_id
    where r.org_id = ${orgId} and r.kind = 'sale'${only(sql`r.customer_id`, ids)}
    group by r.customer_id`;
}

/** Stored caps of the last full run (the incremental refresh). */
export function storedCapsSql(orgId: string): SQL {
  return sql`select currency, spend_cap as cap from clv_models where org_id = ${orgId} and spend_cap is not null`;
}

/**
 * Caps from the data (the full run): the smaller of the chosen percentile of positive repeat-day
 * values and a robust fence, exactly as domain/clv spendCapOf (nearest-rank percentiles). Above
 * FIT_SAMPLE buyers a currency's cap comes from the same deterministic hash sample of customers the
 * models are fitted on (`sample`: every how many-th, per currency): only their receipts are grouped
 * into days, before _m_agg, which sums her repeat days under the cap.
 */
export function computedCapsSql(
  scope: Scope,
  home: Home,
  capQuantile: number,
  sample: Record<string, number> = {},
): SQL {
  const mods = Object.entries(sample).filter(([c, m]) => /^[A-Z]{3}$/.test(c) && Number.isInteger(m) && m > 1);
  // The sample is drawn from the customers (a hash per customer, not per receipt), then their
  // receipts are read by her index.
  const sampled = mods.length
    ? sql` and mod(abs(hashtext(cu.customer_id::text)), (case cu.currency ${sql.raw(
        mods.map(([c, m]) => `when '${c}' then ${m}`).join(' '),
      )} else 1 end)) = 0`
    : sql``;
  const { orgId, asOf, ids } = scope;
  return sql`
    with cs as materialized (
      select cu.customer_id, cu.currency from _m_cust cu where true${only(sql`cu.customer_id`, ids)}${sampled}
    ), days as (
      select r.customer_id, ${receiptDay(home)} as day, cs.currency, bool_or(r.kind = 'sale') as sale,
             coalesce(sum(r.total_paid) filter (where r.currency = cs.currency), 0)::float8 as value
      from cs join receipts r on r.customer_id = cs.customer_id${receiptStore(home)}${homeJoin(home)}
      where r.org_id = ${orgId} and ${dayOnOrBefore(asOf, home)}
      group by 1, 2, 3
    ), rv as (
      select d.currency, d.value as v from (${withFirstSale(sql`select * from days`)}) d where ${repeatDay}
    ), med as (
      select currency, percentile_disc(array[0.5, ${capQuantile}::float8]) within group (order by v) as p
      from rv group by currency
    ), mad as (
      select rv.currency, percentile_disc(0.5) within group (order by abs(ln(rv.v) - ln(med.p[1]))) as mad
      from rv join med on med.currency = rv.currency group by rv.currency
    )
    select med.currency, least(med.p[2], greatest(10 * med.p[1], med.p[1] * exp(5 * 1.4826 * mad.mad))) as cap
    from med join mad on mad.currency = med.currency`;
}

/** The (currency, x, T days) keys whose alive-expectation terms the final select needs. */
export const gKeysSql = sql`
  select a.currency, a.f_life - 1 as x, a.as_of - a.first_day as t
  from _m_agg a where a.f_life > 0
  group by 1, 2, 3`;

export type GTerm = { currency: string; x: number; t: number; g90: number; g365: number };

export function gSql(terms: GTerm[]): SQL {
  return sql`select * from jsonb_to_recordset(${JSON.stringify(terms)}::jsonb)
    as g(currency text, x int, t int, g90 float8, g365 float8)`;
}
