// What the care rules need to know, read from the database in a few set-based queries.
//
// 1. The run context (once per store and day): the store, its staff for assignee resolution, the
//    receipts of the look-back window and the referrals they contain, the region's top spenders.
// 2. A SQL pre-selection of the customers who can have an occasion in the window [today, today + lead]:
//    birthdays falling then (solar and lunar patterns from the domain), receipts of the look-back
//    window (after-purchase calls, thresholds, referral first purchases) and the regulars behind them,
//    lapse and win-back crossings, key customers in a visit-plan month, top spenders; on a holiday or
//    season day, everyone the greeting is for. Keyset-paginated by customer id, a batch at a time.
import { sql, type SQL } from 'drizzle-orm';
import type { CareSettings, HolidayId, Market } from '../../../contracts/care';
import {
  addDays,
  birthdaysFallingBetween,
  careLeadDays,
  careLookbackDays,
  holidaysBetween,
  isHolidayEnabled,
  marketOf,
  solarTermDate,
  type Audience,
  type IsoDate,
  type ReceiptFact,
} from '../../../domain/care';
import { daysInMonth, isoDate, monthDayInYear } from '../../../domain/care/dates';
import { rows, type Db } from '../../db/client';

/** A uuid[] literal for a single bind parameter (works the same on PGlite and node-postgres). */
export const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

export type StoreRow = {
  id: string;
  code: string;
  name: string;
  timezone: string;
  country: string;
  currency: string;
  locale: string;
  regionId: string | null;
};

export type RunContext = {
  orgId: string;
  store: StoreRow;
  market: Market | null;
  date: IsoDate;
  settings: CareSettings;
  /** Last day of the window of due days that may be created today. */
  horizon: IsoDate;
  lookbackFrom: IsoDate;
  storeManagerId: string | null;
  regionalManagerId: string | null;
  activeUserIds: Set<string>;
  /** Receipts of the look-back window, per customer (all stores of the organisation). */
  receiptsByCustomer: Map<string, Array<ReceiptFact & { sellerId: string | null }>>;
  sellerOfReceipt: Map<string, string | null>;
  /** Referrer → customers she brought whose first purchase is in the look-back window. */
  referralsByReferrer: Map<string, Array<{ customerId: string; firstPurchaseOn: IsoDate }>>;
  /** Customer → ranks among her region's yearly spenders (top N only). */
  topSpenders: Map<string, Array<{ year: number; rank: number }>>;
  /** Whole-audience days: the audiences greeted in the window (null = no calendar greeting). */
  audiences: Audience[] | null;
  keyCustomerWindow: boolean;
};

type StaffRow = { id: string; role: string; scope: 'store' | 'region' };

export async function loadStores(db: Db, orgId: string, storeCode?: string): Promise<StoreRow[]> {
  return rows<StoreRow>(
    db,
    sql`select id, code, name, timezone, country, currency, locale, region_id as "regionId"
        from stores where org_id = ${orgId} and is_active
        ${storeCode ? sql`and upper(code) = upper(${storeCode})` : sql``}
        order by code`,
  );
}

/** Store manager and regional manager of a store (the first by name when there are several). */
export async function storeManagers(
  db: Db,
  orgId: string,
  store: Pick<StoreRow, 'id' | 'regionId'>,
): Promise<{ storeManagerId: string | null; regionalManagerId: string | null }> {
  const staff = await rows<StaffRow>(
    db,
    sql`select u.id, u.role, 'store' as scope from users u join user_stores us on us.user_id = u.id
          where u.org_id = ${orgId} and u.is_active and us.store_id = ${store.id} and u.role = 'store_manager'
        union all
        select u.id, u.role, 'region' from users u join user_regions ur on ur.user_id = u.id
          where u.org_id = ${orgId} and u.is_active and ur.region_id = ${store.regionId} and u.role = 'regional_manager'
        order by 3, 1`,
  );
  const storeManagerId = staff.find((s) => s.scope === 'store')?.id ?? null;
  const regionalManagerId = staff.find((s) => s.scope === 'region')?.id ?? null;
  return { storeManagerId, regionalManagerId };
}

export const localStart = (date: IsoDate, tz: string) => sql`(${date}::date)::timestamp at time zone ${tz}`;

