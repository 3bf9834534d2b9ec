// The rows of customer_metrics and the thresholds of a full run, from the relations metrics.sql.ts
// builds (_m_agg, _m_cats, _m_g) with the stored thresholds and CLV models: scores, segments,
// classes, lapse, loyalty stage and worth per customer. The rules mirror src/domain/classes.ts.
import { sql, type SQL } from 'drizzle-orm';
import type { ClassSettings } from '../../../contracts/metrics';

const partitionExpr = (s: ClassSettings, alias: string) =>
  s.rfm.scope === 'store' ? sql.raw(`${alias}.store_id::text`) : sql.raw(`${alias}.currency`);

/** The rows of customer_metrics, from _m_agg, _m_cats, _m_g, thresholds and models. */
export function finalSelectSql(orgId: string, s: ClassSettings, manyCats: boolean): SQL {
  const l = s.lapse;
  // Per-currency money thresholds as plain CASE constants (not a JSON parameter parsed on every row).
  const perCurrency = (m: Record<string, number>) => {
    const entries = Object.entries(m).filter(([c]) => /^[A-Z]{3}$/.test(c));
    if (!entries.length) return sql`null::float8`;
    return sql`(case a.currency ${sql.join(
      entries.map(([c, v]) => sql.raw(`when '${c}' then ${Number(v)}::float8`)),
      sql` `,
    )} end)`;
  };
  return sql`
    select k.customer_id, k.org_id, k.store_id, k.currency, k.as_of,
           k.first_purchase_at, k.last_purchase_at, k.rec as recency_days,
           k.f_win as frequency_window, k.m_win as monetary_window, k.q_win as quantity_window,
           k.f_life as frequency_lifetime, k.m_life as monetary_lifetime,
           case when k.f_life > 0 then round(k.m_life::numeric / k.f_life)::bigint end as avg_receipt,
           (k.v6 / 6.0)::real as visits_per_month_6,
           (k.v12 / 12.0)::real as visits_per_month_12,
           case when k.sale_value > 0 then (k.disc_value::float8 / k.sale_value)::real end as discount_share,
           k.categories, k.referrals as referrals_made,
           k.as_of - least(k.created_day, coalesce(k.first_day, k.created_day)) as tenure_days,
           k.usual::real as usual_interval_days,
           case when k.visits = 0 then 'none'
                when k.since > ${l.lostDays}::int then 'lost'
                when k.since > greatest(${l.minDays}::float8, ${l.factor}::float8 * coalesce(k.usual, ${l.defaultIntervalDays}::float8)) then 'drifting'
                else 'active' end as lapse_status,
           case when k.f_life = 0 then (case when k.engaged then 'expectant' else 'suspect' end)
                when k.referrals > 0 or (${s.loyalty.advocateRepeats}::int > 0 and k.f_life - 1 >= ${s.loyalty.advocateRepeats}::int) then 'advocate'
                when k.f_life >= 2 then 'repeat'
                else 'first_purchase' end as loyalty_stage,
           k.r as rfm_r, k.f as rfm_f, k.m as rfm_m,
           case when k.r is null or k.f is null or k.m is null then null
                when k.r = 5 and k.fm >= 4 then 'champions'
                when k.r >= 3 and k.fm >= 4 then 'loyal'
                when k.r >= 4 and k.fm >= 2 then 'potential'
                when k.r = 5 then 'new'
                when k.r = 4 then 'promising'
                when k.r = 3 and k.fm = 3 then 'need_attention'
                when k.r = 3 then 'about_to_sleep'
                when k.fm = 5 then 'cannot_lose'
                when k.fm >= 3 then 'at_risk'
                when k.r = 2 then 'hibernating'
                else 'lost' end as rfm_segment,
           case when k.f_win = 0 or k.abcd is null then null
                when k.m_win > 0 and k.m_win >= k.abcd[1] then 'A'
                when k.m_win > 0 and k.m_win >= k.abcd[2] then 'B'
                when k.m_win > 0 and k.m_win >= k.abcd[3] then 'C'
                else 'D' end as class_abcd,
           case when k.f_win = 0 then null
                when k.q_win >= ${s.size.large}::int then 'large'
                when k.q_win >= ${s.size.medium}::int then 'medium'
                else 'small' end as class_size,
           case when k.f_win = 0 or k.vip is null or k.important is null then null
                when k.m_win >= k.vip then 'vip'
                when k.m_win >= k.important then 'important'
                else 'ordinary' end as class_value,
           case when k.visits = 0 then null
                when k.v12 / 12.0 >= ${s.frequency.high}::float8 then 'high'
                when k.v12 / 12.0 >= ${s.frequency.potential}::float8 then 'potential'
                else 'low' end as class_frequency,
           case when k.ok then k.p_alive end::real as p_alive,
           case when k.ok then k.p_alive * k.g90 end::real as expected_purchases_90,
           case when k.ok then k.p_alive * k.g365 end::real as expected_purchases_365,
           case when k.ok then round(k.p_alive * k.g365 * k.spend)::bigint end as expected_value_365,
           case when k.ok then 'ok' else 'not_enough_data' end as clv_status,
           case when k.ok then null
                when k.f_life = 0 then 'no_purchases'
                when k.model_status is null then 'not_computed'
                else coalesce(k.model_reason, 'not_computed') end as clv_reason,
           k.last_visit as last_visit_day,
           (case when k.engaged then 1 else 0 end)::smallint as engaged,
           now() as computed_at
    from (
      select j.*,
             case when j.f_life > 0 then 5 - ((j.rec > j.rc[1])::int + (j.rec > j.rc[2])::int + (j.rec > j.rc[3])::int + (j.rec > j.rc[4])::int) end as r,
             case when j.f_life > 0 then 1 + ((j.f_win > j.fc[1])::int + (j.f_win > j.fc[2])::int + (j.f_win > j.fc[3])::int + (j.f_win > j.fc[4])::int) end as f,
             case when j.f_life > 0 then 1 + ((j.m_win > j.mc[1])::int + (j.m_win > j.mc[2])::int + (j.m_win > j.mc[3])::int + (j.m_win > j.mc[4])::int) end as m,
             (1 + ((j.f_win > j.fc[1])::int + (j.f_win > j.fc[2])::int + (j.f_win > j.fc[3])::int + (j.f_win > j.fc[4])::int)
                + 1 + ((j.m_win > j.mc[1])::int + (j.m_win > j.mc[2])::int + (j.m_win > j.mc[3])::int + (j.m_win > j.mc[4])::int) + 1) / 2 as fm,
             -- No purchase (x = -1): no p_alive, and ln(pb + x - 1) must not be reached (pb may be < 2).
             case when j.x < 0 then null::float8
                  when j.x = 0 then 1.0::float8
                  else 1.0 / (1.0 + exp(least(700.0, ln(j.pa) - ln(j.pb + j.x - 1)
                       + (j.pr + j.x) * ln(1.0 + (j.tt - j.ttx) / (j.palpha + j.ttx))))) end as p_alive,
             case when j.xs > 0 then j.pp * (j.pgamma + j.ss) / (j.pp * j.xs + j.pq - 1)
                  else j.pp * j.pgamma / (j.pq - 1) end as spend
      from (
        select a.*,
               case when a.f_life > 0 then a.as_of - a.last_day end as rec,
               a.as_of - a.last_visit as since,
               case when a.visits >= 2 then (a.last_visit - a.first_visit)::float8 / (a.visits - 1) end as usual,
               coalesce(ct.keys, '{}'::text[]) as categories,
               coalesce(ref.n, 0) as referrals,
               case when a.f_life > 0 then true
                    else exists (select 1 from customer_custom_values v where v.customer_id = a.customer_id)
                      or exists (select 1 from contact_log cl where cl.org_id = a.org_id and cl.customer_id = a.customer_id
                                 and cl.outcome in ('reached', 'appointment_booked', 'issue_raised'))
                      or a.visits > 0 end as engaged,
               t.recency_cuts as rc, t.frequency_cuts as fc, t.monetary_cuts as mc, t.abcd_cuts as abcd,
               ${perCurrency(s.value.vip)} as vip,
               ${perCurrency(s.value.important)} as important,
               a.f_life - 1 as x,
               (a.last_day - a.first_day) / 7.0 as ttx,
               (a.as_of - a.first_day) / 7.0 as tt,
               cm.status as model_status, cm.reason as model_reason,
               cm.pr, cm.palpha, cm.pa, cm.pb, cm.pp, cm.pq, cm.pgamma,
               g.g90, g.g365,
               (a.f_life > 0 and cm.status = 'ok' and g.g365 is not null) as ok
        from _m_agg a
        left join _m_cats ct on ${manyCats ? sql`ct.customer_id = a.customer_id` : sql`ct.cats = a.cats`}
        left join (
          select referred_by_id as id, count(*)::int as n from customers
          where org_id = ${orgId} and merged_into_id is null and referred_by_id is not null
          group by referred_by_id
        ) ref on ref.id = a.customer_id
        left join classification_thresholds t on t.org_id = a.org_id and t.partition_key = ${partitionExpr(s, 'a')}
        left join (
          select m.org_id, m.currency, m.status, m.reason,
                 (m.params ->> 'r')::float8 as pr, (m.params ->> 'alpha')::float8 as palpha,
                 (m.params ->> 'a')::float8 as pa, (m.params ->> 'b')::float8 as pb,
                 (m.params ->> 'p')::float8 as pp, (m.params ->> 'q')::float8 as pq,
                 (m.params ->> 'gamma')::float8 as pgamma
          from clv_models m where m.org_id = ${orgId}
          offset 0
        ) cm on cm.org_id = a.org_id and cm.currency = a.currency
        left join _m_g g on g.currency = a.currency and g.x = a.f_life - 1 and g.t = a.as_of - a.first_day
        offset 0
      ) j
      offset 0
    ) k`;
}

