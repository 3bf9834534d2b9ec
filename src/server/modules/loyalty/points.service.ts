// The VIP programme's points on receipts, expiry and backfill (split out of loyalty.service.ts).
import { sql } from 'drizzle-orm';
import { type ProgrammeSettings } from '../../../contracts/loyalty';
import { addMonths, earnPoints, reversalPoints } from '../../../domain/points';
import { rows, type Db } from '../../db/client';
import { pointsLedger } from '../../db/schema';
import type { ReceiptEvent } from '../purchases/receipt-hooks';
import { getProgrammeSettings, recomputeTiers, upgradeTiers } from './loyalty.service';

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

export async function lockCustomers(db: Db, ids: string[]) {
  if (!ids.length) return;
  await db.execute(
    sql`select id from customers where id = any(${sql.param([...new Set(ids)].sort())}::uuid[]) order by id for update`,
  );
}

export async function balances(db: Db, ids: string[]): Promise<Map<string, number>> {
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