/** Everything of the run that does not depend on the customer batch. */
export async function loadRunContext(
  db: Db,
  orgId: string,
  store: StoreRow,
  date: IsoDate,
  settings: CareSettings,
): Promise<RunContext> {
  const market = marketOf(store.country);
  const lead = careLeadDays(settings);
  const horizon = addDays(date, lead);
  const lookbackFrom = addDays(date, -careLookbackDays(settings));
  const tz = store.timezone;
  const managers = await storeManagers(db, orgId, store);
  const active = await rows<{ id: string }>(db, sql`select id from users where org_id = ${orgId} and is_active`);

  // Receipts of the window (sales, net of their returns), with their categories.
  const receiptRows = await rows<{
    id: string;
    customer_id: string;
    seller_id: string | null;
    d: string;
    currency: string;
    net: string | number;
    categories: string[] | null;
  }>(
    db,
    sql`select r.id, r.customer_id, r.seller_id, ((r.occurred_at at time zone ${tz})::date)::text as d, r.currency,
               r.total_paid + coalesce((select sum(x.total_paid) from receipts x
                                        where x.original_receipt_id = r.id and x.kind = 'return'), 0) as net,
               (select array_agg(distinct pc.key) from receipt_lines l join product_categories pc on pc.id = l.category_id
                 where l.receipt_id = r.id) as categories
        from receipts r join customers c on c.id = r.customer_id
        where r.org_id = ${orgId} and r.kind = 'sale' and c.store_id = ${store.id}
          and r.occurred_at >= ${localStart(addDays(lookbackFrom, -1), tz)}
          and r.occurred_at < ${localStart(addDays(date, 1), tz)}`,
  );
  const receiptsByCustomer = new Map<string, Array<ReceiptFact & { sellerId: string | null }>>();
  const sellerOfReceipt = new Map<string, string | null>();
  for (const r of receiptRows) {
    if (r.d < lookbackFrom || r.d > date) continue;
    const list = receiptsByCustomer.get(r.customer_id) ?? [];
    list.push({
      id: r.id,
      date: r.d,
      currency: r.currency,
      netTotal: Number(r.net),
      categories: r.categories ?? [],
      sellerId: r.seller_id,
    });
    receiptsByCustomer.set(r.customer_id, list);
    sellerOfReceipt.set(r.id, r.seller_id);
  }

  // Referred customers whose first purchase is in the window, by the regular who brought them.
  const referralRows = await rows<{ referrer: string; id: string; d: string }>(
    db,
    sql`select c.referred_by_id as referrer, c.id, ((cs.first_purchase_at at time zone ${tz})::date)::text as d
        from customer_stats cs join customers c on c.id = cs.customer_id
        where cs.org_id = ${orgId} and c.referred_by_id is not null
          and cs.first_purchase_at >= ${localStart(addDays(lookbackFrom, -1), tz)}
          and cs.first_purchase_at < ${localStart(addDays(date, 1), tz)}`,
  );
  const referralsByReferrer = new Map<string, Array<{ customerId: string; firstPurchaseOn: IsoDate }>>();
  for (const r of referralRows) {
    if (r.d < lookbackFrom || r.d > date) continue;
    referralsByReferrer.set(r.referrer, [
      ...(referralsByReferrer.get(r.referrer) ?? []),
      { customerId: r.id, firstPurchaseOn: r.d },
    ]);
  }

  // The region's top spenders of a finished year, when their visit falls in the window.
  const topSpenders = new Map<string, Array<{ year: number; rank: number }>>();
  const top = settings.rules.top_spender_visit;
  if (top.enabled) {
    for (let y = Number(date.slice(0, 4)) - 1; y <= Number(horizon.slice(0, 4)) - 1; y += 1) {
      const visit = monthDayInYear(y + 1, top.visitOn);
      if (addDays(visit, -top.leadDays) > date || visit < date) continue;
      const ranked = await rows<{ customer_id: string; rank: number }>(
        db,
        sql`with spend as (
              select c.id as customer_id, coalesce(s.region_id, s.id) as area, r.currency, sum(r.total_paid) as total
              from receipts r join customers c on c.id = r.customer_id join stores s on s.id = c.store_id
              where r.org_id = ${orgId}
                and r.occurred_at >= (${isoDate(y, 1, 1)}::date)::timestamp at time zone s.timezone
                and r.occurred_at < (${isoDate(y + 1, 1, 1)}::date)::timestamp at time zone s.timezone
                and ${store.regionId ? sql`s.region_id = ${store.regionId}` : sql`s.id = ${store.id}`}
              group by 1, 2, 3 having sum(r.total_paid) > 0),
            ranked as (select customer_id, rank() over (partition by area, currency order by total desc)::int as rank from spend)
            select customer_id, rank from ranked where rank <= ${top.topN}`,
      );
      for (const r of ranked) {
        // One entry per year: a customer who spent in two currencies ranks twice, and two entries would
        // make two reasons with the same occasion key (the second taken for a concurrent run's).
        const list = topSpenders.get(r.customer_id) ?? [];
        const same = list.find((e) => e.year === y);
        if (same) same.rank = Math.min(same.rank, r.rank);
        else topSpenders.set(r.customer_id, [...list, { year: y, rank: r.rank }]);
      }
    }
  }

  return {
    orgId,
    store,
    market,
    date,
    settings,
    horizon,
    lookbackFrom,
    ...managers,
    activeUserIds: new Set(active.map((u) => u.id)),
    receiptsByCustomer,
    sellerOfReceipt,
    referralsByReferrer,
    topSpenders,
    audiences: calendarAudiences(settings, market, store.timezone, date, horizon),
    keyCustomerWindow: keyCustomerWindow(settings, date, horizon),
  };
}

