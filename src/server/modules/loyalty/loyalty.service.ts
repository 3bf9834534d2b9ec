// The VIP programme (issue 5; ADR 0004): tiers upgraded the moment a rule is met, moved down only at the
// yearly review after its grace period, every change recorded with its reason; points earned on sales,
// reversed on returns, redeemed, adjusted and expired on an append-only ledger. Everything here is
// set-based over the customers given (an import passes thousands) and idempotent.
import { and, asc, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  benefitsSchema,
  programmeSettingsSchema,
  qualificationSchema,
  type CustomerLoyalty,
  type ProgrammeSettings,
  type ReviewResult,
  type pointsEntrySchema,
  type previewBodySchema,
  type previewSchema,
} from '../../../contracts/loyalty';
import type { Labels } from '../../../contracts/custom-fields';
import {
  addMonths,
  checkAdjust,
  checkRedeem,
  earnPoints,
  reversalPoints,
  type PointsProblem,
} from '../../../domain/points';
import { progressTo, reviewWindow, type Benefits, type TierRule } from '../../../domain/tiers';
import { rows, type Db } from '../../db/client';
import { loyaltySettings, pointsLedger, tierDefinitions, users } from '../../db/schema';
import { AppError } from '../../errors';
import { decodeCursor, encodeCursor } from '../../pagination';
import type { ReceiptEvent } from '../purchases/receipt-hooks';
import { qualifyCtes } from './qualify.sql';

type TierRow = typeof tierDefinitions.$inferSelect;
export type LoyaltyActor = { orgId: string; userId: string | null };
export type TierBenefits = Benefits & { key: string; rank: number; labels: Labels };

// ——— programme settings and tiers ———

export async function getProgrammeSettings(db: Db, orgId: string): Promise<ProgrammeSettings> {
  const [row] = await db.select().from(loyaltySettings).where(eq(loyaltySettings.orgId, orgId));
  const parsed = programmeSettingsSchema.safeParse(row?.settings ?? {});
  return parsed.success ? parsed.data : programmeSettingsSchema.parse({});
}

export async function saveProgrammeSettings(db: Db, orgId: string, settings: ProgrammeSettings): Promise<void> {
  await db
    .insert(loyaltySettings)
    .values({ orgId, settings })
    .onConflictDoUpdate({ target: loyaltySettings.orgId, set: { settings, updatedAt: new Date() } });
}

/** A tier row's rules and benefits, validated (a bad jsonb value reads as the defaults, never throws). */
export function parseTier(t: TierRow) {
  const q = qualificationSchema.safeParse(t.qualification);
  const b = benefitsSchema.safeParse(t.benefits);
  return {
    id: t.id,
    key: t.key,
    rank: t.rank,
    labels: t.labels,
    isActive: t.isActive,
    qualification: q.success ? q.data : qualificationSchema.parse({}),
    benefits: b.success ? b.data : benefitsSchema.parse({}),
  };
}
export type ParsedTier = ReturnType<typeof parseTier>;

export async function loadTiers(db: Db, orgId: string): Promise<ParsedTier[]> {
  const list = await db
    .select()
    .from(tierDefinitions)
    .where(eq(tierDefinitions.orgId, orgId))
    .orderBy(asc(tierDefinitions.rank));
  return list.map(parseTier);
}

/** Her tier's benefits (for the care rules' birthday-month benefit and the till), or null. */
export async function getTierBenefits(db: Db, orgId: string, tierKey: string | null): Promise<TierBenefits | null> {
  if (!tierKey) return null;
  const [t] = await db
    .select()
    .from(tierDefinitions)
    .where(and(eq(tierDefinitions.orgId, orgId), eq(tierDefinitions.key, tierKey)));
  if (!t) return null;
  const p = parseTier(t);
  return { key: p.key, rank: p.rank, labels: p.labels, ...p.benefits };
}

// ——— upgrades ———

