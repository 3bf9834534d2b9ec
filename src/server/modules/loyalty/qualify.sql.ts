// The tier rules as SQL, set-based: one pass over the receipts (and salon visits) of the window into a
// per-customer activity (net spend per currency, visit days), then the highest rule each one meets.
// It mirrors domain/tiers.ts meetsRule / qualifiedTier; the rules come in as a jsonb parameter, so the
// same query serves the live tiers, the "what if" preview and the yearly review.
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
  const rules = JSON.stringify(
    s.tiers.filter((t) => t.isActive !== false).map((t) => ({ key: t.key, rank: t.rank, q: t.qualification })),
  );
  const asOf = s.asOf.toISOString();
  const ids = s.customerIds ? sql`and c.id = any(${sql.param(s.customerIds)}::uuid[])` : sql``;
  const rIds = s.customerIds ? sql`and r.customer_id = any(${sql.param(s.customerIds)}::uuid[])` : sql``;
  const vIds = s.customerIds ? sql`and v.customer_id = any(${sql.param(s.customerIds)}::uuid[])` : sql``;
  const from = sql`(${asOf}::timestamptz - make_interval(days => ${s.windowDays}))`;
  const to = sql`${asOf}::timestamptz`;
  return sql`
    rules as (
      select t.key, t.rank, t.q,
             coalesce(t.q->'spend', '{}'::jsonb) <> '{}'::jsonb as has_spend,
             jsonb_typeof(t.q->'visits') = 'number' as has_visits
      from jsonb_to_recordset(${rules}::jsonb) as t(key text, rank int, q jsonb)
    ),
    spend as (
      select r.customer_id, r.currency, sum(r.total_paid)::bigint as amount
      from receipts r
      where r.org_id = ${s.orgId} and r.customer_id is not null ${rIds}
        and r.occurred_at > ${from} and r.occurred_at <= ${to}
      group by r.customer_id, r.currency
    ),
    spend_j as (select customer_id, jsonb_object_agg(currency, amount) as spend from spend group by customer_id),
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
    visits as (select customer_id, count(*)::int as n from days group by customer_id),
    act as (
      select c.id as customer_id, c.display_name, c.tier, coalesce(td.rank, 0)::int as cur_rank,
             coalesce(sj.spend, '{}'::jsonb) as spend, coalesce(vi.n, 0) as visits
      from customers c
      left join tier_definitions td on td.org_id = c.org_id and td.key = c.tier
      left join spend_j sj on sj.customer_id = c.id
      left join visits vi on vi.customer_id = c.id
      where c.org_id = ${s.orgId} and c.merged_into_id is null ${ids}
        ${s.withTierOnly ? sql`and c.tier is not null` : sql``}
    ),
    q as (
      select a.*, m.key as qkey, coalesce(m.rank, 0)::int as qrank
      from act a
      left join lateral (
        select ru.key, ru.rank from rules ru
        where case
          when not ru.has_spend and not ru.has_visits then true
          when ru.has_spend and ru.has_visits and ru.q->>'combine' = 'and' then
            exists (select 1 from jsonb_each_text(ru.q->'spend') e where coalesce((a.spend->>e.key)::numeric, 0) >= e.value::numeric)
            and a.visits >= (ru.q->>'visits')::int
          when ru.has_spend and ru.has_visits then
            exists (select 1 from jsonb_each_text(ru.q->'spend') e where coalesce((a.spend->>e.key)::numeric, 0) >= e.value::numeric)
            or a.visits >= (ru.q->>'visits')::int
          when ru.has_spend then
            exists (select 1 from jsonb_each_text(ru.q->'spend') e where coalesce((a.spend->>e.key)::numeric, 0) >= e.value::numeric)
          else a.visits >= (ru.q->>'visits')::int
        end
        order by ru.rank desc limit 1
      ) m on true
    )`;
}
