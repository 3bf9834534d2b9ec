// Recording sales and returns. A receipt is written with its lines in one transaction; the products it
// names join the catalogue; free-service entitlements are granted; the customer's aggregates refresh.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateReceiptInput, Receipt, returnBodySchema } from '../../../contracts/purchases';
import type { ProblemField } from '../../../contracts/errors';
import { normalizeMemberNo } from '../../../domain/search-keys';
import type { Db } from '../../db/client';
import { customers, receiptLines, receipts, serviceEntitlements, stores, users } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { categoriesByKey, ensureProducts } from './catalogue';
import { afterReceipts } from './receipt-hooks';
import { refreshCustomerStats } from './stats';

export type SalesActor = { orgId: string; userId: string | null; storeIds: string[] };
type ReceiptRow = typeof receipts.$inferSelect;
type LineRow = typeof receiptLines.$inferSelect;

const invalid = (fields: ProblemField[]) => new AppError('validation_failed', {}, fields);

async function resolveCustomerId(db: Db, actor: SalesActor, input: CreateReceiptInput): Promise<string | null> {
  if (input.customerId) {
    const [c] = await db
      .select({ id: customers.id, storeId: customers.storeId })
      .from(customers)
      .where(and(eq(customers.orgId, actor.orgId), eq(customers.id, input.customerId)));
    if (!c || !actor.storeIds.includes(c.storeId))
      throw invalid([
        { field: 'body.customerId', code: 'unknown_customer', message: 'No such customer in your stores' },
      ]);
    return c.id;
  }
  if (input.memberNo) {
    const [c] = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.orgId, actor.orgId), eq(customers.memberNo, normalizeMemberNo(input.memberNo))));
    if (!c)
      throw invalid([
        { field: 'body.memberNo', code: 'unknown_member', message: 'No customer has this member number' },
      ]);
    return c.id;
  }
  return null;
}

/** Whether a stored receipt says what a request says (a POS retry), line by line. */
export function sameReceipt(stored: Receipt, input: CreateReceiptInput): boolean {
  if (stored.lines.length !== input.lines.length) return false;
  return input.lines.every((l, i) => {
    const s = stored.lines[i]!;
    const paid = l.paidAmount ?? l.unitListPrice * l.quantity - l.discount;
    return (
      s.quantity === l.quantity &&
      s.unitListPrice === l.unitListPrice &&
      s.paidAmount === paid &&
      (s.styleNo ?? undefined) === l.styleNo
    );
  });
}

export async function createReceipt(
  db: Db,
  actor: SalesActor,
  input: CreateReceiptInput,
  source: 'ui' | 'pos' | 'import' | 'demo',
): Promise<{ receipt: Receipt; created: boolean }> {
  if (!actor.storeIds.includes(input.storeId))
    throw invalid([{ field: 'body.storeId', code: 'unknown_store', message: 'Unknown store' }]);
  const [store] = await db
    .select()
    .from(stores)
    .where(and(eq(stores.orgId, actor.orgId), eq(stores.id, input.storeId)));
  if (!store) throw invalid([{ field: 'body.storeId', code: 'unknown_store', message: 'Unknown store' }]);
  const currency = input.currency ?? store.currency;
  if (currency !== store.currency)
    throw invalid([
      { field: 'body.currency', code: 'currency_mismatch', message: `This store sells in ${store.currency}` },
    ]);
  const customerId = await resolveCustomerId(db, actor, input);
  const categories = await categoriesByKey(db, actor.orgId);
  const errors: ProblemField[] = [];
  input.lines.forEach((l, i) => {
    if (l.category && !categories.has(l.category))
      errors.push({
        field: `body.lines.${i}.category`,
        code: 'unknown_category',
        message: `Unknown category; use one of ${[...categories.keys()].join(', ')}`,
      });
  });
  if (input.sellerId) {
    const [s] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, input.sellerId)));
    if (!s) errors.push({ field: 'body.sellerId', code: 'unknown_user', message: 'No such staff member' });
  }
  if (errors.length) throw invalid(errors);

  const [existing] = await db
    .select()
    .from(receipts)
    .where(and(eq(receipts.storeId, store.id), eq(receipts.receiptNo, input.receiptNo)));
  if (existing) return { receipt: await getReceiptOrThrow(db, actor, existing.id), created: false };

  const lines = input.lines.map((l, i) => {
    const gross = l.unitListPrice * l.quantity;
    const paid = l.paidAmount ?? gross - l.discount;
    return {
      ...l,
      lineNo: i + 1,
      paid,
      discount: l.paidAmount !== undefined && l.discount === 0 ? Math.max(0, gross - paid) : l.discount,
    };
  });
  const receiptId = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const productMap = await ensureProducts(
      tx,
      actor.orgId,
      lines
        .filter((l) => l.styleNo)
        .map((l) => ({
          styleNo: l.styleNo!,
          name: l.productName ?? l.styleNo!,
          categoryId: l.category ? categories.get(l.category)!.id : null,
          listPrice: l.unitListPrice,
          currency,
        })),
    );
    const [r] = await tx
      .insert(receipts)
      .values({
        orgId: actor.orgId,
        storeId: store.id,
        customerId,
        sellerId: input.sellerId ?? (source === 'ui' ? actor.userId : null),
        receiptNo: input.receiptNo,
        kind: 'sale',
        occurredAt: input.occurredAt ? new Date(input.occurredAt) : new Date(),
        currency,
        totalList: lines.reduce((s, l) => s + l.unitListPrice * l.quantity, 0),
        totalDiscount: lines.reduce((s, l) => s + l.discount, 0),
        totalPaid: lines.reduce((s, l) => s + l.paid, 0),
        paymentMethod: input.paymentMethod ?? null,
        source,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!r) return null; // a concurrent request with the same receipt number won
    const inserted = await tx
      .insert(receiptLines)
      .values(
        lines.map((l) => {
          const product = l.styleNo ? productMap.get(l.styleNo) : undefined;
          const categoryId = l.category ? categories.get(l.category)!.id : (product?.categoryId ?? null);
          return {
            orgId: actor.orgId,
            receiptId: r.id,
            lineNo: l.lineNo,
            productId: product?.id ?? null,
            styleNo: l.styleNo ?? null,
            productName: l.productName ?? product?.name ?? l.styleNo!,
            categoryId,
            size: l.size ?? null,
            colour: l.colour ?? null,
            quantity: l.quantity,
            unitListPrice: l.unitListPrice,
            discount: l.discount,
            paidAmount: l.paid,
          };
        }),
      )
      .returning();
    if (customerId) {
      await grantEntitlements(tx, actor.orgId, customerId, r, inserted, [...categories.values()]);
      await refreshCustomerStats(tx, customerId);
      await afterReceipts(tx, { orgId: actor.orgId, customerIds: [customerId], receiptIds: [r.id], source });
    }
    return r.id;
  });
  if (!receiptId) {
    const [winner] = await db
      .select()
      .from(receipts)
      .where(and(eq(receipts.storeId, store.id), eq(receipts.receiptNo, input.receiptNo)));
    return { receipt: await getReceiptOrThrow(db, actor, winner!.id), created: false };
  }
  return { receipt: await getReceiptOrThrow(db, actor, receiptId), created: true };
}

