import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../../contracts/common';
import {
  createCustomerBodySchema,
  customerListItemSchema,
  customerQuerySchema,
  customerSchema,
  duplicateCandidateSchema,
  duplicateQuerySchema,
  historyItemSchema,
  noteBodySchema,
  timelineItemSchema,
  updateCustomerBodySchema,
} from '../../../contracts/customers';
import { normalizeMemberNo } from '../../../domain/search-keys';
import { stores } from '../../db/schema';
import { principalOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { normalizePhones } from './customers.input';
import { contactsVisibleTo, maskHistoryValue, toCustomer, toListItems } from './customers.mapping';
import { addNote } from './customers.privacy';
import { findCustomers, findDuplicates, findHistory, findTimeline } from './customers.queries';
import { actorOf, createCustomer, getCustomerRowOrThrow, updateCustomer } from './customers.service';
import { and, eq } from 'drizzle-orm';

const ANY = { roles: 'any' as const };
const tags = ['customers'];

export const customersRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/customers',
    {
      config: { access: { ...ANY, tokens: true } },
      schema: {
        tags,
        summary:
          'Search customers (name in any script, pinyin, kana, phone tail, e-mail, member number) or list recent ones',
        querystring: customerQuerySchema,
        response: { 200: z.object({ items: z.array(customerListItemSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const { rows, scores, nextCursor } = await findCustomers(db, p, req.query);
      return { items: await toListItems(db, rows, scores), nextCursor };
    },
  );

  app.get(
    '/api/customers/duplicates',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Customers with the same phone, e-mail or member number',
        querystring: duplicateQuerySchema,
        response: { 200: z.object({ items: z.array(duplicateCandidateSchema) }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const storeId = req.query.storeId && p.storeIds.includes(req.query.storeId) ? req.query.storeId : p.storeIds[0];
      const [store] = storeId
        ? await db
            .select()
            .from(stores)
            .where(and(eq(stores.orgId, p.orgId), eq(stores.id, storeId)))
        : [];
      const e164s = req.query.phone
        ? normalizePhones([{ number: req.query.phone }], store?.country ?? 'CN').phones.map((x) => x.e164)
        : [];
      const hits = await findDuplicates(db, p, {
        e164s,
        email: req.query.email || null,
        memberNo: req.query.memberNo ? normalizeMemberNo(req.query.memberNo) : null,
        excludeId: req.query.excludeId,
      });
      const items = [];
      for (const h of hits) {
        const row = await getCustomerRowOrThrow(db, p, h.id).catch(() => null);
        if (!row) continue; // another store's customer: not shown to this caller
        const [item] = await toListItems(db, [row]);
        items.push({
          id: row.id,
          displayName: row.displayName,
          memberNo: row.memberNo,
          phoneMasked: item?.phoneMasked ?? null,
          storeId: row.storeId,
          matchedOn: h.matchedOn,
        });
      }
      return { items };
    },
  );

  app.post(
    '/api/customers',
    {
      config: { access: { ...ANY, tokens: true } },
      schema: {
        tags,
        summary: 'Create a customer file (name and phone are enough to start)',
        body: createCustomerBodySchema,
        response: { 201: customerSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const row = await createCustomer(db, actorOf(p), req.body, p.kind === 'token' ? 'api' : 'ui');
      await auditRequest(db, req, {
        action: 'customer.created',
        entityType: 'customer',
        entityId: row.id,
        storeId: row.storeId,
      });
      return reply.status(201).send(await toCustomer(db, p, row));
    },
  );

  app.get(
    '/api/customers/:id',
    {
      config: { access: { ...ANY, tokens: true } },
      schema: { tags, summary: 'A customer file', params: idParamsSchema, response: { 200: customerSchema } },
    },
    async (req) => {
      const p = principalOf(req);
      return toCustomer(db, p, await getCustomerRowOrThrow(db, p, req.params.id));
    },
  );

  app.patch(
    '/api/customers/:id',
    {
      config: { access: { ...ANY, tokens: true } },
      schema: {
        tags,
        summary: 'Change a customer file; every changed field is dated and attributed',
        params: idParamsSchema,
        body: updateCustomerBodySchema,
        response: { 200: customerSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const row = await updateCustomer(db, actorOf(p), req.params.id, req.body, p.kind === 'token' ? 'api' : 'ui');
      const fields = Object.keys(req.body).filter((k) => k !== 'version');
      await auditRequest(db, req, {
        action: 'customer.updated',
        entityType: 'customer',
        entityId: row.id,
        storeId: row.storeId,
        details: { fields },
      });
      return toCustomer(db, p, row);
    },
  );

  app.post(
    '/api/customers/:id/notes',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Add a note to her timeline',
        params: idParamsSchema,
        body: noteBodySchema,
        response: { 201: okSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const c = await getCustomerRowOrThrow(db, p, req.params.id);
      const note = await addNote(db, actorOf(p), c, req.body.body);
      await auditRequest(db, req, {
        action: 'customer.note_added',
        entityType: 'customer',
        entityId: c.id,
        storeId: c.storeId,
        details: { noteId: note.id },
      });
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.get(
    '/api/customers/:id/timeline',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Her timeline: notes, changes, consents (purchases and care logs join later)',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(timelineItemSchema) }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const c = await getCustomerRowOrThrow(db, p, req.params.id);
      return { items: await findTimeline(db, c.id) };
    },
  );

  app.get(
    '/api/customers/:id/history',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Dated, attributed history of her fields',
        params: idParamsSchema,
        querystring: z.object({ field: z.string().max(80).optional() }),
        response: { 200: z.object({ items: z.array(historyItemSchema) }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const c = await getCustomerRowOrThrow(db, p, req.params.id);
      const visible = contactsVisibleTo(p, c);
      const items = await findHistory(db, c.id, req.query.field);
      return {
        items: visible
          ? items
          : items.map((h) => ({
              ...h,
              oldValue: maskHistoryValue(h.field, h.oldValue),
              newValue: maskHistoryValue(h.field, h.newValue),
            })),
      };
    },
  );
};
