// Repair tickets: intake from her purchases, the seed-001 rules applied to the real purchase date and
// price, every status change dated and attributed.
import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Assessment,
  openRepairBodySchema,
  RepairTicket,
  updateRepairBodySchema,
} from '../../../contracts/after-sales';
import { assessRepair, type FaultCause } from '../../../domain/after-sales';
import { rows, type Db } from '../../db/client';
import {
  customers,
  productCategories,
  receiptLines,
  receipts,
  repairEvents,
  repairTickets,
  stores,
  users,
} from '../../db/schema';
import { AppError, notFound } from '../../errors';
import type { CustomerRow } from '../customers/customers.mapping';
import { storeToday } from '../salon/salon.service';
import { photosOf } from './repair-photos';

type Actor = { orgId: string; userId: string | null; storeIds: string[] };
type TicketRow = typeof repairTickets.$inferSelect;

const NEXT: Record<string, string[]> = {
  received: ['assessed'],
  assessed: ['repairing', 'exchanged', 'refunded'],
  repairing: ['ready'],
  ready: ['collected'],
  collected: [],
  exchanged: [],
  refunded: [],
};

type Purchase = {
  purchasedOn: string;
  paidAmount: number;
  currency: string;
  policy: typeof productCategories.$inferSelect | null;
  description: string;
};

async function purchaseOf(db: Db, lineId: string | null): Promise<Purchase | null> {
  if (!lineId) return null;
  const [r] = await rows<{
    purchased_on: string;
    paid: string;
    currency: string;
    category_id: string | null;
    name: string;
    style_no: string | null;
    size: string | null;
    colour: string | null;
    quantity: number;
  }>(
    db,
    sql`select to_char(r.occurred_at at time zone s.timezone, 'YYYY-MM-DD') as purchased_on, l.paid_amount as paid, r.currency, l.category_id,
               l.product_name as name, l.style_no, l.size, l.colour, l.quantity
        from receipt_lines l join receipts r on r.id = l.receipt_id join stores s on s.id = r.store_id where l.id = ${lineId}`,
  );
  if (!r) return null;
  const [policy] = r.category_id
    ? await db.select().from(productCategories).where(eq(productCategories.id, r.category_id))
    : [];
  const description = [r.name, r.style_no, r.size, r.colour].filter(Boolean).join(' · ');
  return {
    purchasedOn: r.purchased_on,
    paidAmount: Math.round(Number(r.paid) / Math.max(1, r.quantity)),
    currency: r.currency,
    policy: policy ?? null,
    description,
  };
}

export function assess(
  p: Purchase | null,
  reportedOn: string,
  cause: FaultCause,
  isRepairable: boolean,
): Assessment | null {
  if (!p) return null;
  if (!p.policy?.warrantyMonths) {
    return {
      rule: 'no_warranty',
      daysSincePurchase: 0,
      warrantyEndsOn: null,
      isWithinWarranty: false,
      isFree: false,
      depreciationPercent: 0,
      depreciationCharge: 0,
      paidAmount: p.paidAmount,
      currency: p.currency,
    };
  }
  const a = assessRepair({
    purchasedOn: p.purchasedOn,
    reportedOn,
    cause,
    isRepairable,
    paidAmount: p.paidAmount,
    policy: {
      warrantyMonths: p.policy.warrantyMonths,
      freeRepairFromDay: p.policy.freeRepairFromDay,
      depreciationBands: p.policy.depreciationBands,
    },
  });
  return {
    rule: a.rule,
    daysSincePurchase: a.daysSincePurchase,
    warrantyEndsOn: a.warrantyEndsOn,
    isWithinWarranty: a.isWithinWarranty,
    isFree: a.isFree,
    depreciationPercent: a.depreciationPercent,
    depreciationCharge: a.depreciationCharge,
    paidAmount: p.paidAmount,
    currency: p.currency,
  };
}