type UpgradeOptions = {
  customerIds: string[] | null;
  reason: 'qualified' | 'recompute';
  receiptIds?: string[];
  actorUserId?: string | null;
  asOf?: Date;
};

/** Moves everyone in scope who now meets a higher tier up to the highest one met, at once. */
async function upgradeTiers(db: Db, orgId: string, o: UpgradeOptions): Promise<number> {
  const tiers = await loadTiers(db, orgId);
  if (!tiers.some((t) => t.isActive)) return 0;
  const settings = await getProgrammeSettings(db, orgId);
  const ctes = qualifyCtes({
    orgId,
    customerIds: o.customerIds,
    asOf: o.asOf ?? new Date(),
    windowDays: settings.windowDays,
    tiers,
  });
  const receiptFor = o.receiptIds?.length
    ? sql`(select r.id from receipts r where r.id = any(${sql.param(o.receiptIds)}::uuid[]) and r.customer_id = u.customer_id order by r.occurred_at desc limit 1)`
    : sql`null::uuid`;
  const changed = await rows<{ n: number }>(
    db,
    sql`with ${ctes},
      u as (
        select q.customer_id, q.tier, q.qkey, q.spend, q.visits, ru.q as rule
        from q join rules ru on ru.key = q.qkey
        where q.qrank > q.cur_rank
      ),
      upd as (
        update customers c set tier = u.qkey from u where c.id = u.customer_id returning c.id
      ),
      ins as (
        insert into customer_tier_changes (org_id, customer_id, from_tier, to_tier, reason, rule, actor_user_id, receipt_id)
        select ${orgId}, u.customer_id, u.tier, u.qkey, ${o.reason},
               jsonb_build_object('qualification', u.rule, 'spend', u.spend, 'visits', u.visits, 'windowDays', ${settings.windowDays}::int),
               ${o.actorUserId ?? null}::uuid, ${receiptFor}
        from u
        returning 1
      )
      select (select count(*) from upd)::int as n`,
  );
  return changed[0]?.n ?? 0;
}

/** The full recompute's tier step: everyone who meets a higher tier moves up (the lead's recompute calls it). */
export async function recomputeTiers(db: Db, orgId: string, opts: { asOf?: Date } = {}): Promise<{ upgraded: number }> {
  return { upgraded: await upgradeTiers(db, orgId, { customerIds: null, reason: 'recompute', asOf: opts.asOf }) };
}

// ——— points on receipts ———

type EarnRow = {
  id: string;
  customer_id: string;
  store_id: string;
  currency: string;
  total_paid: string | number;
  occurred_at: Date | string;
  tier_mult: string | number | null;
  camps: string[] | null;
};

async function lockCustomers(db: Db, ids: string[]) {
  if (!ids.length) return;
  await db.execute(
    sql`select id from customers where id = any(${sql.param([...new Set(ids)].sort())}::uuid[]) order by id for update`,
  );
}

async function balances(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const list = await rows<{ customer_id: string; b: string }>(
    db,
    sql`select customer_id, coalesce(sum(points), 0)::bigint as b from points_ledger
        where customer_id = any(${sql.param(ids)}::uuid[]) group by customer_id`,
  );
  return new Map(list.map((r) => [r.customer_id, Number(r.b)]));
}