/** Seed 001: suits above a price earn a free dry-cleaning in the year of purchase; leather one free care. */
async function grantEntitlements(
  db: Db,
  orgId: string,
  customerId: string,
  r: ReceiptRow,
  lines: LineRow[],
  categories: Array<{ id: string; entitlementKind: string | null; entitlementMinPrice: number | null }>,
) {
  const year = r.occurredAt.getUTCFullYear();
  const values = [];
  for (const l of lines) {
    const cat = categories.find((c) => c.id === l.categoryId);
    if (!cat?.entitlementKind) continue;
    const unitPaid = l.quantity > 0 ? l.paidAmount / l.quantity : 0;
    if (unitPaid < (cat.entitlementMinPrice ?? 0)) continue;
    const validUntil =
      cat.entitlementKind === 'dry_cleaning'
        ? `${year}-12-31`
        : `${year + 1}-${String(r.occurredAt.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(28, r.occurredAt.getUTCDate())).padStart(2, '0')}`;
    values.push({ orgId, customerId, receiptLineId: l.id, kind: cat.entitlementKind, validUntil });
  }
  if (values.length) await db.insert(serviceEntitlements).values(values).onConflictDoNothing();
}

export async function createReturn(
  db: Db,
  actor: SalesActor,
  originalId: string,
  input: z.infer<typeof returnBodySchema>,
): Promise<Receipt> {
  const original = await getReceiptOrThrow(db, actor, originalId);
  if (original.kind !== 'sale')
    throw invalid([{ field: 'params.id', code: 'not_a_sale', message: 'Only a sale can be returned' }]);
  const errors: ProblemField[] = [];
  const picked = input.lines.map((l, i) => {
    const line = original.lines.find((x) => x.id === l.originalLineId);
    if (!line) {
      errors.push({
        field: `body.lines.${i}.originalLineId`,
        code: 'unknown_line',
        message: 'This line is not on the receipt',
      });
      return null;
    }
    const remaining = line.quantity - line.returnedQuantity;
    if (l.quantity > remaining)
      errors.push({
        field: `body.lines.${i}.quantity`,
        code: 'too_many',
        message: `Only ${remaining} left to return on this line`,
      });
    const refund = l.refundAmount ?? Math.round((line.paidAmount * l.quantity) / line.quantity);
    if (refund > line.paidAmount)
      errors.push({
        field: `body.lines.${i}.refundAmount`,
        code: 'too_much',
        message: 'More than she paid for the line',
      });
    return { line, quantity: l.quantity, refund };
  });
  if (errors.length) throw invalid(errors);
  const chosen = picked.filter((p): p is NonNullable<typeof p> => p !== null);
  const receiptNo = input.receiptNo ?? `${original.receiptNo}-R${Date.now().toString(36).toUpperCase()}`;
  const id = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [r] = await tx
      .insert(receipts)
      .values({
        orgId: actor.orgId,
        storeId: original.storeId,
        customerId: original.customerId,
        sellerId: actor.userId,
        receiptNo,
        kind: 'return',
        originalReceiptId: original.id,
        occurredAt: input.occurredAt ? new Date(input.occurredAt) : new Date(),
        currency: original.currency,
        totalList: -chosen.reduce((s, c) => s + c.line.unitListPrice * c.quantity, 0),
        totalDiscount: 0,
        totalPaid: -chosen.reduce((s, c) => s + c.refund, 0),
        paymentMethod: original.paymentMethod,
        source: 'ui',
        createdBy: actor.userId,
      })
      .returning();
    await tx.insert(receiptLines).values(
      chosen.map((c, i) => ({
        orgId: actor.orgId,
        receiptId: r!.id,
        lineNo: i + 1,
        productId: null,
        styleNo: c.line.styleNo,
        productName: c.line.productName,
        categoryId: null,
        size: c.line.size,
        colour: c.line.colour,
        quantity: -c.quantity,
        unitListPrice: c.line.unitListPrice,
        discount: 0,
        paidAmount: -c.refund,
        originalLineId: c.line.id,
      })),
    );
    // A fully returned item no longer earns its free service.
    const fullyReturned = chosen
      .filter((c) => c.quantity === c.line.quantity - c.line.returnedQuantity)
      .map((c) => c.line.id);
    if (fullyReturned.length)
      await tx
        .delete(serviceEntitlements)
        .where(
          and(
            inArray(serviceEntitlements.receiptLineId, fullyReturned),
            sql`${serviceEntitlements.redeemedAt} is null`,
          ),
        );
    if (original.customerId) {
      await refreshCustomerStats(tx, original.customerId);
      await afterReceipts(tx, {
        orgId: actor.orgId,
        customerIds: [original.customerId],
        receiptIds: [r!.id],
        source: 'ui',
      });
    }
    return r!.id;
  });
  return getReceiptOrThrow(db, actor, id);
}

