// Visits with the care log (护理日志) and prepaid cards. Ledger writes take a row lock on the card so
// two redemptions at once cannot overdraw it; the balance is always the sum of the ledger.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  adjustCardBodySchema,
  cardSchema,
  createVisitBodySchema,
  sellCardBodySchema,
} from '../../../contracts/salon';
import { balanceOf, checkEntry, type LedgerEntry } from '../../../domain/prepaid';
import { rows, type Db } from '../../db/client';
import { prepaidCards, prepaidLedger, serviceItems, serviceVisits, stores, users } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import type { CustomerRow } from '../customers/customers.mapping';
import { afterReceipts } from '../purchases/receipt-hooks';
import { refreshCustomerStats } from '../purchases/stats';
import { isColleague } from '../org/colleagues';

type Card = z.infer<typeof cardSchema>;
type Actor = { orgId: string; userId: string | null };

const PROBLEM_MESSAGES = {
  not_positive: 'Enter a positive amount',
  insufficient_balance: 'Not enough left on the card',
  expired: 'This card has expired',
  wrong_kind: 'This card does not hold that kind of balance',
};

/** Today's date where the store is (a card expires at the end of its last day there). */
export async function storeToday(db: Db, storeId: string): Promise<string> {
  const [r] = await rows<{ d: string }>(
    db,
    sql`select to_char(now() at time zone timezone, 'YYYY-MM-DD') as d from stores where id = ${storeId}`,
  );
  return r?.d ?? new Date().toISOString().slice(0, 10);
}

/** Writes one ledger entry after checking it against the locked card's balance. */
async function writeEntry(
  tx: Db,
  actor: Actor,
  cardId: string,
  e: LedgerEntry,
  extra: { visitId?: string; note?: string | null },
  field: string,
) {
  const [card] = await tx.select().from(prepaidCards).where(eq(prepaidCards.id, cardId)).for('update');
  if (!card || card.orgId !== actor.orgId)
    throw new AppError('validation_failed', {}, [{ field, code: 'unknown_card', message: 'No such card' }]);
  const entries = await tx.select().from(prepaidLedger).where(eq(prepaidLedger.cardId, cardId));
  const problem = checkEntry(
    card.kind as 'count' | 'value',
    balanceOf(entries),
    e,
    card.expiresOn,
    await storeToday(tx, card.storeId),
  );
  if (problem)
    throw new AppError('validation_failed', {}, [{ field, code: problem, message: PROBLEM_MESSAGES[problem] }]);
  await tx.insert(prepaidLedger).values({
    orgId: actor.orgId,
    cardId,
    entry: e.entry,
    countDelta: e.countDelta,
    valueDelta: e.valueDelta,
    visitId: extra.visitId ?? null,
    note: extra.note ?? null,
    byUserId: actor.userId,
  });
  return card;
}

export async function recordVisit(db: Db, actor: Actor, c: CustomerRow, input: z.infer<typeof createVisitBodySchema>) {
  const items = await db
    .select()
    .from(serviceItems)
    .where(and(eq(serviceItems.orgId, actor.orgId), inArray(serviceItems.id, input.serviceItemIds)));
  const missing = input.serviceItemIds.findIndex((id) => !items.some((i) => i.id === id));
  if (missing >= 0)
    throw new AppError('validation_failed', {}, [
      { field: `body.serviceItemIds.${missing}`, code: 'unknown_service', message: 'No such service' },
    ]);
  // The one who served must work in her store (or be the one recording it).
  const by = input.beauticianId;
  if (by && by !== actor.userId && !(await isColleague(db, actor.orgId, c.storeId, by)))
    throw new AppError('validation_failed', {}, [
      { field: 'body.beauticianId', code: 'unknown_user', message: 'Not a colleague in this store' },
    ]);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [v] = await tx
      .insert(serviceVisits)
      .values({
        orgId: actor.orgId,
        storeId: c.storeId,
        customerId: c.id,
        beauticianId: input.beauticianId ?? actor.userId,
        visitedAt: input.visitedAt ? new Date(input.visitedAt) : new Date(),
        services: input.serviceItemIds.map((id) => ({ serviceItemId: id, name: items.find((i) => i.id === id)!.name })),
        productsUsed: input.productsUsed ?? null,
        skinCondition: input.skinCondition ?? null,
        feedback: input.feedback ?? null,
        notes: input.notes ?? null,
      })
      .returning();
    for (const [i, r] of input.redeem.entries()) {
      const [card] = await tx.select().from(prepaidCards).where(eq(prepaidCards.id, r.cardId));
      if (!card || card.customerId !== c.id)
        throw new AppError('validation_failed', {}, [
          { field: `body.redeem.${i}.cardId`, code: 'unknown_card', message: 'Not one of her cards' },
        ]);
      const e: LedgerEntry =
        card.kind === 'count'
          ? { entry: 'redeem', countDelta: -(r.count ?? 1), valueDelta: 0 }
          : { entry: 'redeem', countDelta: 0, valueDelta: -(r.amount ?? 0) };
      await writeEntry(tx, actor, r.cardId, e, { visitId: v!.id }, `body.redeem.${i}`);
    }
    await refreshCustomerStats(tx, c.id);
    await afterReceipts(tx, { orgId: actor.orgId, customerIds: [c.id], receiptIds: [], source: 'visit' });
    return v!;
  });
}