/** Points for the new sale receipts among `receiptIds` (each receipt earns once). */
async function earnForReceipts(db: Db, orgId: string, receiptIds: string[], settings: ProgrammeSettings) {
  const list = await rows<EarnRow>(
    db,
    sql`select r.id, r.customer_id, r.store_id, r.currency, r.total_paid, r.occurred_at,
               (td.benefits->>'pointsMultiplier') as tier_mult,
               (select array_agg(pc.multiplier::text) from points_campaigns pc
                 where pc.org_id = r.org_id and pc.is_active
                   and (r.occurred_at at time zone st.timezone)::date between pc.starts_on and pc.ends_on
                   and (pc.store_ids is null or r.store_id = any(pc.store_ids))) as camps
        from receipts r
        join stores st on st.id = r.store_id
        join customers c on c.id = r.customer_id
        left join tier_definitions td on td.org_id = c.org_id and td.key = c.tier
        where r.org_id = ${orgId} and r.id = any(${sql.param(receiptIds)}::uuid[]) and r.kind = 'sale'
          and not exists (select 1 from points_ledger pl where pl.receipt_id = r.id and pl.kind = 'earn')`,
  );
  const values = list.flatMap((r) => {
    const unit = settings.points.earnUnit[r.currency];
    if (!unit) return [];
    const tierMult = r.tier_mult === null ? 1 : Number(r.tier_mult);
    const camps = (r.camps ?? []).map(Number);
    const points = earnPoints(Number(r.total_paid), unit, Number.isFinite(tierMult) ? tierMult : 1, camps);
    if (points <= 0) return [];
    const at = new Date(r.occurred_at).toISOString();
    return [
      {
        orgId,
        customerId: r.customer_id,
        storeId: r.store_id,
        kind: 'earn',
        points,
        receiptId: r.id,
        expiresAt: settings.points.expiryMonths ? new Date(addMonths(at, settings.points.expiryMonths)) : null,
        details: { paid: Number(r.total_paid), currency: r.currency, unit, tierMultiplier: tierMult, campaigns: camps },
      },
    ];
  });
  // One array parameter per column (an import earns on 100,000 receipts: a multi-row VALUES of that
  // many parameters costs more to build and bind than the insert itself).
  for (let i = 0; i < values.length; i += 10_000) {
    const chunk = values.slice(i, i + 10_000);
    const col = <T>(f: (v: (typeof values)[number]) => T) => sql.param(chunk.map(f));
    await db.execute(sql`
      insert into points_ledger (org_id, customer_id, store_id, kind, points, receipt_id, expires_at, details)
      select ${orgId}::uuid, u.customer_id, u.store_id, 'earn', u.points, u.receipt_id, u.expires_at, u.details
      from unnest(${col((v) => v.customerId)}::uuid[], ${col((v) => v.storeId)}::uuid[], ${col((v) => v.points)}::bigint[],
                  ${col((v) => v.receiptId)}::uuid[], ${col((v) => v.expiresAt?.toISOString() ?? null)}::timestamptz[],
                  ${col((v) => JSON.stringify(v.details))}::jsonb[])
        as u(customer_id, store_id, points, receipt_id, expires_at, details)
      on conflict do nothing`);
  }
  return values.length;
}

type ReturnRow = {
  id: string;
  customer_id: string;
  store_id: string;
  original_id: string;
  refunded: string | number;
  paid: string | number;
  earned: string | number | null;
  refunded_before: string | number;
  due_before: string | number;
};

