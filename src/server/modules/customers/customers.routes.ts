import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema, uuidSchema } from '../../../contracts/common';
import {
  consentInputSchema,
  createCustomerBodySchema,
  customerListItemSchema,
  customerQuerySchema,
  customerSchema,
  duplicateCandidateSchema,
  duplicateQuerySchema,
  erasureBodySchema,
  fileQualityRowSchema,
  flagsBodySchema,
  historyItemSchema,
  mergeBodySchema,
  noteBodySchema,
  reassignBodySchema,
  revealBodySchema,
  timelineItemSchema,
  updateCustomerBodySchema,
} from '../../../contracts/customers';
import { maskPhone } from '../../../domain/phone';
import { normalizeMemberNo } from '../../../domain/search-keys';
import type { Db } from '../../db/client';
import { stores } from '../../db/schema';
import { principalOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { normalizePhones } from './customers.input';
import { contactsVisibleTo, maskEmail, toCustomer, toListItems } from './customers.mapping';
import { mergeCustomers, mergePreview } from './customers.merge';
import { addNote, eraseCustomer, exportCustomerData, recordConsent, revealContact, setFlags } from './customers.privacy';
import { fileQuality, findCustomers, findDuplicates, findHistory, findTimeline } from './customers.queries';
import { reassignCustomers } from './customers.reassign';
import { actorOf, createCustomer, getCustomerRowOrThrow, refreshCompleteness, updateCustomer } from './customers.service';
import { and, eq } from 'drizzle-orm';

const ANY = { roles: 'any' as const };
const MANAGERS = ['owner', 'hq', 'regional_manager', 'store_manager'] as const;
const PRIVACY_OFFICERS = ['owner', 'hq', 'store_manager'] as const;
const tags = ['customers'];

function maskHistoryValue(field: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (field === 'phones' && Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? maskPhone(v) : v));
  if (field === 'email' && typeof value === 'string') return maskEmail(value);
  return value;
}

