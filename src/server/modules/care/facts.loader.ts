// What the care rules need to know, read from the database in a few set-based queries; steps 1 and 2
// (the run context, the pre-selection of the customers) are in run-context.ts.
//
// 3. Per batch: facts (one query over customers ⋈ metrics ⋈ tiers ⋈ stats), care consents, and the
//    history (contacts of the budget window, open tasks, handled occasion keys): five queries per
//    batch, never one per customer.
import { sql, type SQL } from 'drizzle-orm';
import type { RuleId } from '../../../contracts/care';
import {
  addDays,
  careFactsFromProfile,
  type CareFacts,
  type CareHistory,
  type Channel,
  type ContactRecord,
} from '../../../domain/care';
import { rows, type Db } from '../../db/client';
import { candidatePredicateIsEveryone, localStart, uuidArray, type RunContext } from './run-context';

export type LoadedCustomer = {
  facts: CareFacts;
  ownerUserId: string | null;
  lastSellerId: string | null;
};

export type Batch = { customers: LoadedCustomer[]; history: Map<string, CareHistory> };

type FactRow = {
  id: string;
  gender: string | null;
  age_band: string | null;
  birthday: string | null;
  lunar_birth_month: number | null;
  lunar_birth_day: number | null;
  lunar_birth_leap: boolean;
  lunar_birth_year: number | null;
  has_child: boolean;
  occupation: string | null;
  is_deceased: boolean;
  do_not_contact: boolean;
  has_email: boolean;
  has_address: boolean;
  has_phone: boolean;
  owner_user_id: string | null;
  referred_by_id: string | null;
  tier_rank: number | null;
  class_value: string | null;
  class_abcd: string | null;
  lapse_status: string | null;
  usual_interval_days: number | null;
  last_visit_on: string | null;
  lifetime_spend: string | number | null;
  first_purchase_on: string | null;
  last_seller_id: string | null;
};

/**
 * One batch of pre-selected customers after `afterId` (keyset on customers.id), with their facts.
 * Returns an empty list when the selection is exhausted. Whether she has a phone is a scalar subquery
 * with LIMIT, never hashed: as EXISTS, PostgreSQL hashed every phone of the organisation for each
 * batch (a million rows, 200 times, for a million customers) instead of probing the batch's 5,000.
 * The keyset bound is repeated on the joined tables: a merge join would otherwise read their rows of
 * every earlier batch again (PostgreSQL does not carry `c.id > x` over `cs.customer_id = c.id`).
 */
export async function loadCandidateBatch(
  db: Db,
  ctx: RunContext,
  predicate: SQL,
  afterId: string | null,
  limit: number,
): Promise<LoadedCustomer[]> {
  const tz = ctx.store.timezone;
  const found = await rows<FactRow>(
    db,
    sql`select c.id, c.gender, c.age_band, c.birthday::text as birthday,
               c.lunar_birth_month, c.lunar_birth_day, c.lunar_birth_leap, c.lunar_birth_year,
               coalesce(c.profile->'family' @> '[{"relation":"child"}]'::jsonb, false) as has_child,
               c.profile->>'occupation' as occupation,
               c.is_deceased, c.do_not_contact,
               coalesce(c.email, '') <> '' as has_email,
               jsonb_typeof(c.addresses) = 'array' and jsonb_array_length(c.addresses) > 0 as has_address,
               coalesce((select true from customer_phones p where p.customer_id = c.id limit 1), false) as has_phone,
               c.owner_user_id, c.referred_by_id, td.rank::int as tier_rank,
               m.class_value, m.class_abcd, m.lapse_status, m.usual_interval_days,
               ((coalesce(c.last_visit_at, m.last_purchase_at) at time zone ${tz})::date)::text as last_visit_on,
               cs.lifetime_spend, ((cs.first_purchase_at at time zone ${tz})::date)::text as first_purchase_on,
               case when c.owner_user_id is null then
                 (select r.seller_id from receipts r where r.customer_id = c.id and r.kind = 'sale' and r.seller_id is not null
                   order by r.occurred_at desc limit 1) end as last_seller_id
        from customers c
        left join customer_metrics m on m.org_id = c.org_id and m.customer_id = c.id ${afterId ? sql`and m.customer_id > ${afterId}` : sql``}
        left join tier_definitions td on td.org_id = c.org_id and td.key = c.tier
        left join customer_stats cs on cs.customer_id = c.id ${afterId ? sql`and cs.customer_id > ${afterId}` : sql``}
        where c.org_id = ${ctx.orgId} and c.store_id = ${ctx.store.id}
          and c.merged_into_id is null and c.erased_at is null
          ${afterId ? sql`and c.id > ${afterId}` : sql``}
          and ${predicate}
        order by c.id
        limit ${limit}`,
  );
  return found.map((r) => toLoaded(r, ctx));
}