/** Reverses points for the new return receipts, in proportion to the refund, never below zero. */
async function reverseForReturns(db: Db, orgId: string, receiptIds: string[]) {
  const list = await rows<ReturnRow>(
    db,
    sql`select r.id, r.customer_id, r.store_id, o.id as original_id, -r.total_paid as refunded, o.total_paid as paid,
               (select sum(points) from points_ledger e where e.receipt_id = o.id and e.kind = 'earn') as earned,
               coalesce((select sum((p.details->>'refunded')::bigint) from points_ledger p
                 where p.kind = 'reverse' and p.customer_id = r.customer_id and p.details->>'originalReceiptId' = o.id::text), 0) as refunded_before,
               coalesce((select sum((p.details->>'due')::bigint) from points_ledger p
                 where p.kind = 'reverse' and p.customer_id = r.customer_id and p.details->>'originalReceiptId' = o.id::text), 0) as due_before
        from receipts r join receipts o on o.id = r.original_receipt_id
        where r.org_id = ${orgId} and r.id = any(${sql.param(receiptIds)}::uuid[]) and r.kind = 'return'
          and r.customer_id is not null
          and not exists (select 1 from points_ledger pl where pl.receipt_id = r.id and pl.kind = 'reverse')
        order by r.occurred_at, r.id`,
  );
  const todo = list.filter((r) => Number(r.earned ?? 0) > 0);
  if (!todo.length) return 0;
  const bal = await balances(
    db,
    todo.map((r) => r.customer_id),
  );
  // Several returns of one receipt in one batch: each sees the ones before it.
  const seen = new Map<string, { refunded: number; due: number }>();
  const values = todo.map((r) => {
    const prior = seen.get(r.original_id) ?? { refunded: Number(r.refunded_before), due: Number(r.due_before) };
    const refunded = Number(r.refunded);
    const due = reversalPoints({
      earned: Number(r.earned),
      paid: Number(r.paid),
      refundedBefore: prior.refunded,
      refundedNow: refunded,
      reversedBefore: prior.due,
    });
    const balance = bal.get(r.customer_id) ?? 0;
    const points = Math.min(due, Math.max(0, balance));
    bal.set(r.customer_id, balance - points);
    seen.set(r.original_id, { refunded: prior.refunded + refunded, due: prior.due + due });
    return {
      orgId,
      customerId: r.customer_id,
      storeId: r.store_id,
      kind: 'reverse',
      points: -points,
      receiptId: r.id,
      details: { originalReceiptId: r.original_id, refunded, due, earned: Number(r.earned) },
    };
  });
  await db.insert(pointsLedger).values(values).onConflictDoNothing();
  return values.length;
}

/**
 * The loyalty step of afterReceipts (same transaction): upgrade tiers at once (reason "qualified",
 * with the rule met and the receipt), then earn points on new sales — at her new tier's multiplier —
 * and reverse points for returns. Running it twice for the same receipts changes nothing.
 */
export async function applyLoyalty(tx: Db, event: ReceiptEvent): Promise<void> {
  if (!event.customerIds.length && !event.receiptIds.length) return;
  if (event.customerIds.length) {
    await upgradeTiers(tx, event.orgId, {
      customerIds: event.customerIds,
      reason: 'qualified',
      receiptIds: event.receiptIds,
    });
  }
  if (!event.receiptIds.length) return;
  const settings = await getProgrammeSettings(tx, event.orgId);
  await lockCustomers(tx, event.customerIds);
  await earnForReceipts(tx, event.orgId, event.receiptIds, settings);
  await reverseForReturns(tx, event.orgId, event.receiptIds);
}

// ——— the yearly review ———

async function orgToday(db: Db, orgId: string): Promise<string> {
  const [r] = await rows<{ d: string }>(
    db,
    sql`select to_char(now() at time zone coalesce((select timezone from stores where org_id = ${orgId} order by created_at limit 1), 'UTC'), 'YYYY-MM-DD') as d`,
  );
  return r!.d;
}

/**
 * The yearly review: members who no longer meet their tier over the window ending `asOf` move down to
 * the highest tier they still meet (never below the lowest), but only once the grace period after the
 * review date is over, and never for a tier reached on or after the review date. Before that they are
 * counted as "in grace". Idempotent: a second run finds nothing to do.
 */