export async function openRepair(
  db: Db,
  actor: Actor,
  c: CustomerRow,
  input: z.infer<typeof openRepairBodySchema>,
): Promise<TicketRow> {
  if (input.receiptLineId) {
    const [own] = await db
      .select({ id: receiptLines.id })
      .from(receiptLines)
      .innerJoin(receipts, eq(receipts.id, receiptLines.receiptId))
      .where(and(eq(receiptLines.id, input.receiptLineId), eq(receipts.customerId, c.id)));
    if (!own)
      throw new AppError('validation_failed', {}, [
        { field: 'body.receiptLineId', code: 'unknown_item', message: 'Not one of her purchases' },
      ]);
  }
  const purchase = await purchaseOf(db, input.receiptLineId ?? null);
  const today = await storeToday(db, c.storeId);
  const reportedOn = input.reportedOn ?? today;
  if (purchase && reportedOn < purchase.purchasedOn)
    throw new AppError('validation_failed', {}, [
      { field: 'body.reportedOn', code: 'before_purchase', message: 'Before the purchase date' },
    ]);
  const [store] = await db.select().from(stores).where(eq(stores.id, c.storeId));
  const prefix = `R${reportedOn.replace(/-/g, '')}-`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from repair_tickets where store_id = ${c.storeId} and ticket_no like ${prefix + '%'}`,
    );
    const ticketNo = `${prefix}${String(n + 1 + attempt).padStart(3, '0')}`;
    const created = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const [t] = await tx
        .insert(repairTickets)
        .values({
          orgId: actor.orgId,
          storeId: c.storeId,
          customerId: c.id,
          receiptLineId: input.receiptLineId ?? null,
          ticketNo,
          itemDescription: input.itemDescription || purchase?.description || '',
          fault: input.fault,
          cause: input.cause,
          currency: purchase?.currency ?? store!.currency,
          reportedOn,
          photoCount: input.photoCount,
          createdBy: actor.userId,
        })
        .onConflictDoNothing()
        .returning();
      if (t)
        await tx
          .insert(repairEvents)
          .values({ orgId: actor.orgId, ticketId: t.id, status: 'received', byUserId: actor.userId });
      return t;
    });
    if (created) return created;
  }
  throw new AppError('conflict');
}

export async function updateRepair(
  db: Db,
  actor: Actor,
  t: TicketRow,
  input: z.infer<typeof updateRepairBodySchema>,
): Promise<void> {
  if (!NEXT[t.status]?.includes(input.status)) {
    throw new AppError('validation_failed', {}, [
      {
        field: 'body.status',
        code: 'bad_transition',
        message: `From ${t.status} the ticket can go to: ${NEXT[t.status]?.join(', ') || 'nothing (it is closed)'}`,
      },
    ]);
  }
  const cause = (input.cause ?? t.cause) as FaultCause;
  const isRepairable = input.isRepairable ?? (t.isRepairable as boolean | null);
  const set: Partial<typeof repairTickets.$inferInsert> = {
    status: input.status,
    cause,
    isRepairable,
    updatedAt: new Date(),
  };
  if (input.status === 'assessed') {
    if (isRepairable === null || isRepairable === undefined)
      throw new AppError('validation_failed', {}, [
        { field: 'body.isRepairable', code: 'required', message: 'Say whether it can be repaired' },
      ]);
    const a = assess(await purchaseOf(db, t.receiptLineId), t.reportedOn, cause, isRepairable);
    set.assessment = a as unknown as Record<string, unknown>;
    set.outcome = a?.rule ?? (isRepairable ? 'paid_repair_out_of_warranty' : null);
    set.charge = a?.rule === 'paid_exchange_depreciation' ? a.depreciationCharge : a?.isFree ? 0 : (input.charge ?? 0);
  } else if (input.charge !== undefined) set.charge = input.charge;
  await db.transaction(async (tx) => {
    await tx.update(repairTickets).set(set).where(eq(repairTickets.id, t.id));
    await tx.insert(repairEvents).values({
      orgId: actor.orgId,
      ticketId: t.id,
      status: input.status,
      note: input.note ?? null,
      byUserId: actor.userId,
    });
  });
}

export async function getTicketRowOrThrow(
  db: Db,
  actor: Pick<Actor, 'orgId' | 'storeIds'>,
  id: string,
): Promise<TicketRow> {
  const [t] = await db
    .select()
    .from(repairTickets)
    .where(and(eq(repairTickets.orgId, actor.orgId), eq(repairTickets.id, id)));
  if (!t || !actor.storeIds.includes(t.storeId)) throw notFound();
  return t;
}

export async function toTicket(db: Db, t: TicketRow): Promise<RepairTicket> {
  const [events, [cust], purchase, photos] = await Promise.all([
    db
      .select({ e: repairEvents, by: users.displayName })
      .from(repairEvents)
      .leftJoin(users, eq(users.id, repairEvents.byUserId))
      .where(eq(repairEvents.ticketId, t.id))
      .orderBy(asc(repairEvents.at)),
    db.select({ name: customers.displayName }).from(customers).where(eq(customers.id, t.customerId)),
    purchaseOf(db, t.receiptLineId),
    photosOf(db, t.id),
  ]);
  const cause = t.cause as FaultCause;
  return {
    id: t.id,
    ticketNo: t.ticketNo,
    storeId: t.storeId,
    customerId: t.customerId,
    customerName: cust?.name ?? '',
    receiptLineId: t.receiptLineId,
    itemDescription: t.itemDescription,
    fault: t.fault,
    cause,
    isRepairable: (t.isRepairable as boolean | null) ?? null,
    status: t.status as RepairTicket['status'],
    reportedOn: t.reportedOn,
    purchasedOn: purchase?.purchasedOn ?? null,
    assessment: (t.assessment as unknown as Assessment | null) ?? null,
    whatIfNotRepairable: assess(purchase, t.reportedOn, cause === 'unknown' ? 'quality' : cause, false),
    charge: t.charge,
    currency: t.currency,
    photoCount: t.photoCount,
    photos,
    events: events.map(({ e, by }) => ({ status: e.status, note: e.note, at: e.at.toISOString(), byName: by ?? null })),
    createdAt: t.createdAt.toISOString(),
  };
}

export async function findTickets(db: Db, where: SQL[]): Promise<TicketRow[]> {
  return db
    .select()
    .from(repairTickets)
    .where(and(...where))
    .orderBy(desc(repairTickets.createdAt))
    .limit(1000);
}

export function registerWhere(
  orgId: string,
  storeIds: string[],
  q: { storeId?: string; from?: string; to?: string; status?: string },
): SQL[] {
  const ids = q.storeId ? storeIds.filter((s) => s === q.storeId) : storeIds;
  const where: SQL[] = [
    eq(repairTickets.orgId, orgId),
    sql`${repairTickets.storeId} in (${sql.join(
      (ids.length ? ids : ['00000000-0000-0000-0000-000000000000']).map((s) => sql`${s}::uuid`),
      sql`, `,
    )})`,
  ];
  if (q.from) where.push(gte(repairTickets.reportedOn, q.from));
  if (q.to) where.push(lte(repairTickets.reportedOn, q.to));
  if (q.status) where.push(eq(repairTickets.status, q.status));
  return where;
}