function toLoaded(r: FactRow, ctx: RunContext): LoadedCustomer {
  const receipts = ctx.receiptsByCustomer.get(r.id) ?? [];
  const family = r.has_child ? [{ relation: 'child' }] : [];
  const soft = careFactsFromProfile({ family, occupation: r.occupation ?? undefined } as never);
  const facts: CareFacts = {
    customerId: r.id,
    gender: r.gender as CareFacts['gender'],
    ageBand: r.age_band as CareFacts['ageBand'],
    birthday: r.birthday,
    lunarBirthday:
      r.lunar_birth_month && r.lunar_birth_day
        ? {
            month: r.lunar_birth_month,
            day: r.lunar_birth_day,
            isLeapMonth: r.lunar_birth_leap,
            year: r.lunar_birth_year,
          }
        : null,
    hasChildren: soft.hasChildren,
    isTeacher: soft.isTeacher,
    isDeceased: r.is_deceased,
    doNotContact: r.do_not_contact,
    consents: [],
    reachable: { phone: r.has_phone, email: r.has_email, address: r.has_address },
    tierRank: r.tier_rank,
    classValue: r.class_value as CareFacts['classValue'],
    classAbcd: r.class_abcd as CareFacts['classAbcd'],
    lapseStatus: r.lapse_status as CareFacts['lapseStatus'],
    lastVisitOn: r.last_visit_on,
    usualIntervalDays: r.usual_interval_days,
    lifetimeSpend: r.lifetime_spend != null ? { [ctx.store.currency]: Number(r.lifetime_spend) } : {},
    receipts: receipts.map(({ sellerId: _s, ...rf }) => rf),
    referral:
      r.referred_by_id && r.first_purchase_on
        ? { referrerId: r.referred_by_id, firstPurchaseOn: r.first_purchase_on }
        : null,
    referralsBrought: ctx.referralsByReferrer.get(r.id) ?? [],
    topSpender: ctx.topSpenders.get(r.id) ?? [],
  };
  return {
    facts,
    ownerUserId: r.owner_user_id,
    lastSellerId: r.last_seller_id,
  };
}