export async function reviewTiers(
  db: Db,
  orgId: string,
  opts: { asOf?: string; dryRun?: boolean; actorUserId?: string | null } = {},
): Promise<ReviewResult> {
  const asOf = opts.asOf ?? (await orgToday(db, orgId));
  const settings = await getProgrammeSettings(db, orgId);
  const w = reviewWindow(asOf, settings.review);
  const tiers = await loadTiers(db, orgId);
  const active = tiers.filter((t) => t.isActive);
  const empty = { ...w, dryRun: !!opts.dryRun, inGrace: 0, downgraded: 0, sample: [] };
  if (!active.length) return empty;
  const lowest = active[0]!;
  const ctes = qualifyCtes({
    orgId,
    customerIds: null,
    asOf: new Date(`${asOf}T23:59:59.999Z`),
    windowDays: settings.windowDays,
    tiers,
    withTierOnly: true,
  });
  const apply = w.due && !opts.dryRun;
  const result = await rows<{
    n: number;
    sample: Array<{ id: string; displayName: string; from: string; to: string }>;
  }>(
    db,
    sql`with ${ctes},
      cand as (
        select q.customer_id, q.display_name, q.tier, q.spend, q.visits,
               coalesce(q.qkey, ${lowest.key}) as to_key, ru.q as rule
        from q
        left join rules ru on ru.key = coalesce(q.qkey, ${lowest.key})
        where q.cur_rank > greatest(q.qrank, ${lowest.rank}::int)
          and not exists (select 1 from customer_tier_changes tc
                          where tc.customer_id = q.customer_id and tc.at >= ${w.reviewDate}::date)
      ),
      upd as (
        update customers c set tier = cand.to_key from cand where ${apply} and c.id = cand.customer_id returning c.id
      ),
      ins as (
        insert into customer_tier_changes (org_id, customer_id, from_tier, to_tier, reason, rule, actor_user_id)
        select ${orgId}, cand.customer_id, cand.tier, cand.to_key, 'review',
               jsonb_build_object('qualification', cand.rule, 'spend', cand.spend, 'visits', cand.visits,
                                  'reviewDate', ${w.reviewDate}::text, 'graceDays', ${settings.review.graceDays}::int),
               ${opts.actorUserId ?? null}::uuid
        from cand where ${apply}
        returning 1
      )
      select (select count(*) from cand)::int as n,
             coalesce((select jsonb_agg(jsonb_build_object('id', s.customer_id, 'displayName', s.display_name, 'from', s.tier, 'to', s.to_key))
                       from (select * from cand order by display_name limit 10) s), '[]'::jsonb) as sample`,
  );
  const n = result[0]?.n ?? 0;
  return {
    ...w,
    dryRun: !!opts.dryRun,
    inGrace: w.due ? 0 : n,
    downgraded: w.due ? n : 0,
    sample: result[0]?.sample ?? [],
  };
}

// ——— expiry ———

/** Writes an `expire` entry for every customer with expired, unused points (FIFO). Idempotent. */
export async function expirePoints(
  db: Db,
  orgId: string,
  opts: { asOf?: Date } = {},
): Promise<{ customers: number; points: number }> {
  const asOf = (opts.asOf ?? new Date()).toISOString();
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const due = sql`
      lots as (
        select l.customer_id, l.points, l.expires_at,
               sum(l.points) over (partition by l.customer_id order by l.expires_at nulls last, l.at, l.id) as cum
        from points_ledger l
        where l.org_id = ${orgId} and l.points > 0
          and l.customer_id in (select customer_id from points_ledger
                                where org_id = ${orgId} and points > 0 and expires_at <= ${asOf}::timestamptz)
      ),
      used as (
        select customer_id, -sum(points) as u from points_ledger
        where org_id = ${orgId} and points < 0
          and customer_id in (select customer_id from lots)
        group by customer_id
      ),
      due as (
        select l.customer_id, sum(greatest(0, least(l.points, l.cum - coalesce(u.u, 0))))::bigint as d
        from lots l left join used u on u.customer_id = l.customer_id
        where l.expires_at <= ${asOf}::timestamptz
        group by l.customer_id
      )`;
    await tx.execute(
      sql`select c.id from customers c where c.id in (with ${due} select customer_id from due where d > 0) order by c.id for update`,
    );
    const [r] = await rows<{ customers: number; points: string | null }>(
      tx,
      sql`with ${due},
        ins as (
          insert into points_ledger (org_id, customer_id, kind, points, details)
          select ${orgId}, customer_id, 'expire', -d, jsonb_build_object('asOf', ${asOf}::text) from due where d > 0
          returning points
        )
        select count(*)::int as customers, -coalesce(sum(points), 0) as points from ins`,
    );
    return { customers: r?.customers ?? 0, points: Number(r?.points ?? 0) };
  });
}

// ——— her tier, points and history ———