export async function getReceiptOrThrow(
  db: Db,
  actor: Pick<SalesActor, 'orgId' | 'storeIds'>,
  id: string,
): Promise<Receipt> {
  const [r] = await db
    .select({ r: receipts, seller: users.displayName })
    .from(receipts)
    .leftJoin(users, eq(users.id, receipts.sellerId))
    .where(and(eq(receipts.orgId, actor.orgId), eq(receipts.id, id)));
  if (!r || !actor.storeIds.includes(r.r.storeId)) throw notFound();
  return (await toReceipts(db, [r.r], new Map([[r.r.id, r.seller]])))[0]!;
}

export async function toReceipts(db: Db, list: ReceiptRow[], sellers: Map<string, string | null>): Promise<Receipt[]> {
  if (!list.length) return [];
  const ids = list.map((r) => r.id);
  const lines = await db
    .select()
    .from(receiptLines)
    .where(inArray(receiptLines.receiptId, ids))
    .orderBy(receiptLines.lineNo);
  const lineIds = lines.map((l) => l.id);
  const returned = lineIds.length
    ? await db
        .select({ id: receiptLines.originalLineId, q: sql<number>`-sum(${receiptLines.quantity})::int` })
        .from(receiptLines)
        .where(inArray(receiptLines.originalLineId, lineIds))
        .groupBy(receiptLines.originalLineId)
    : [];
  const returnedMap = new Map(returned.map((x) => [x.id, x.q]));
  const cats = await db.execute(
    sql`select id, key from product_categories where id in (select category_id from receipt_lines where receipt_id = any(${sql`array[${sql.join(
      ids.map((i) => sql`${i}::uuid`),
      sql`, `,
    )}]`}))`,
  );
  const catKey = new Map(
    (cats as unknown as { rows: Array<{ id: string; key: string }> }).rows.map((c) => [c.id, c.key]),
  );
  return list.map((r) => ({
    id: r.id,
    storeId: r.storeId,
    customerId: r.customerId,
    sellerId: r.sellerId,
    sellerName: sellers.get(r.id) ?? null,
    receiptNo: r.receiptNo,
    kind: r.kind as Receipt['kind'],
    originalReceiptId: r.originalReceiptId,
    occurredAt: r.occurredAt.toISOString(),
    currency: r.currency,
    totalList: r.totalList,
    totalDiscount: r.totalDiscount,
    totalPaid: r.totalPaid,
    paymentMethod: r.paymentMethod,
    source: r.source,
    lines: lines
      .filter((l) => l.receiptId === r.id)
      .map((l) => ({
        id: l.id,
        lineNo: l.lineNo,
        styleNo: l.styleNo,
        productName: l.productName,
        category: l.categoryId ? (catKey.get(l.categoryId) ?? null) : null,
        size: l.size,
        colour: l.colour,
        quantity: l.quantity,
        unitListPrice: l.unitListPrice,
        discount: l.discount,
        paidAmount: l.paidAmount,
        originalLineId: l.originalLineId,
        returnedQuantity: returnedMap.get(l.id) ?? 0,
      })),
  }));
}