/** The audiences of the holiday and season greetings in the window; null when there is none. */
export function calendarAudiences(
  settings: CareSettings,
  market: Market | null,
  timeZone: string,
  date: IsoDate,
  horizon: IsoDate,
): Audience[] | null {
  const out: Audience[] = [];
  const h = settings.rules.holiday;
  if (h.enabled && market) {
    const to = addDays(date, h.leadDays) < horizon ? addDays(date, h.leadDays) : horizon;
    for (const { holiday } of holidaysBetween(market, date, to, timeZone)) {
      if (isHolidayEnabled(holiday, h.holidays as Partial<Record<HolidayId, boolean>>)) out.push(holiday.audience);
    }
  }
  const s = settings.rules.season_change;
  if (s.enabled) {
    const to = addDays(date, s.leadDays);
    let hit = false;
    for (let y = Number(date.slice(0, 4)); y <= Number(to.slice(0, 4)) && !hit; y += 1) {
      if (s.mode === 'solar_terms') {
        hit = s.terms.some((t) => {
          const d = solarTermDate(t, y, timeZone);
          return d >= date && d <= to;
        });
      } else {
        hit = s.fixedDates.some((f) => {
          const [m, d] = [Number(f.monthDay.slice(0, 2)), Number(f.monthDay.slice(3, 5))];
          if (d > daysInMonth(y, m)) return false;
          const day = isoDate(y, m, d);
          return day >= date && day <= to;
        });
      }
    }
    if (hit) out.push({ kind: 'everyone' });
  }
  return out.length ? out : null;
}

/** Whether a visit-plan slot (days 1–20 of its month) can fall in [date, date + lead]. */
function keyCustomerWindow(settings: CareSettings, date: IsoDate, horizon: IsoDate): boolean {
  const v = settings.rules.vip_visit_plan;
  if (!v.enabled) return false;
  const to = addDays(date, v.leadDays) < horizon ? addDays(date, v.leadDays) : horizon;
  for (let y = Number(date.slice(0, 4)); y <= Number(to.slice(0, 4)); y += 1) {
    for (const slot of v.slots) {
      const first = isoDate(y, slot.month, 1);
      const last = isoDate(y, slot.month, Math.min(20, daysInMonth(y, slot.month)));
      if (first <= to && last >= date) return true;
    }
  }
  return false;
}