export async function getCustomerLoyalty(
  db: Db,
  orgId: string,
  customer: { id: string; tier: string | null; storeId: string },
): Promise<CustomerLoyalty> {
  const tiers = await loadTiers(db, orgId);
  const settings = await getProgrammeSettings(db, orgId);
  const [store] = await rows<{ currency: string }>(db, sql`select currency from stores where id = ${customer.storeId}`);
  const currency = store?.currency ?? 'CNY';
  const [act] = await rows<{ spend: Record<string, number>; visits: number }>(
    db,
    sql`with ${qualifyCtes({ orgId, customerIds: [customer.id], asOf: new Date(), windowDays: settings.windowDays, tiers })}
        select spend, visits from q`,
  );
  const activity = { spend: act?.spend ?? {}, visits: act?.visits ?? 0 };
  const current = tiers.find((t) => t.key === customer.tier) ?? null;
  const next = tiers.filter((t) => t.isActive && t.rank > (current?.rank ?? 0))[0] ?? null;
  const progress = next ? progressTo(next.qualification, activity, currency) : null;
  const [pts] = await rows<{ balance: string; soon: string | null; next_expiry: Date | string | null }>(
    db,
    sql`select coalesce(sum(points), 0)::bigint as balance from points_ledger where customer_id = ${customer.id}`,
  );
  const balance = Number(pts?.balance ?? 0);
  const soon = await expiringPoints(db, customer.id, 90);
  const history = await rows<{
    id: string;
    from_tier: string | null;
    to_tier: string | null;
    reason: string;
    rule: Record<string, unknown>;
    actor_name: string | null;
    receipt_id: string | null;
    at: Date | string;
  }>(
    db,
    sql`select tc.id, tc.from_tier, tc.to_tier, tc.reason, tc.rule, u.display_name as actor_name, tc.receipt_id, tc.at
        from customer_tier_changes tc left join users u on u.id = tc.actor_user_id
        where tc.customer_id = ${customer.id} order by tc.at desc, tc.id desc limit 50`,
  );
  return {
    tier: current
      ? {
          id: current.id,
          key: current.key,
          rank: current.rank,
          labels: current.labels,
          qualification: current.qualification,
          benefits: current.benefits,
          isActive: current.isActive,
        }
      : null,
    nextTier:
      next && progress
        ? { key: next.key, labels: next.labels, missingSpend: progress.spend, missingVisits: progress.visits }
        : null,
    activity: {
      currency,
      spend: Number(activity.spend[currency] ?? 0),
      visits: activity.visits,
      windowDays: settings.windowDays,
    },
    points: { balance, expiringSoon: soon.points, nextExpiry: soon.next },
    history: history.map((h) => ({
      id: h.id,
      fromTier: h.from_tier,
      toTier: h.to_tier,
      reason: h.reason as 'qualified' | 'review' | 'recompute',
      rule: h.rule,
      actorName: h.actor_name,
      receiptId: h.receipt_id,
      at: new Date(h.at).toISOString(),
    })),
  };
}

/** Her unused points that expire within `days` (FIFO), and the first such expiry. */
async function expiringPoints(db: Db, customerId: string, days: number) {
  const [r] = await rows<{ points: string | null; next: Date | string | null }>(
    db,
    sql`with lots as (
          select points, expires_at, sum(points) over (order by expires_at nulls last, at, id) as cum
          from points_ledger where customer_id = ${customerId} and points > 0),
        used as (select coalesce(-sum(points), 0) as u from points_ledger where customer_id = ${customerId} and points < 0),
        left_ as (select expires_at, greatest(0, least(points, cum - (select u from used))) as remaining from lots)
        select sum(remaining) filter (where expires_at <= now() + make_interval(days => ${days})) as points,
               min(expires_at) filter (where remaining > 0) as next
        from left_`,
  );
  return { points: Number(r?.points ?? 0), next: r?.next ? new Date(r.next).toISOString() : null };
}

type Entry = z.infer<typeof pointsEntrySchema>;

