// The VIP programme: her tier, points and history, and manual redeem/adjust (split out of loyalty.service.ts).
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type CustomerLoyalty, type pointsEntrySchema } from '../../../contracts/loyalty';
import { addMonths, checkAdjust, checkRedeem, type PointsProblem } from '../../../domain/points';
import { progressTo } from '../../../domain/tiers';
import { rows, type Db } from '../../db/client';
import { pointsLedger, users } from '../../db/schema';
import { AppError } from '../../errors';
import { decodeCursor, encodeCursor } from '../../pagination';
import { getProgrammeSettings, loadTiers, type LoyaltyActor } from './loyalty.service';
import { balances, lockCustomers } from './points.service';
import { qualifyCtes } from './qualify.sql';

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