function audiencePredicate(a: Audience): SQL {
  switch (a.kind) {
    case 'everyone':
      return sql`true`;
    case 'women':
      return sql`c.gender = 'female'`;
    case 'mothers':
      return sql`(c.gender = 'female' and c.profile->'family' @> '[{"relation":"child"}]'::jsonb)`;
    case 'fathers':
      return sql`(c.gender = 'male' and c.profile->'family' @> '[{"relation":"child"}]'::jsonb)`;
    case 'teachers':
      return sql`coalesce(c.profile->>'occupation', '') <> ''`;
    case 'elders':
      return sql`(c.birthday is not null or c.lunar_birth_year is not null or c.age_band is not null)`;
    case 'coming_of_age':
      return sql`c.birthday is not null`;
  }
}

/** Whether the day's greeting is for everyone: then every customer of the store is a candidate. */
export function candidatePredicateIsEveryone(ctx: Pick<RunContext, 'audiences'>): boolean {
  return ctx.audiences?.some((a) => a.kind === 'everyone') ?? false;
}

/** The pre-selection: who may have an occasion in the window (a superset; the planner decides). */
export function candidatePredicate(ctx: RunContext): SQL {
  const { settings: s, date, horizon, store } = ctx;
  const tz = store.timezone;
  if (candidatePredicateIsEveryone(ctx)) return sql`true`;
  const parts: SQL[] = [];
  if (ctx.audiences) parts.push(...ctx.audiences.map(audiencePredicate));

  if (s.rules.birthday.enabled) {
    const to = addDays(date, s.rules.birthday.leadDays);
    const days = birthdaysFallingBetween(date, to < horizon ? to : horizon, s.rules.birthday.leapDay);
    const solar = days.flatMap((d) => d.solar).map((p) => sql`(${p.month}, ${p.day})`);
    const lunar = days.flatMap((d) => d.lunar).map((p) => sql`(${p.month}, ${p.day}, ${p.isLeapMonth})`);
    if (solar.length)
      parts.push(
        sql`(extract(month from c.birthday)::int, extract(day from c.birthday)::int) in (${sql.join(solar, sql`, `)})`,
      );
    if (lunar.length)
      parts.push(
        sql`(c.lunar_birth_month::int, c.lunar_birth_day::int, c.lunar_birth_leap) in (${sql.join(lunar, sql`, `)})`,
      );
  }

  // Receipts, referral first purchases and the regulars behind them: known from the run context.
  const ids = new Set<string>([
    ...ctx.receiptsByCustomer.keys(),
    ...ctx.referralsByReferrer.keys(),
    ...ctx.topSpenders.keys(),
  ]);
  for (const list of ctx.referralsByReferrer.values()) for (const r of list) ids.add(r.customerId);
  if (ids.size) parts.push(sql`c.id = any(${uuidArray([...ids])})`);

  // Lapse and win-back: the day her absence crosses the threshold (plus the win-back steps).
  const lastVisit = sql`((coalesce(c.last_visit_at, m.last_purchase_at) at time zone ${tz})::date)`;
  const crossing = (minDays: number, multiple: number) =>
    sql`(${lastVisit} + greatest(${minDays}::int, ceil(${multiple}::float8 * coalesce(m.usual_interval_days, 0))::int))`;
  if (s.rules.lapsed.enabled) {
    parts.push(sql`${crossing(s.rules.lapsed.minDays, s.rules.lapsed.intervalMultiple)} = ${date}::date`);
  }
  if (s.rules.win_back.enabled) {
    const wb = s.rules.win_back;
    const dates = [...new Set(wb.steps.map((st) => addDays(date, -st.offsetDays)))];
    parts.push(
      sql`${crossing(wb.minDays, wb.intervalMultiple)} in (${sql.join(
        dates.map((d) => sql`${d}::date`),
        sql`, `,
      )})`,
    );
  }
  if (ctx.keyCustomerWindow) {
    const v = s.rules.vip_visit_plan;
    const key: SQL[] = [];
    if (v.minTierRank !== null) key.push(sql`td.rank >= ${v.minTierRank}`);
    if (v.classValues.length)
      key.push(
        sql`m.class_value in (${sql.join(
          v.classValues.map((x) => sql`${x}`),
          sql`, `,
        )})`,
      );
    if (v.classAbcd.length)
      key.push(
        sql`m.class_abcd in (${sql.join(
          v.classAbcd.map((x) => sql`${x}`),
          sql`, `,
        )})`,
      );
    if (key.length) parts.push(sql`(${sql.join(key, sql` or `)})`);
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}
