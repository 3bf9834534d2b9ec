// HTTP for the contact log, the staff statistics and the outbox. Thin: parse, check scope, call, reply.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema, pageSchema } from '../../../contracts/common';
import {
  contactPageQuerySchema,
  contactSchema,
  contactSearchQuerySchema,
  createContactBodySchema,
  enqueueMessageBodySchema,
  enqueueResultSchema,
  outboxDetailSchema,
  outboxMessageSchema,
  outboxQuerySchema,
  staffStatsQuerySchema,
  staffStatsSchema,
} from '../../../contracts/messaging';
import type { MessagingConfig } from '../../config';
import type { Db } from '../../db/client';
import { AppError, requestLocale } from '../../errors';
import { principalOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { getCustomerRowOrThrow } from '../customers/customers.service';
import { findContacts, findCustomerContacts, getContact, recordContact } from './contacts.service';
import {
  cancelMessage,
  enqueueMessage,
  findCustomerMessages,
  findOutbox,
  getOutboxMessageOrThrow,
  outboxMessageById,
  retryMessage,
} from './outbox.service';
import { staffStatistics } from './stats.service';
import { statsCsv } from './stats.csv';

const ANY = { roles: 'any' as const };
const MANAGERS = { roles: ['owner', 'hq', 'regional_manager', 'store_manager'] as const };
const tags = ['messaging'];
const userIdOf = (p: ReturnType<typeof principalOf>) => (p.kind === 'user' ? p.userId : null);

function checkPeriod(from: string, to: string) {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (Number.isNaN(days) || days < 0)
    throw new AppError('validation_failed', {}, [
      { field: 'query.to', code: 'before_from', message: 'The end of the period is before its start' },
    ]);
  if (days > 366)
    throw new AppError('validation_failed', {}, [
      { field: 'query.to', code: 'too_long', message: 'Choose a period of at most one year' },
    ]);
}

export const messagingRoutes: FastifyPluginAsyncZod<{ db: Db; messaging: MessagingConfig }> = async (
  app,
  { db, messaging },
) => {
  app.post(
    '/api/customers/:id/contacts',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Record a contact with her: a call, message, visit or letter, and how it went',
        params: idParamsSchema,
        body: createContactBodySchema,
        response: { 201: contactSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const c = await getCustomerRowOrThrow(db, p, req.params.id);
      const row = await recordContact(db, { orgId: p.orgId, userId: userIdOf(p) }, c, req.body);
      return reply.status(201).send((await getContact(db, p.orgId, row.id))!);
    },
  );

  app.get(
    '/api/customers/:id/contacts',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Her contacts, newest first',
        params: idParamsSchema,
        querystring: contactPageQuerySchema,
        response: { 200: pageSchema(contactSchema) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const c = await getCustomerRowOrThrow(db, p, req.params.id);
      return findCustomerContacts(db, p.orgId, c.id, req.query);
    },
  );

  app.get(
    '/api/contacts',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Who contacted whom, when and how, in your stores (store-local days)',
        querystring: contactSearchQuerySchema,
        response: { 200: pageSchema(contactSchema) },
      },
    },
    async (req) => {
      if (req.query.from && req.query.to) checkPeriod(req.query.from, req.query.to);
      return findContacts(db, principalOf(req), req.query);
    },
  );

  app.get(
    '/api/contacts/stats',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Staff statistics: contacts per employee and channel over a period; CSV with format=csv',
        querystring: staffStatsQuerySchema,
        response: { 200: staffStatsSchema },
      },
    },
    async (req, reply) => {
      checkPeriod(req.query.from, req.query.to);
      const p = principalOf(req);
      const stats = await staffStatistics(db, p, req.query);
      if (req.query.format === 'json') return stats;
      await auditRequest(db, req, {
        action: 'contacts.exported',
        storeId: req.query.storeId ?? null,
        details: { from: req.query.from, to: req.query.to, rows: stats.rows.length, format: 'csv' },
      });
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header(
        'content-disposition',
        `attachment; filename="staff-contacts-${req.query.from}-${req.query.to}.csv"`,
      );
      return reply.send(statsCsv(stats, requestLocale(req)) as never);
    },
  );

  app.post(
    '/api/outbox',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Queue an e-mail or SMS to her (consent checked now and again at send time)',
        body: enqueueMessageBodySchema,
        response: { 200: enqueueResultSchema, 201: enqueueResultSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const c = await getCustomerRowOrThrow(db, p, req.body.customerId);
      const { message, created } = await enqueueMessage(db, {
        orgId: p.orgId,
        customerId: c.id,
        channel: req.body.channel,
        purpose: req.body.purpose,
        locale: req.body.locale,
        subject: req.body.subject,
        body: req.body.body,
        notBefore: req.body.notBefore ? new Date(req.body.notBefore) : undefined,
        idempotencyKey: req.body.idempotencyKey,
        createdBy: userIdOf(p),
        taskId: req.body.taskId,
      });
      if (created)
        await auditRequest(db, req, {
          action: 'message.enqueued',
          entityType: 'customer',
          entityId: c.id,
          storeId: c.storeId,
          details: { messageId: message.id, channel: message.channel, purpose: message.purpose },
        });
      const body = (await outboxMessageById(db, p.orgId, message.id))!;
      return reply.status(created ? 201 : 200).send({ ...body, created });
    },
  );

  app.get(
    '/api/customers/:id/messages',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Her e-mails and SMS in the outbox, newest first',
        params: idParamsSchema,
        querystring: contactPageQuerySchema,
        response: { 200: pageSchema(outboxMessageSchema) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const c = await getCustomerRowOrThrow(db, p, req.params.id);
      return findCustomerMessages(db, p.orgId, c.id, req.query);
    },
  );

  app.get(
    '/api/outbox',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'The outbox of your stores: pending, sent, failed and cancelled messages',
        querystring: outboxQuerySchema,
        response: { 200: pageSchema(outboxMessageSchema) },
      },
    },
    async (req) => findOutbox(db, principalOf(req), req.query),
  );

  app.get(
    '/api/outbox/status',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Which channels this server can send (SMTP and SMS gateway configured)',
        response: { 200: z.object({ email: z.boolean(), sms: z.boolean() }) },
      },
    },
    async () => ({
      email: Boolean(messaging.smtpUrl && messaging.mailFrom && messaging.publicUrl),
      sms: Boolean(messaging.smsUrl),
    }),
  );

  app.get(
    '/api/outbox/:id',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'One message with every attempt',
        params: idParamsSchema,
        response: { 200: outboxDetailSchema },
      },
    },
    async (req) => getOutboxMessageOrThrow(db, principalOf(req), req.params.id),
  );

  app.post(
    '/api/outbox/:id/retry',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Send a failed message again',
        params: idParamsSchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      await retryMessage(db, p, req.params.id);
      const m = await getOutboxMessageOrThrow(db, p, req.params.id);
      await auditRequest(db, req, {
        action: 'message.retried',
        entityType: 'customer',
        entityId: m.customerId,
        storeId: m.storeId,
        details: { messageId: m.id },
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/outbox/:id/cancel',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Cancel a message that has not left yet',
        params: idParamsSchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      await cancelMessage(db, p, req.params.id);
      const m = await getOutboxMessageOrThrow(db, p, req.params.id);
      await auditRequest(db, req, {
        action: 'message.cancelled',
        entityType: 'customer',
        entityId: m.customerId,
        storeId: m.storeId,
        details: { messageId: m.id },
      });
      return { ok: true as const };
    },
  );
};