/** Care consents (latest per channel) and the history of a batch: contacts, open tasks, handled keys. */
export async function loadBatchDetails(
  db: Db,
  ctx: RunContext,
  loaded: LoadedCustomer[],
): Promise<Map<string, CareHistory>> {
  const ids = loaded.map((l) => l.facts.customerId);
  const history = new Map<string, CareHistory>();
  if (!ids.length) return history;
  const tz = ctx.store.timezone;
  const budget = ctx.settings.guards.budget;
  const arr = uuidArray(ids);
  // On a whole-audience day the batch is every customer of the store in a keyset page (ordered by id),
  // so its rows in each table are one range of the customer id, read from the index slice by slice.
  // As `= any(5,000 ids)` PostgreSQL chose a sequential scan of the whole table for every batch
  // (consents, reasons, tasks: a million rows, 200 times), or 5,000 separate index descents. The range
  // may also hold customers who are not in the batch (another store's, merged ones): skipped below. On
  // other days the batch is sparse and the id list is the filter.
  const whole = candidatePredicateIsEveryone(ctx);
  const [first, last] = [ids[0]!, ids.at(-1)!];
  const within = (col: SQL) =>
    whole ? sql`${col} between ${first}::uuid and ${last}::uuid` : sql`${col} = any(${arr})`;

  const consents = await rows<{ customer_id: string; channel: Channel; granted: boolean }>(
    db,
    sql`select distinct on (customer_id, channel) customer_id, channel, granted
        from customer_consents
        where ${within(sql`customer_id`)} and purpose = 'care'
        order by customer_id, channel, recorded_at desc`,
  );
  const byId = new Map(loaded.map((l) => [l.facts.customerId, l]));
  for (const c of consents) {
    const l = byId.get(c.customer_id);
    // Her facts were made for this batch a moment ago (toLoaded): add to them in place rather than copy
    // a 25-field object per consent, a fifth of this function's time on a whole-audience day.
    if (l) (l.facts.consents as Array<CareFacts['consents'][number]>).push({ channel: c.channel, granted: c.granted });
  }

  for (const id of ids) history.set(id, { contacts: [], openTasks: [], handledKeys: [] });
  const since = addDays(ctx.date, -budget.windowDays);
  const contacts = await rows<{
    customer_id: string;
    d: string;
    purpose: string;
    task_id: string | null;
    rules: string[] | null;
  }>(
    db,
    sql`select cl.customer_id, ((cl.contacted_at at time zone ${tz})::date)::text as d, cl.purpose, cl.task_id,
               (select array_agg(distinct r.rule_id) from care_task_reasons r where r.task_id = cl.task_id) as rules
        from contact_log cl
        where cl.org_id = ${ctx.orgId} and ${within(sql`cl.customer_id`)}
          and cl.contacted_at >= ${localStart(since, tz)} and cl.outcome <> 'failed'`,
  );
  for (const c of contacts) {
    const rec: ContactRecord =
      c.purpose === 'complaint'
        ? { date: c.d, source: 'complaint' }
        : c.task_id
          ? { date: c.d, source: 'task', ruleIds: (c.rules ?? []) as RuleId[] }
          : c.purpose === 'after_purchase'
            ? { date: c.d, source: 'task', ruleIds: ['after_purchase_call'] }
            : { date: c.d, source: 'manual' };
    history.get(c.customer_id)?.contacts.push(rec);
  }

  // Her open tasks by the customer index, each task's reasons by the task index (a lateral aggregate,
  // which PostgreSQL cannot turn into a join over the whole reasons table: at a million tasks it chose
  // one for the re-run of a whole-audience day, 2 s per batch).
  const open = await rows<{ id: string; customer_id: string; due_on: string; rules: string[]; keys: string[] }>(
    db,
    sql`select t.id, t.customer_id, t.due_on::text as due_on, r.rules, r.keys
        from care_tasks t
        cross join lateral (select array_agg(x.rule_id order by x.id) as rules, array_agg(x.occasion_key order by x.id) as keys
                            from care_task_reasons x where x.task_id = t.id) r
        where ${within(sql`t.customer_id`)} and t.status = 'open' and t.org_id = ${ctx.orgId}
        order by t.due_on, t.id`,
  );
  for (const o of open) {
    const h = history.get(o.customer_id);
    if (!h || !o.rules) continue;
    h.openTasks.push({ taskId: o.id, dueOn: o.due_on, ruleIds: o.rules as RuleId[], occasionKeys: o.keys });
  }

  // Occasions found today are due today or later: older keys cannot match.
  const handled = await rows<{ customer_id: string; occasion_key: string }>(
    db,
    sql`select customer_id, occasion_key from care_task_reasons
        where org_id = ${ctx.orgId} and ${within(sql`customer_id`)} and due_on >= ${ctx.date}::date`,
  );
  for (const h of handled) (history.get(h.customer_id)?.handledKeys as string[] | undefined)?.push(h.occasion_key);
  return history;
}