export async function listPoints(
  db: Db,
  customerId: string,
  q: { cursor?: string; limit: number },
): Promise<{ items: Entry[]; nextCursor: string | null }> {
  const cursor = decodeCursor(q.cursor);
  const where = [eq(pointsLedger.customerId, customerId)];
  if (cursor) {
    const at = new Date(cursor.k);
    where.push(or(lt(pointsLedger.at, at), and(eq(pointsLedger.at, at), lt(pointsLedger.id, cursor.id)))!);
  }
  const list = await db
    .select({ l: pointsLedger, by: users.displayName })
    .from(pointsLedger)
    .leftJoin(users, eq(users.id, pointsLedger.byUserId))
    .where(and(...where))
    .orderBy(desc(pointsLedger.at), desc(pointsLedger.id))
    .limit(q.limit + 1);
  const page = list.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ l, by }) => ({
      id: l.id,
      kind: l.kind as Entry['kind'],
      points: l.points,
      receiptId: l.receiptId,
      reason: l.reason,
      expiresAt: l.expiresAt?.toISOString() ?? null,
      byName: by ?? null,
      at: l.at.toISOString(),
    })),
    nextCursor: list.length > q.limit && last ? encodeCursor(last.l.at.toISOString(), last.l.id) : null,
  };
}

const POINTS_MESSAGES: Record<PointsProblem, string> = {
  not_positive: 'Enter a whole number of points',
  insufficient_points: 'She does not have that many points',
  reason_required: 'Say why',
  would_go_negative: 'Her balance cannot go below zero',
};

async function writeManual(
  db: Db,
  actor: LoyaltyActor,
  customer: { id: string; storeId: string },
  kind: 'redeem' | 'adjust',
  points: number,
  reason: string | null,
) {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await lockCustomers(tx, [customer.id]);
    const balance = (await balances(tx, [customer.id])).get(customer.id) ?? 0;
    const problem = kind === 'redeem' ? checkRedeem(balance, points) : checkAdjust(balance, points, reason);
    if (problem)
      throw new AppError('validation_failed', {}, [
        { field: 'body.points', code: problem, message: POINTS_MESSAGES[problem] },
      ]);
    const settings = await getProgrammeSettings(tx, actor.orgId);
    const months = settings.points.expiryMonths;
    const [e] = await tx
      .insert(pointsLedger)
      .values({
        orgId: actor.orgId,
        customerId: customer.id,
        storeId: customer.storeId,
        kind,
        points: kind === 'redeem' ? -points : points,
        reason,
        expiresAt:
          kind === 'adjust' && points > 0 && months ? new Date(addMonths(new Date().toISOString(), months)) : null,
        byUserId: actor.userId,
      })
      .returning();
    return { entry: e!, balance: balance + (kind === 'redeem' ? -points : points) };
  });
}

export function redeemPoints(
  db: Db,
  actor: LoyaltyActor,
  c: { id: string; storeId: string },
  points: number,
  reason?: string,
) {
  return writeManual(db, actor, c, 'redeem', points, reason ?? null);
}

export function adjustPoints(
  db: Db,
  actor: LoyaltyActor,
  c: { id: string; storeId: string },
  points: number,
  reason: string,
) {
  return writeManual(db, actor, c, 'adjust', points, reason);
}

// ——— "what changes if I edit this rule" ———

