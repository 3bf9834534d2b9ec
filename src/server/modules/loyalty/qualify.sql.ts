// The tier rules as SQL, set-based: one pass over the receipts (and salon visits) of the window into a
// per-customer activity (net spend per currency, visit days), then the highest rule each one meets.
// It mirrors domain/tiers.ts meetsRule / qualifiedTier; the rules are compiled into the query (one CASE
// over per-currency spend columns, not a walk over jsonb per customer and rule), so the same query
// serves the live tiers, the "what if" preview and the yearly review.
import { sql, type SQL } from 'drizzle-orm';
import type { TierRule } from '../../../domain/tiers';

export type QualifyScope = {
  orgId: string;
  /** null: every customer of the organisation. */
  customerIds: string[] | null;
  /** End of the window. */
  asOf: Date;
  windowDays: number;
  tiers: TierRule[];
  /** Only customers who hold a tier now (the review). */
  withTierOnly?: boolean;
};

/**
 * CTEs ending in `q(customer_id, display_name, tier, cur_rank, spend, visits, qkey, qrank)`: her tier
 * now (rank by the live definitions, 0 when none) and the highest tier of `tiers` she meets.
 */
export function qualifyCtes(s: QualifyScope): SQL {
  // The rules as a VALUES list (the planner then knows there are a handful, not the 50 rows it guesses
  // for a set-returning function — which made PostgreSQL JIT-compile a query that runs in milliseconds).
  const active = s.tiers.filter((t) => t.isActive !== false);
  const rules = active.length
    ? sql.join(
        active.map((t) => sql`(${t.key}::text, ${t.rank}::int, ${JSON.stringify(t.qualification)}::jsonb)`),
        sql`, `,
      )
    : sql`(null::text, 0, '{}'::jsonb)`;
  const asOf = s.asOf.toISOString();
  const ids = s.customerIds ? sql`and c.id = any(${sql.param(s.customerIds)}::uuid[])` : sql``;
  const rIds = s.customerIds ? sql`and r.customer_id = any(${sql.param(s.customerIds)}::uuid[])` : sql``;
  const vIds = s.customerIds ? sql`and v.customer_id = any(${sql.param(s.customerIds)}::uuid[])` : sql``;
  // Her spend per currency a rule names, as columns s0, s1, … of act, and each rule as a condition on them.
  const currencies = [...new Set(active.flatMap((t) => Object.keys(t.qualification.spend ?? {})))];
  const col = (cur: string) => sql.raw(`a.s${currencies.indexOf(cur)}`);
  const spendColumns = sql.join(
    currencies.map((c, i) => sql`, sum(u.amount) filter (where u.currency = ${c}::text) as ${sql.raw(`s${i}`)}`),
    sql``,
  );
  const meets = (q: TierRule['qualification']): SQL => {
    const spend = Object.entries(q.spend ?? {});
    const hasVisits = q.visits !== undefined && q.visits !== null;
    if (!spend.length && !hasVisits) return sql`true`;
    const spendOk = sql`(${sql.join(
      spend.map(([cur, min]) => sql`coalesce(${col(cur)}, 0) >= ${min}::numeric`),
      sql` or `,
    )})`;
    const visitsOk = sql`a.visits >= ${q.visits ?? 0}::int`;
    if (spend.length && hasVisits)
      return q.combine === 'and' ? sql`(${spendOk} and ${visitsOk})` : sql`(${spendOk} or ${visitsOk})`;
    return spend.length ? spendOk : visitsOk;
  };
  const byRank = [...active].sort((x, y) => y.rank - x.rank);
  const pick = (what: 'key' | 'rank'): SQL =>
    byRank.length
      ? sql`(case ${sql.join(
          byRank.map(
            (t) =>
              sql`when ${meets(t.qualification)} then ${what === 'key' ? sql`${t.key}::text` : sql`${t.rank}::int`}`,
          ),
          sql` `,
        )} else ${what === 'key' ? sql`null::text` : sql`0`} end)`
      : what === 'key'
        ? sql`null::text`
        : sql`0`;
  const from = sql`(${asOf}::timestamptz - make_interval(days => ${s.windowDays}))`;
  const to = sql`${asOf}::timestamptz`;
  return sql`
    rules as (
      select t.key, t.rank, t.q
      from (values ${rules}) as t(key, rank, q)
      where t.key is not null
    ),
    spend as (
      select r.customer_id, r.currency, sum(r.total_paid)::bigint as amount
      from receipts r
      where r.org_id = ${s.orgId} and r.customer_id is not null ${rIds}
        and r.occurred_at > ${from} and r.occurred_at <= ${to}
      group by r.customer_id, r.currency
    ),
    days as (
      select r.customer_id, (r.occurred_at at time zone st.timezone)::date as d
      from receipts r join stores st on st.id = r.store_id
      where r.org_id = ${s.orgId} and r.kind = 'sale' and r.customer_id is not null ${rIds}
        and r.occurred_at > ${from} and r.occurred_at <= ${to}
      union
      select v.customer_id, (v.visited_at at time zone st.timezone)::date
      from service_visits v join stores st on st.id = v.store_id
      where v.org_id = ${s.orgId} ${vIds} and v.visited_at > ${from} and v.visited_at <= ${to}
    ),
    -- One GROUP BY over her file row, her spend rows and her visit days (no join between the
    -- aggregates, so no plan depends on row estimates that a bulk tier update makes stale).
    act as (
      select u.customer_id, max(u.display_name) as display_name, max(u.tier) as tier,
             coalesce(jsonb_object_agg(u.currency, u.amount) filter (where u.currency is not null), '{}'::jsonb) as spend,
             (count(*) filter (where u.is_day))::int as visits${spendColumns}
      from (
        select c.id as customer_id, c.display_name, c.tier, true as is_customer,
               null::text as currency, null::bigint as amount, false as is_day
        from customers c
        where c.org_id = ${s.orgId} and c.merged_into_id is null ${ids}
          ${s.withTierOnly ? sql`and c.tier is not null` : sql``}
        union all
        select customer_id, null, null, false, currency, amount, false from spend
        union all
        select customer_id, null, null, false, null, null, true from days
      ) u
      group by u.customer_id
      having bool_or(u.is_customer)
    ),
    act_t as (
      select a.*, coalesce(td.rank, 0)::int as cur_rank
      from act a left join tier_definitions td on td.org_id = ${s.orgId} and td.key = a.tier
    ),
    -- The highest rule she meets, as one CASE over the rules (highest rank first) compiled from them:
    -- spend in any one listed currency at its threshold, visits at their number (domain/tiers meetsRule).
    q as materialized (
      select a.customer_id, a.display_name, a.tier, a.spend, a.visits, a.cur_rank,
             ${pick('key')} as qkey, ${pick('rank')} as qrank
      from act_t a
    )`;
}