export const METRIC_COLUMNS = [
  'customer_id',
  'org_id',
  'store_id',
  'currency',
  'as_of',
  'first_purchase_at',
  'last_purchase_at',
  'recency_days',
  'frequency_window',
  'monetary_window',
  'quantity_window',
  'frequency_lifetime',
  'monetary_lifetime',
  'avg_receipt',
  'visits_per_month_6',
  'visits_per_month_12',
  'discount_share',
  'categories',
  'referrals_made',
  'tenure_days',
  'usual_interval_days',
  'lapse_status',
  'loyalty_stage',
  'rfm_r',
  'rfm_f',
  'rfm_m',
  'rfm_segment',
  'class_abcd',
  'class_size',
  'class_value',
  'class_frequency',
  'p_alive',
  'expected_purchases_90',
  'expected_purchases_365',
  'expected_value_365',
  'clv_status',
  'clv_reason',
  'last_visit_day',
  'engaged',
  'computed_at',
] as const;

/** `insert into customer_metrics (…) <select> on conflict do update` for every column. */
export function upsertSql(select: SQL): SQL {
  const cols = METRIC_COLUMNS.join(', ');
  // The key (customer_id, org_id) is what matched: every other column takes the new value.
  const set = METRIC_COLUMNS.filter((c) => c !== 'customer_id' && c !== 'org_id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  return sql`insert into customer_metrics (${sql.raw(cols)}) ${select}
    on conflict (customer_id, org_id) do update set ${sql.raw(set)}`;
}

/** Thresholds of a full run from _m_agg (quintiles or the fixed cuts; the Pareto cuts always). */
export function thresholdsSql(orgId: string, asOf: string | null, s: ClassSettings): SQL {
  const pk = partitionExpr(s, 'a');
  const [s1, s2, s3] = s.abcd.shares;
  const fixed = s.rfm.method === 'fixed';
  const fx = s.rfm.fixed;
  const arr = (v: number[]) => `{${v.join(',')}}`;
  return sql`
    insert into classification_thresholds (org_id, partition_key, currency, store_id, method, recency_cuts,
      frequency_cuts, monetary_cuts, abcd_cuts, customers, revenue, as_of, computed_at)
    with base as (
      select a.customer_id, ${pk} as pk, a.currency, a.store_id, a.as_of - a.last_day as rec, a.f_win, a.m_win
      from _m_agg a where a.f_life > 0
    ), q as (
      select pk, min(currency) as currency, ${s.rfm.scope === 'store' ? sql`min(store_id::text)::uuid` : sql`null::uuid`} as store_id,
             percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by rec) as rc,
             percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by f_win) as fc,
             percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by m_win) as mc,
             count(*)::int as n
      from base group by pk
    ), p as (
      select pk, m_win,
             coalesce(sum(m_win) over (partition by pk order by m_win desc, customer_id
                                       rows between unbounded preceding and 1 preceding), 0) as before,
             sum(m_win) over (partition by pk) as total
      from base where m_win > 0
    ), pc as (
      select pk, max(total)::bigint as total,
             min(m_win) filter (where before < ${s1}::float8 * total) as c1,
             min(m_win) filter (where before < ${s2}::float8 * total) as c2,
             min(m_win) filter (where before < ${s3}::float8 * total) as c3
      from p group by pk
    )
    select ${orgId}::uuid, q.pk, q.currency, q.store_id, ${s.rfm.method},
           ${fixed ? sql`${arr(fx.recencyDays)}::float8[]` : sql`q.rc::float8[]`},
           ${fixed ? sql`${arr(fx.frequency)}::float8[]` : sql`q.fc::float8[]`},
           ${
             fixed
               ? sql`coalesce(array(select e::float8 from jsonb_array_elements_text(${JSON.stringify(fx.monetary)}::jsonb -> q.currency)
                       with ordinality as x(e, i) order by i), '{}'::float8[])`
               : sql`q.mc::float8[]`
           },
           array[pc.c1, pc.c2, pc.c3]::float8[],
           q.n, coalesce(pc.total, 0), coalesce(${asOf}::date, current_date), now()
    from q left join pc on pc.pk = q.pk`;
}