export async function previewTiers(
  db: Db,
  orgId: string,
  body: z.infer<typeof previewBodySchema>,
): Promise<z.infer<typeof previewSchema>> {
  const settings = await getProgrammeSettings(db, orgId);
  const proposed: TierRule[] = body.tiers.map((t) => ({
    ...t,
    qualification: qualificationSchema.parse(t.qualification),
  }));
  const active = proposed.filter((t) => t.isActive !== false).sort((a, b) => a.rank - b.rank);
  const floor = active[0];
  const ctes = qualifyCtes({
    orgId,
    customerIds: null,
    asOf: new Date(),
    windowDays: body.windowDays ?? settings.windowDays,
    tiers: proposed,
  });
  const floorRank = floor?.rank ?? 0;
  const [r] = await rows<{
    up: number;
    down: number;
    unchanged: number;
    by_now: Record<string, number> | null;
    by_prop: Record<string, number> | null;
    sample_up: Array<{ id: string; displayName: string; from: string | null; to: string | null }>;
    sample_down: Array<{ id: string; displayName: string; from: string | null; to: string | null }>;
  }>(
    db,
    sql`with ${ctes},
      m as (
        select q.*,
          case when q.qrank > q.cur_rank then q.qkey
               when q.cur_rank > 0 and q.cur_rank > greatest(q.qrank, ${floorRank}::int)
                 then coalesce(q.qkey, ${floor?.key ?? null}::text)
               else q.tier end as to_key,
          case when q.qrank > q.cur_rank then 'up'
               when q.cur_rank > 0 and q.cur_rank > greatest(q.qrank, ${floorRank}::int) then 'down'
               else 'same' end as move
        from q
        where q.tier is not null or q.qrank > 0
      )
      select count(*) filter (where move = 'up')::int as up,
             count(*) filter (where move = 'down')::int as down,
             count(*) filter (where move = 'same')::int as unchanged,
             (select jsonb_object_agg(k, n) from (select tier as k, count(*) as n from m where tier is not null group by tier) a) as by_now,
             (select jsonb_object_agg(k, n) from (select to_key as k, count(*) as n from m where to_key is not null group by to_key) b) as by_prop,
             coalesce((select jsonb_agg(jsonb_build_object('id', s.customer_id, 'displayName', s.display_name, 'from', s.tier, 'to', s.to_key))
                       from (select * from m where move = 'up' order by display_name limit 10) s), '[]'::jsonb) as sample_up,
             coalesce((select jsonb_agg(jsonb_build_object('id', s.customer_id, 'displayName', s.display_name, 'from', s.tier, 'to', s.to_key))
                       from (select * from m where move = 'down' order by display_name limit 10) s), '[]'::jsonb) as sample_down
      from m`,
  );
  const keys = [...new Set([...proposed.map((t) => t.key), ...Object.keys(r?.by_now ?? {})])];
  return {
    up: r?.up ?? 0,
    down: r?.down ?? 0,
    unchanged: r?.unchanged ?? 0,
    byTier: keys.map((k) => ({ key: k, now: Number(r?.by_now?.[k] ?? 0), proposed: Number(r?.by_prop?.[k] ?? 0) })),
    sampleUp: r?.sample_up ?? [],
    sampleDown: r?.sample_down ?? [],
  };
}

/**
 * Brings the programme up to date for receipts written without the hook (the demo generator, a
 * restore from before the programme): tiers for everyone, points for every sale and return not yet
 * on the ledger, in chunks, then expiry. Idempotent like the hook itself.
 */
export async function backfillLoyalty(db: Db, orgId: string): Promise<{ upgraded: number }> {
  const { upgraded } = await recomputeTiers(db, orgId);
  const settings = await getProgrammeSettings(db, orgId);
  let after = '';
  for (;;) {
    const chunk = await rows<{ id: string }>(
      db,
      sql`select r.id from receipts r where r.org_id = ${orgId} and r.customer_id is not null and r.id::text > ${after}
          order by r.id::text limit 5000`,
    );
    if (!chunk.length) break;
    const ids = chunk.map((c) => c.id);
    await earnForReceipts(db, orgId, ids, settings);
    after = ids[ids.length - 1]!;
  }
  after = '';
  for (;;) {
    const chunk = await rows<{ id: string }>(
      db,
      sql`select r.id from receipts r where r.org_id = ${orgId} and r.kind = 'return' and r.customer_id is not null
            and r.id::text > ${after} order by r.id::text limit 5000`,
    );
    if (!chunk.length) break;
    const ids = chunk.map((c) => c.id);
    await reverseForReturns(db, orgId, ids);
    after = ids[ids.length - 1]!;
  }
  await expirePoints(db, orgId);
  return { upgraded };
}
