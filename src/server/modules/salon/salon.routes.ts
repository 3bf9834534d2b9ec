import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common';
import {
  adjustCardBodySchema,
  cardSchema,
  createServiceItemBodySchema,
  createVisitBodySchema,
  sellCardBodySchema,
  serviceItemSchema,
  updateServiceItemBodySchema,
  visitSchema,
} from '../../../contracts/salon';
import type { Db } from '../../db/client';
import { serviceItems } from '../../db/schema';
import { notFound } from '../../errors';
import { principalOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { getCustomerRowOrThrow } from '../customers/customers.service';
import { adjustCard, findCards, findVisits, getCardOrThrow, recordVisit, sellCard } from './salon.service';

const tags = ['salon'];
const MANAGERS = ['owner', 'hq', 'regional_manager', 'store_manager'] as const;
const actor = (req: Parameters<typeof principalOf>[0]) => {
  const p = principalOf(req);
  return { orgId: p.orgId, userId: p.kind === 'user' ? p.userId : null };
};
const toItem = (i: typeof serviceItems.$inferSelect) => ({
  id: i.id,
  name: i.name,
  durationMinutes: i.durationMinutes,
  price: i.price,
  currency: i.currency,
  isActive: i.isActive,
});

export const salonRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/service-items',
    {
      config: { access: { roles: 'any' } },
      schema: { tags, summary: 'Service menu', response: { 200: z.object({ items: z.array(serviceItemSchema) }) } },
    },
    async (req) => ({
      items: (
        await db
          .select()
          .from(serviceItems)
          .where(eq(serviceItems.orgId, principalOf(req).orgId))
          .orderBy(asc(serviceItems.name))
      ).map(toItem),
    }),
  );

  app.post(
    '/api/service-items',
    {
      config: { access: { roles: MANAGERS } },
      schema: {
        tags,
        summary: 'Add a service to the menu',
        body: createServiceItemBodySchema,
        response: { 201: serviceItemSchema },
      },
    },
    async (req, reply) => {
      const [i] = await db
        .insert(serviceItems)
        .values({ orgId: principalOf(req).orgId, ...req.body })
        .returning();
      return reply.status(201).send(toItem(i!));
    },
  );

  app.patch(
    '/api/service-items/:id',
    {
      config: { access: { roles: MANAGERS } },
      schema: {
        tags,
        summary: 'Change or retire a service',
        params: idParamsSchema,
        body: updateServiceItemBodySchema,
        response: { 200: serviceItemSchema },
      },
    },
    async (req) => {
      const [i] = await db
        .update(serviceItems)
        .set(req.body)
        .where(and(eq(serviceItems.orgId, principalOf(req).orgId), eq(serviceItems.id, req.params.id)))
        .returning();
      if (!i) throw notFound();
      return toItem(i);
    },
  );

  app.get(
    '/api/customers/:id/visits',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'Her salon visits and care logs, newest first',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(visitSchema) }) },
      },
    },
    async (req) => {
      const c = await getCustomerRowOrThrow(db, principalOf(req), req.params.id);
      return { items: await findVisits(db, c.id) };
    },
  );

  app.post(
    '/api/customers/:id/visits',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'Record a visit with its care log, drawing on her prepaid cards',
        params: idParamsSchema,
        body: createVisitBodySchema,
        response: { 201: visitSchema },
      },
    },
    async (req, reply) => {
      const c = await getCustomerRowOrThrow(db, principalOf(req), req.params.id);
      const v = await recordVisit(db, actor(req), c, req.body);
      await auditRequest(db, req, {
        action: 'visit.recorded',
        entityType: 'customer',
        entityId: c.id,
        storeId: c.storeId,
        details: { visitId: v.id, redeemed: req.body.redeem.length },
      });
      return reply.status(201).send((await findVisits(db, c.id)).find((x) => x.id === v.id)!);
    },
  );

  app.get(
    '/api/customers/:id/cards',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'Her prepaid cards with balances and ledgers',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(cardSchema) }) },
      },
    },
    async (req) => {
      const c = await getCustomerRowOrThrow(db, principalOf(req), req.params.id);
      return { items: await findCards(db, { customerId: c.id }) };
    },
  );

  app.post(
    '/api/customers/:id/cards',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'Sell a count card (e.g. 10 facials) or stored value',
        params: idParamsSchema,
        body: sellCardBodySchema,
        response: { 201: cardSchema },
      },
    },
    async (req, reply) => {
      const c = await getCustomerRowOrThrow(db, principalOf(req), req.params.id);
      const card = await sellCard(db, actor(req), c, req.body);
      await auditRequest(db, req, {
        action: 'card.sold',
        entityType: 'prepaid_card',
        entityId: card.id,
        storeId: c.storeId,
        details: { kind: card.kind, customerId: c.id },
      });
      return reply.status(201).send((await findCards(db, { cardId: card.id }))[0]!);
    },
  );

  app.post(
    '/api/cards/:id/adjust',
    {
      config: { access: { roles: MANAGERS } },
      schema: {
        tags,
        summary: 'Correct a card balance, with the reason',
        params: idParamsSchema,
        body: adjustCardBodySchema,
        response: { 200: cardSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const card = await getCardOrThrow(db, p.orgId, p.storeIds, req.params.id);
      await adjustCard(db, actor(req), card.id, req.body);
      await auditRequest(db, req, {
        action: 'card.adjusted',
        entityType: 'prepaid_card',
        entityId: card.id,
        storeId: card.storeId,
        details: { countDelta: req.body.countDelta, valueDelta: req.body.valueDelta },
      });
      return (await findCards(db, { cardId: card.id }))[0]!;
    },
  );
};
