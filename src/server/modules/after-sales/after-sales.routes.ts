import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, desc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { idParamsSchema, uuidSchema } from '../../../contracts/common';
import {
  entitlementSchema,
  openRepairBodySchema,
  qualityFollowupBodySchema,
  registerQuerySchema,
  repairTicketSchema,
  updateRepairBodySchema,
} from '../../../contracts/after-sales';
import type { Db } from '../../db/client';
import { customers, qualityFollowups, receiptLines, serviceEntitlements, users } from '../../db/schema';
import { AppError, notFound, requestLocale } from '../../errors';
import { appText } from '../../../i18n/server';
import { principalOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { getCustomerRowOrThrow } from '../customers/customers.service';
import { csvStream, xlsxStream, type ExportCell } from '../imports/export.service';
import { storeToday } from '../salon/salon.service';
import { toMajor } from '../../../domain/money';
import { repairPhotoRoutes } from './repair-photos.routes';
import { findTickets, getTicketRowOrThrow, openRepair, registerWhere, toTicket, updateRepair } from './repairs.service';

const tags = ['after-sales'];
const MANAGERS = ['owner', 'hq', 'regional_manager', 'store_manager'] as const;
const actor = (req: Parameters<typeof principalOf>[0]) => {
  const p = principalOf(req);
  return { orgId: p.orgId, userId: p.kind === 'user' ? p.userId : null, storeIds: p.storeIds };
};

async function* once(rows: ExportCell[][]) {
  yield rows;
}

export const afterSalesRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  await app.register(repairPhotoRoutes, { db });
  app.post(
    '/api/customers/:id/repairs',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'Take in an item for repair; returns the ticket for the customer goods receipt',
        params: idParamsSchema,
        body: openRepairBodySchema,
        response: { 201: repairTicketSchema },
      },
    },
    async (req, reply) => {
      const c = await getCustomerRowOrThrow(db, principalOf(req), req.params.id);
      const t = await openRepair(db, actor(req), c, req.body);
      await auditRequest(db, req, {
        action: 'repair.opened',
        entityType: 'repair_ticket',
        entityId: t.id,
        storeId: t.storeId,
        details: { ticketNo: t.ticketNo, customerId: c.id },
      });
      return reply.status(201).send(await toTicket(db, t));
    },
  );

  app.get(
    '/api/customers/:id/repairs',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'Her repair tickets',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(repairTicketSchema) }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const c = await getCustomerRowOrThrow(db, p, req.params.id);
      const list = await findTickets(db, registerWhere(p.orgId, p.storeIds, {}).concat(sql`customer_id = ${c.id}`));
      return { items: await Promise.all(list.map((t) => toTicket(db, t))) };
    },
  );

  app.get(
    '/api/repairs/:id',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'A repair ticket with its history',
        params: idParamsSchema,
        response: { 200: repairTicketSchema },
      },
    },
    async (req) => toTicket(db, await getTicketRowOrThrow(db, actor(req), req.params.id)),
  );

  app.patch(
    '/api/repairs/:id',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'Move a ticket on: assessed → repairing → ready → collected (or exchanged / refunded)',
        params: idParamsSchema,
        body: updateRepairBodySchema,
        response: { 200: repairTicketSchema },
      },
    },
    async (req) => {
      const t = await getTicketRowOrThrow(db, actor(req), req.params.id);
      await updateRepair(db, actor(req), t, req.body);
      await auditRequest(db, req, {
        action: 'repair.updated',
        entityType: 'repair_ticket',
        entityId: t.id,
        storeId: t.storeId,
        details: { status: req.body.status },
      });
      return toTicket(db, await getTicketRowOrThrow(db, actor(req), t.id));
    },
  );

  app.get(
    '/api/registers/repairs',
    {
      config: { access: { roles: MANAGERS } },
      schema: {
        tags,
        summary: 'The repair register (客户货品维修登记簿), filterable; CSV or XLSX with format=',
        querystring: registerQuerySchema,
        response: { 200: z.object({ items: z.array(repairTicketSchema) }) },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const list = await Promise.all(
        (await findTickets(db, registerWhere(p.orgId, p.storeIds, req.query))).map((t) => toTicket(db, t)),
      );
      if (req.query.format === 'json') return { items: list };
      await auditRequest(db, req, {
        action: 'register.exported',
        details: { register: 'repairs', rows: list.length, format: req.query.format },
      });
      // Column headings and coded values in the reader's language.
      const t = (k: string) => appText(requestLocale(req), k);
      const headers = [
        t('registers.repairs.ticket'),
        t('registers.repairs.reported'),
        t('registers.repairs.customer'),
        t('registers.repairs.item'),
        t('registers.repairs.fault'),
        t('afterSales.ticket.cause'),
        t('registers.repairs.status'),
        t('registers.repairs.rule'),
        t('registers.repairs.charge'),
        t('registersExport.currency'),
      ];
      const rowsOut: ExportCell[][] = list.map((r) => [
        r.ticketNo,
        r.reportedOn,
        r.customerName,
        r.itemDescription,
        r.fault,
        r.cause ? t(`afterSales.cause.${r.cause}`) : '',
        t(`afterSales.status.${r.status}`),
        r.assessment?.rule ? t(`afterSales.rules.${r.assessment.rule}.name`) : '',
        toMajor(r.charge, r.currency),
        r.currency,
      ]);
      const stream =
        req.query.format === 'csv'
          ? csvStream(headers, once(rowsOut))
          : xlsxStream(headers, once(rowsOut), t('registersExport.sheetRepairs'));
      reply.header(
        'content-type',
        req.query.format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      reply.header('content-disposition', `attachment; filename="repair-register.${req.query.format}"`);
      return reply.send(stream as never);
    },
  );

  app.post(
    '/api/quality-followups',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'Register a quality follow-up, an opinion or a satisfaction answer',
        body: qualityFollowupBodySchema,
        response: { 201: z.object({ id: uuidSchema }) },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      if (!p.storeIds.includes(req.body.storeId))
        throw new AppError('validation_failed', {}, [
          { field: 'body.storeId', code: 'unknown_store', message: 'Unknown store' },
        ]);
      if (req.body.customerId) await getCustomerRowOrThrow(db, p, req.body.customerId);
      const [f] = await db
        .insert(qualityFollowups)
        .values({
          orgId: p.orgId,
          storeId: req.body.storeId,
          customerId: req.body.customerId ?? null,
          receiptLineId: req.body.receiptLineId ?? null,
          styleNo: req.body.styleNo ?? null,
          kind: req.body.kind,
          rating: req.body.rating ?? null,
          opinion: req.body.opinion,
          byUserId: p.kind === 'user' ? p.userId : null,
        })
        .returning();
      return reply.status(201).send({ id: f!.id });
    },
  );

  app.get(
    '/api/registers/quality-followups',
    {
      config: { access: { roles: MANAGERS } },
      schema: {
        tags,
        summary: 'The quality follow-up and opinion register; CSV or XLSX with format=',
        querystring: registerQuerySchema.omit({ status: true }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: uuidSchema,
                at: z.string(),
                storeId: uuidSchema,
                customerName: z.string().nullable(),
                styleNo: z.string().nullable(),
                kind: z.string(),
                rating: z.number().nullable(),
                opinion: z.string(),
                byName: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const ids = req.query.storeId ? p.storeIds.filter((s) => s === req.query.storeId) : p.storeIds;
      const where: SQL[] = [
        eq(qualityFollowups.orgId, p.orgId),
        sql`${qualityFollowups.storeId} in (${sql.join(
          (ids.length ? ids : ['00000000-0000-0000-0000-000000000000']).map((s) => sql`${s}::uuid`),
          sql`, `,
        )})`,
      ];
      if (req.query.from) where.push(gte(qualityFollowups.at, new Date(`${req.query.from}T00:00:00Z`)));
      if (req.query.to) where.push(lte(qualityFollowups.at, new Date(`${req.query.to}T23:59:59Z`)));
      const list = await db
        .select({ f: qualityFollowups, customerName: customers.displayName, byName: users.displayName })
        .from(qualityFollowups)
        .leftJoin(customers, eq(customers.id, qualityFollowups.customerId))
        .leftJoin(users, eq(users.id, qualityFollowups.byUserId))
        .where(and(...where))
        .orderBy(desc(qualityFollowups.at))
        .limit(2000);
      const items = list.map(({ f, customerName, byName }) => ({
        id: f.id,
        at: f.at.toISOString(),
        storeId: f.storeId,
        customerName: customerName ?? null,
        styleNo: f.styleNo,
        kind: f.kind,
        rating: f.rating,
        opinion: f.opinion,
        byName: byName ?? null,
      }));
      if (req.query.format === 'json') return { items };
      await auditRequest(db, req, {
        action: 'register.exported',
        details: { register: 'quality_followups', rows: items.length, format: req.query.format },
      });
      const t = (k: string) => appText(requestLocale(req), k);
      const headers = [
        t('registers.quality.date'),
        t('registers.quality.customer'),
        t('registers.quality.styleNo'),
        t('registers.quality.kind'),
        t('registers.quality.rating'),
        t('registers.quality.opinion'),
        t('registers.quality.by'),
      ];
      const rowsOut: ExportCell[][] = items.map((i) => [
        i.at.slice(0, 10),
        i.customerName,
        i.styleNo,
        t(`registers.quality.kinds.${i.kind}`),
        i.rating,
        i.opinion,
        i.byName,
      ]);
      reply.header(
        'content-type',
        req.query.format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      reply.header('content-disposition', `attachment; filename="quality-register.${req.query.format}"`);
      return reply.send(
        (req.query.format === 'csv'
          ? csvStream(headers, once(rowsOut))
          : xlsxStream(headers, once(rowsOut), t('registersExport.sheetQuality'))) as never,
      );
    },
  );

  app.get(
    '/api/customers/:id/entitlements',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'Free services she has earned (dry-cleaning, leather care)',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(entitlementSchema) }) },
      },
    },
    async (req) => {
      const c = await getCustomerRowOrThrow(db, principalOf(req), req.params.id);
      const today = await storeToday(db, c.storeId);
      const list = await db
        .select({ e: serviceEntitlements, line: receiptLines, by: users.displayName })
        .from(serviceEntitlements)
        .innerJoin(receiptLines, eq(receiptLines.id, serviceEntitlements.receiptLineId))
        .leftJoin(users, eq(users.id, serviceEntitlements.redeemedBy))
        .where(eq(serviceEntitlements.customerId, c.id))
        .orderBy(asc(serviceEntitlements.validUntil));
      return {
        items: list.map(({ e, line, by }) => ({
          id: e.id,
          kind: e.kind as 'dry_cleaning',
          productName: line.productName,
          styleNo: line.styleNo,
          validUntil: e.validUntil,
          redeemedAt: e.redeemedAt?.toISOString() ?? null,
          redeemedByName: by ?? null,
          isExpired: today > e.validUntil,
        })),
      };
    },
  );

  app.post(
    '/api/entitlements/:id/redeem',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'Use a free service (once)',
        params: idParamsSchema,
        response: { 200: z.object({ id: uuidSchema, redeemedAt: z.string() }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const [e] = await db
        .select()
        .from(serviceEntitlements)
        .where(and(eq(serviceEntitlements.orgId, p.orgId), eq(serviceEntitlements.id, req.params.id)));
      if (!e) throw notFound();
      const c = await getCustomerRowOrThrow(db, p, e.customerId);
      if (e.redeemedAt) throw new AppError('conflict');
      if ((await storeToday(db, c.storeId)) > e.validUntil)
        throw new AppError('validation_failed', {}, [
          { field: 'params.id', code: 'expired', message: 'This free service has expired' },
        ]);
      const [done] = await db
        .update(serviceEntitlements)
        .set({ redeemedAt: new Date(), redeemedBy: p.kind === 'user' ? p.userId : null })
        .where(and(eq(serviceEntitlements.id, e.id), isNull(serviceEntitlements.redeemedAt)))
        .returning();
      if (!done) throw new AppError('conflict');
      await auditRequest(db, req, {
        action: 'entitlement.redeemed',
        entityType: 'customer',
        entityId: c.id,
        storeId: c.storeId,
        details: { entitlementId: e.id, kind: e.kind },
      });
      return { id: done.id, redeemedAt: done.redeemedAt!.toISOString() };
    },
  );
};