export const customersRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/customers', { config: { access: { ...ANY, tokens: true } }, schema: { tags, summary: 'Search customers (name in any script, pinyin, kana, phone tail, e-mail, member number) or list recent ones', querystring: customerQuerySchema, response: { 200: z.object({ items: z.array(customerListItemSchema), nextCursor: z.string().nullable() }) } } }, async (req) => {
    const p = principalOf(req);
    const { rows, scores, nextCursor } = await findCustomers(db, p, req.query);
    return { items: await toListItems(db, rows, scores), nextCursor };
  });

  app.get('/api/customers/duplicates', { config: { access: ANY }, schema: { tags, summary: 'Customers with the same phone, e-mail or member number', querystring: duplicateQuerySchema, response: { 200: z.object({ items: z.array(duplicateCandidateSchema) }) } } }, async (req) => {
    const p = principalOf(req);
    const storeId = req.query.storeId && p.storeIds.includes(req.query.storeId) ? req.query.storeId : p.storeIds[0];
    const [store] = storeId ? await db.select().from(stores).where(and(eq(stores.orgId, p.orgId), eq(stores.id, storeId))) : [];
    const e164s = req.query.phone ? normalizePhones([{ number: req.query.phone }], store?.country ?? 'CN').phones.map((x) => x.e164) : [];
    const hits = await findDuplicates(db, p, { e164s, email: req.query.email || null, memberNo: req.query.memberNo ? normalizeMemberNo(req.query.memberNo) : null, excludeId: req.query.excludeId });
    const items = [];
    for (const h of hits) {
      const row = await getCustomerRowOrThrow(db, p, h.id).catch(() => null);
      if (!row) continue; // another store's customer: not shown to this caller
      const [item] = await toListItems(db, [row]);
      items.push({ id: row.id, displayName: row.displayName, memberNo: row.memberNo, phoneMasked: item?.phoneMasked ?? null, storeId: row.storeId, matchedOn: h.matchedOn });
    }
    return { items };
  });

  app.post('/api/customers', { config: { access: { ...ANY, tokens: true } }, schema: { tags, summary: 'Create a customer file (name and phone are enough to start)', body: createCustomerBodySchema, response: { 201: customerSchema } } }, async (req, reply) => {
    const p = principalOf(req);
    const row = await createCustomer(db, actorOf(p), req.body, p.kind === 'token' ? 'api' : 'ui');
    await auditRequest(db, req, { action: 'customer.created', entityType: 'customer', entityId: row.id, storeId: row.storeId });
    return reply.status(201).send(await toCustomer(db, p, row));
  });

  app.get('/api/customers/:id', { config: { access: { ...ANY, tokens: true } }, schema: { tags, summary: 'A customer file', params: idParamsSchema, response: { 200: customerSchema } } }, async (req) => {
    const p = principalOf(req);
    return toCustomer(db, p, await getCustomerRowOrThrow(db, p, req.params.id));
  });

  app.patch('/api/customers/:id', { config: { access: { ...ANY, tokens: true } }, schema: { tags, summary: 'Change a customer file; every changed field is dated and attributed', params: idParamsSchema, body: updateCustomerBodySchema, response: { 200: customerSchema } } }, async (req) => {
    const p = principalOf(req);
    const row = await updateCustomer(db, actorOf(p), req.params.id, req.body, p.kind === 'token' ? 'api' : 'ui');
    const fields = Object.keys(req.body).filter((k) => k !== 'version');
    await auditRequest(db, req, { action: 'customer.updated', entityType: 'customer', entityId: row.id, storeId: row.storeId, details: { fields } });
    return toCustomer(db, p, row);
  });

  app.post('/api/customers/:id/reveal', { config: { access: ANY }, schema: { tags, summary: 'Reveal a masked phone number or e-mail (recorded in the audit log)', params: idParamsSchema, body: revealBodySchema, response: { 200: z.object({ field: z.enum(['phone', 'email']), value: z.string() }) } } }, async (req) => {
    const p = principalOf(req);
    const c = await getCustomerRowOrThrow(db, p, req.params.id);
    const value = await revealContact(db, c, req.body.field, req.body.phoneId);
    await auditRequest(db, req, { action: 'customer.contact_revealed', entityType: 'customer', entityId: c.id, storeId: c.storeId, details: { field: req.body.field, phoneId: req.body.phoneId ?? null, reason: req.body.reason ?? null, isOwnerGuide: contactsVisibleTo(p, c) } });
    return { field: req.body.field, value };
  });

  app.post('/api/customers/:id/consents', { config: { access: ANY }, schema: { tags, summary: 'Record consent or an opt-out for a channel and purpose', params: idParamsSchema, body: consentInputSchema, response: { 200: customerSchema } } }, async (req) => {
    const p = principalOf(req);
    const c = await getCustomerRowOrThrow(db, p, req.params.id);
    await recordConsent(db, actorOf(p), c.id, req.body);
    await refreshCompleteness(db, c);
    await auditRequest(db, req, { action: 'customer.consent_recorded', entityType: 'customer', entityId: c.id, storeId: c.storeId, details: { channel: req.body.channel, purpose: req.body.purpose, granted: req.body.granted } });
    return toCustomer(db, p, await getCustomerRowOrThrow(db, p, c.id));
  });

  app.patch('/api/customers/:id/flags', { config: { access: ANY }, schema: { tags, summary: 'Mark deceased or do-not-contact', params: idParamsSchema, body: flagsBodySchema, response: { 200: customerSchema } } }, async (req) => {
    const p = principalOf(req);
    const c = await getCustomerRowOrThrow(db, p, req.params.id);
    await setFlags(db, actorOf(p), c, req.body);
    await auditRequest(db, req, { action: 'customer.flags_changed', entityType: 'customer', entityId: c.id, storeId: c.storeId, details: req.body });
    return toCustomer(db, p, await getCustomerRowOrThrow(db, p, c.id));
  });

  app.post('/api/customers/:id/notes', { config: { access: ANY }, schema: { tags, summary: 'Add a note to her timeline', params: idParamsSchema, body: noteBodySchema, response: { 201: okSchema } } }, async (req, reply) => {
    const p = principalOf(req);
    const c = await getCustomerRowOrThrow(db, p, req.params.id);
    const note = await addNote(db, actorOf(p), c, req.body.body);
    await auditRequest(db, req, { action: 'customer.note_added', entityType: 'customer', entityId: c.id, storeId: c.storeId, details: { noteId: note.id } });
    return reply.status(201).send({ ok: true as const });
  });

  app.get('/api/customers/:id/timeline', { config: { access: ANY }, schema: { tags, summary: 'Her timeline: notes, changes, consents (purchases and care logs join later)', params: idParamsSchema, response: { 200: z.object({ items: z.array(timelineItemSchema) }) } } }, async (req) => {
    const p = principalOf(req);
    const c = await getCustomerRowOrThrow(db, p, req.params.id);
    return { items: await findTimeline(db, c.id) };
  });

  app.get('/api/customers/:id/history', { config: { access: ANY }, schema: { tags, summary: 'Dated, attributed history of her fields', params: idParamsSchema, querystring: z.object({ field: z.string().max(80).optional() }), response: { 200: z.object({ items: z.array(historyItemSchema) }) } } }, async (req) => {
    const p = principalOf(req);
    const c = await getCustomerRowOrThrow(db, p, req.params.id);
    const visible = contactsVisibleTo(p, c);
    const items = await findHistory(db, c.id, req.query.field);
    return { items: visible ? items : items.map((h) => ({ ...h, oldValue: maskHistoryValue(h.field, h.oldValue), newValue: maskHistoryValue(h.field, h.newValue) })) };
  });

  app.get('/api/customers/:id/export', { config: { access: { roles: PRIVACY_OFFICERS } }, schema: { tags, summary: 'Everything we hold about her, as JSON (right of access; audited)', params: idParamsSchema, response: { 200: z.record(z.string(), z.unknown()) } } }, async (req, reply) => {
    const p = principalOf(req);
    const c = await getCustomerRowOrThrow(db, p, req.params.id);
    await auditRequest(db, req, { action: 'customer.exported', entityType: 'customer', entityId: c.id, storeId: c.storeId });
    reply.header('content-disposition', `attachment; filename="customer-${c.id}.json"`);
    return exportCustomerData(db, c);
  });

  app.post('/api/customers/:id/erase', { config: { access: { roles: PRIVACY_OFFICERS } }, schema: { tags, summary: 'Erase her personal data on request (anonymised; sales stay in the totals)', params: idParamsSchema, body: erasureBodySchema, response: { 200: customerSchema } } }, async (req) => {
    const p = principalOf(req);
    const c = await getCustomerRowOrThrow(db, p, req.params.id);
    await eraseCustomer(db, actorOf(p), c);
    await auditRequest(db, req, { action: 'customer.erased', entityType: 'customer', entityId: c.id, storeId: c.storeId, details: { reason: req.body.reason } });
    return toCustomer(db, p, await getCustomerRowOrThrow(db, p, c.id));
  });

  app.get('/api/customers/:id/merge-preview', { config: { access: { roles: MANAGERS } }, schema: { tags, summary: 'Both files side by side, field by field, before a merge', params: idParamsSchema, querystring: z.object({ otherId: uuidSchema }), response: { 200: z.object({ fields: z.array(z.object({ field: z.string(), survivor: z.unknown(), other: z.unknown(), differs: z.boolean() })), phones: z.object({ survivor: z.array(z.string()), other: z.array(z.string()) }) }) } } }, async (req) => {
    const p = principalOf(req);
    const [a, b] = await Promise.all([getCustomerRowOrThrow(db, p, req.params.id), getCustomerRowOrThrow(db, p, req.query.otherId)]);
    const preview = await mergePreview(db, a, b);
    return { ...preview, phones: { survivor: preview.phones.survivor.map(maskPhone), other: preview.phones.other.map(maskPhone) }, fields: preview.fields.map((f) => ({ ...f, survivor: maskHistoryValue(f.field, f.survivor), other: maskHistoryValue(f.field, f.other) })) };
  });

  app.post('/api/customers/:id/merge', { config: { access: { roles: MANAGERS } }, schema: { tags, summary: 'Merge another file into this one; history, notes and purchases move here', params: idParamsSchema, body: mergeBodySchema, response: { 200: customerSchema } } }, async (req) => {
    const p = principalOf(req);
    const [a, b] = await Promise.all([getCustomerRowOrThrow(db, p, req.params.id), getCustomerRowOrThrow(db, p, req.body.otherId)]);
    const merged = await mergeCustomers(db, actorOf(p), a, b, req.body.take);
    await auditRequest(db, req, { action: 'customer.merged', entityType: 'customer', entityId: a.id, storeId: a.storeId, details: { mergedId: b.id, took: req.body.take } });
    return toCustomer(db, p, merged);
  });

  app.get('/api/customers/file-quality', { config: { access: { roles: MANAGERS } }, schema: { tags, summary: 'Customer-file contest: files per owner guide, average completeness, how many are rich and current', querystring: z.object({ storeId: uuidSchema.optional() }), response: { 200: z.object({ items: z.array(fileQualityRowSchema) }) } } }, async (req) => ({
    items: await fileQuality(db, principalOf(req), req.query.storeId),
  }));

  app.post('/api/customers/reassign', { config: { access: { roles: MANAGERS } }, schema: { tags, summary: 'Give customers to another owner guide (e.g. when someone leaves); files stay with the store', body: reassignBodySchema, response: { 200: z.object({ reassigned: z.number().int() }) } } }, async (req) => {
    const p = principalOf(req);
    const n = await reassignCustomers(db, actorOf(p), req.body);
    await auditRequest(db, req, { action: 'customer.reassigned', entityType: 'user', entityId: req.body.toUserId, details: { count: n, fromUserId: req.body.fromUserId ?? null, storeId: req.body.storeId ?? null } });
    return { reassigned: n };
  });
};