export async function findVisits(db: Db, customerId: string, limit = 50) {
  const list = await db
    .select({ v: serviceVisits, by: users.displayName })
    .from(serviceVisits)
    .leftJoin(users, eq(users.id, serviceVisits.beauticianId))
    .where(eq(serviceVisits.customerId, customerId))
    .orderBy(desc(serviceVisits.visitedAt))
    .limit(limit);
  return list.map(({ v, by }) => ({
    id: v.id,
    customerId: v.customerId,
    storeId: v.storeId,
    beauticianId: v.beauticianId,
    beauticianName: by ?? null,
    visitedAt: v.visitedAt.toISOString(),
    services: v.services,
    productsUsed: v.productsUsed,
    skinCondition: v.skinCondition,
    feedback: v.feedback,
    notes: v.notes,
  }));
}

export async function sellCard(db: Db, actor: Actor, c: CustomerRow, input: z.infer<typeof sellCardBodySchema>) {
  const [store] = await db.select().from(stores).where(eq(stores.id, c.storeId));
  if (input.serviceItemId) {
    const [item] = await db
      .select()
      .from(serviceItems)
      .where(and(eq(serviceItems.orgId, actor.orgId), eq(serviceItems.id, input.serviceItemId)));
    if (!item)
      throw new AppError('validation_failed', {}, [
        { field: 'body.serviceItemId', code: 'unknown_service', message: 'No such service' },
      ]);
  }
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [card] = await tx
      .insert(prepaidCards)
      .values({
        orgId: actor.orgId,
        storeId: c.storeId,
        customerId: c.id,
        kind: input.kind,
        name: input.name,
        serviceItemId: input.serviceItemId ?? null,
        currency: store!.currency,
        pricePaid: input.pricePaid,
        expiresOn: input.expiresOn ?? null,
        soldBy: actor.userId,
      })
      .returning();
    await tx.insert(prepaidLedger).values({
      orgId: actor.orgId,
      cardId: card!.id,
      entry: 'issue',
      countDelta: input.kind === 'count' ? input.count! : 0,
      valueDelta: input.kind === 'value' ? input.value! : 0,
      byUserId: actor.userId,
    });
    return card!;
  });
}

export async function adjustCard(db: Db, actor: Actor, cardId: string, input: z.infer<typeof adjustCardBodySchema>) {
  return db.transaction(async (tx) =>
    writeEntry(
      tx as unknown as Db,
      actor,
      cardId,
      { entry: 'adjust', countDelta: input.countDelta, valueDelta: input.valueDelta },
      { note: input.note },
      'body',
    ),
  );
}

export async function findCards(db: Db, where: { customerId?: string; cardId?: string }): Promise<Card[]> {
  const cards = await db
    .select()
    .from(prepaidCards)
    .where(where.cardId ? eq(prepaidCards.id, where.cardId) : eq(prepaidCards.customerId, where.customerId!))
    .orderBy(desc(prepaidCards.soldAt));
  if (!cards.length) return [];
  const entries = await db
    .select({ l: prepaidLedger, by: users.displayName })
    .from(prepaidLedger)
    .leftJoin(users, eq(users.id, prepaidLedger.byUserId))
    .where(
      inArray(
        prepaidLedger.cardId,
        cards.map((c) => c.id),
      ),
    )
    .orderBy(asc(prepaidLedger.at));
  const today = await storeToday(db, cards[0]!.storeId);
  return cards.map((c) => {
    const mine = entries.filter((e) => e.l.cardId === c.id);
    return {
      id: c.id,
      customerId: c.customerId,
      storeId: c.storeId,
      kind: c.kind as Card['kind'],
      name: c.name,
      serviceItemId: c.serviceItemId,
      currency: c.currency,
      pricePaid: c.pricePaid,
      expiresOn: c.expiresOn,
      soldAt: c.soldAt.toISOString(),
      balance: balanceOf(mine.map((e) => e.l)),
      isExpired: c.expiresOn !== null && today > c.expiresOn,
      ledger: mine.map(({ l, by }) => ({
        id: l.id,
        entry: l.entry,
        countDelta: l.countDelta,
        valueDelta: l.valueDelta,
        visitId: l.visitId,
        note: l.note,
        at: l.at.toISOString(),
        byName: by ?? null,
      })),
    };
  });
}

export async function getCardOrThrow(db: Db, orgId: string, storeIds: string[], id: string) {
  const [c] = await db
    .select()
    .from(prepaidCards)
    .where(and(eq(prepaidCards.orgId, orgId), eq(prepaidCards.id, id)));
  if (!c || !storeIds.includes(c.storeId)) throw notFound();
  return c;
}
