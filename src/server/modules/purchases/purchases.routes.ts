import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, desc, eq, inArray, like, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common';
import {
  categorySchema,
  createReceiptBodySchema,
  customerStatsSchema,
  productSchema,
  receiptQuerySchema,
  receiptSchema,
  returnBodySchema,
  updateCategoryBodySchema,
  upsertProductBodySchema,
} from '../../../contracts/purchases';
import { validateBands } from '../../../domain/after-sales';
import type { Db } from '../../db/client';
import { productCategories, products, receipts, users } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { decodeCursor, encodeCursor } from '../../pagination';
import { principalOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { getCustomerRowOrThrow } from '../customers/customers.service';
import { categoriesByKey, ensureProducts } from './catalogue';
import { withIdempotency } from './idempotency';
import {
  createReceipt,
  createReturn,
  sameReceipt,
  toReceipts,
  getReceiptOrThrow,
  type SalesActor,
} from './purchases.service';
import { getCustomerStats } from './stats';

const tags = ['purchases'];
const actorOf = (req: Parameters<typeof principalOf>[0]): SalesActor => {
  const p = principalOf(req);
  return { orgId: p.orgId, userId: p.kind === 'user' ? p.userId : null, storeIds: p.storeIds };
};

function toCategory(c: typeof productCategories.$inferSelect): z.infer<typeof categorySchema> {
  return {
    id: c.id,
    key: c.key,
    labels: c.labels,
    warrantyMonths: c.warrantyMonths,
    freeRepairFromDay: c.freeRepairFromDay,
    depreciationBands: c.depreciationBands,
    entitlementKind: c.entitlementKind as 'dry_cleaning' | null,
    entitlementMinPrice: c.entitlementMinPrice,
    isService: c.isService,
  };
}

export const purchasesRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/purchases',
    {
      config: { access: { roles: 'any', tokens: true } },
      schema: {
        tags,
        summary:
          'Record a sale (staff on the phone, or a POS with an API token). Send Idempotency-Key to retry safely; the same receipt number in the same store is never recorded twice.',
        headers: z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }),
        body: createReceiptBodySchema,
        response: { 200: receiptSchema, 201: receiptSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const p = principalOf(req);
      const source = p.kind === 'token' ? 'pos' : 'ui';
      const key = req.headers['idempotency-key'];
      const run = async (tx: Db) => {
        const { receipt, created } = await createReceipt(tx, actor, req.body, source);
        // The same receipt number again: a retry if it says the same thing, otherwise a conflict.
        if (!created && !sameReceipt(receipt, req.body)) throw new AppError('conflict');
        return { status: created ? 201 : 200, body: receipt };
      };
      const result = key
        ? await withIdempotency(db, p.orgId, key, req.body, run)
        : { ...(await run(db)), replayed: false };
      if (result.status === 201 && !result.replayed) {
        await auditRequest(db, req, {
          action: 'purchase.recorded',
          entityType: 'receipt',
          entityId: result.body.id,
          storeId: result.body.storeId,
          details: { customerId: result.body.customerId, lines: result.body.lines.length, source },
        });
      }
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(result.status === 201 ? 201 : 200).send(result.body);
    },
  );

  app.get(
    '/api/purchases',
    {
      config: { access: { roles: 'any', tokens: true } },
      schema: {
        tags,
        summary: 'Receipts, newest first (of a customer, or of a store)',
        querystring: receiptQuerySchema,
        response: { 200: z.object({ items: z.array(receiptSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const where: SQL[] = [eq(receipts.orgId, p.orgId)];
      const storeIds = req.query.storeId ? p.storeIds.filter((s) => s === req.query.storeId) : p.storeIds;
      where.push(inArray(receipts.storeId, storeIds.length ? storeIds : ['00000000-0000-0000-0000-000000000000']));
      if (req.query.customerId) {
        await getCustomerRowOrThrow(db, p, req.query.customerId);
        where.push(eq(receipts.customerId, req.query.customerId));
      }
      const cursor = decodeCursor(req.query.cursor);
      if (cursor)
        where.push(
          or(
            lt(receipts.occurredAt, new Date(cursor.k)),
            and(eq(receipts.occurredAt, new Date(cursor.k)), lt(receipts.id, cursor.id)),
          )!,
        );
      const found = await db
        .select({ r: receipts, seller: users.displayName })
        .from(receipts)
        .leftJoin(users, eq(users.id, receipts.sellerId))
        .where(and(...where))
        .orderBy(desc(receipts.occurredAt), desc(receipts.id))
        .limit(req.query.limit + 1);
      const page = found.slice(0, req.query.limit);
      const last = page.at(-1);
      return {
        items: await toReceipts(
          db,
          page.map((x) => x.r),
          new Map(page.map((x) => [x.r.id, x.seller])),
        ),
        nextCursor:
          found.length > req.query.limit && last ? encodeCursor(last.r.occurredAt.toISOString(), last.r.id) : null,
      };
    },
  );

  app.get(
    '/api/purchases/:id',
    {
      config: { access: { roles: 'any', tokens: true } },
      schema: { tags, summary: 'One receipt with its lines', params: idParamsSchema, response: { 200: receiptSchema } },
    },
    async (req) => getReceiptOrThrow(db, actorOf(req), req.params.id),
  );

  app.post(
    '/api/purchases/:id/returns',
    {
      config: { access: { roles: 'any', tokens: true } },
      schema: {
        tags,
        summary: 'Return some lines of a sale; the refund reduces her spend',
        params: idParamsSchema,
        body: returnBodySchema,
        response: { 201: receiptSchema },
      },
    },
    async (req, reply) => {
      const r = await createReturn(db, actorOf(req), req.params.id, req.body);
      await auditRequest(db, req, {
        action: 'purchase.returned',
        entityType: 'receipt',
        entityId: r.id,
        storeId: r.storeId,
        details: { originalReceiptId: req.params.id, lines: r.lines.length },
      });
      return reply.status(201).send(r);
    },
  );

  app.get(
    '/api/customers/:id/stats',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'Her lifetime spend, visits and visit frequency',
        params: idParamsSchema,
        response: { 200: customerStatsSchema },
      },
    },
    async (req) => {
      const c = await getCustomerRowOrThrow(db, principalOf(req), req.params.id);
      return getCustomerStats(db, c.id);
    },
  );

  app.get(
    '/api/product-categories',
    {
      config: { access: { roles: 'any', tokens: true } },
      schema: {
        tags,
        summary: 'Product categories with their after-sales policy',
        response: { 200: z.object({ items: z.array(categorySchema) }) },
      },
    },
    async (req) => ({
      items: [...(await categoriesByKey(db, principalOf(req).orgId)).values()].map(toCategory),
    }),
  );

  app.patch(
    '/api/product-categories/:id',
    {
      config: { access: { roles: ['owner', 'hq'] } },
      schema: {
        tags,
        summary: 'Edit a category’s warranty, depreciation bands and free service',
        params: idParamsSchema,
        body: updateCategoryBodySchema,
        response: { 200: categorySchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      if (req.body.depreciationBands) {
        const problems = validateBands(req.body.depreciationBands);
        if (problems.length)
          throw new AppError(
            'validation_failed',
            {},
            problems.map((message) => ({ field: 'body.depreciationBands', code: 'invalid', message })),
          );
      }
      const [c] = await db
        .update(productCategories)
        .set(req.body)
        .where(and(eq(productCategories.orgId, p.orgId), eq(productCategories.id, req.params.id)))
        .returning();
      if (!c) throw notFound();
      await auditRequest(db, req, {
        action: 'category.updated',
        entityType: 'product_category',
        entityId: c.id,
        details: { fields: Object.keys(req.body) },
      });
      return toCategory(c);
    },
  );

  app.get(
    '/api/products',
    {
      config: { access: { roles: 'any', tokens: true } },
      schema: {
        tags,
        summary: 'Look up products by style number',
        querystring: z.object({
          styleNo: z.string().max(60).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(productSchema) }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const where = req.query.styleNo
        ? and(eq(products.orgId, p.orgId), like(products.styleNo, `${req.query.styleNo.replace(/[\\%_]/g, '')}%`))
        : eq(products.orgId, p.orgId);
      const list = await db.select().from(products).where(where).orderBy(products.styleNo).limit(req.query.limit);
      return {
        items: list.map((x) => ({
          id: x.id,
          styleNo: x.styleNo,
          name: x.name,
          categoryId: x.categoryId,
          season: x.season,
          listPrice: x.listPrice,
          currency: x.currency,
          attributes: x.attributes,
        })),
      };
    },
  );

  app.post(
    '/api/products',
    {
      config: { access: { roles: ['owner', 'hq', 'regional_manager', 'store_manager'], tokens: true } },
      schema: {
        tags,
        summary: 'Add or complete a catalogue entry',
        body: upsertProductBodySchema,
        response: { 200: productSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const cats = await categoriesByKey(db, p.orgId);
      if (req.body.category && !cats.has(req.body.category))
        throw new AppError('validation_failed', {}, [
          { field: 'body.category', code: 'unknown_category', message: 'Unknown category' },
        ]);
      await ensureProducts(db, p.orgId, [
        {
          styleNo: req.body.styleNo,
          name: req.body.name,
          categoryId: req.body.category ? cats.get(req.body.category)!.id : null,
          listPrice: req.body.listPrice ?? null,
          currency: req.body.currency ?? 'CNY',
        },
      ]);
      const [x] = await db
        .update(products)
        .set({
          name: req.body.name,
          season: req.body.season ?? null,
          ...(req.body.attributes ? { attributes: req.body.attributes } : {}),
          ...(req.body.listPrice !== undefined ? { listPrice: req.body.listPrice } : {}),
          ...(req.body.category ? { categoryId: cats.get(req.body.category)!.id } : {}),
          updatedAt: new Date(),
        })
        .where(and(eq(products.orgId, p.orgId), eq(products.styleNo, req.body.styleNo)))
        .returning();
      return {
        id: x!.id,
        styleNo: x!.styleNo,
        name: x!.name,
        categoryId: x!.categoryId,
        season: x!.season,
        listPrice: x!.listPrice,
        currency: x!.currency,
        attributes: x!.attributes,
      };
    },
  );
};
