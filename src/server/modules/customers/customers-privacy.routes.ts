// Privacy acts on one customer file: reveal a contact, consent, flags, export and erasure — each audited.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common';
import {
  consentInputSchema,
  customerSchema,
  erasureBodySchema,
  flagsBodySchema,
  revealBodySchema,
} from '../../../contracts/customers';
import { principalOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { contactsVisibleTo, toCustomer } from './customers.mapping';
import { eraseCustomer, exportCustomerData, recordConsent, revealContact, setFlags } from './customers.privacy';
import { actorOf, getCustomerRowOrThrow, refreshCompleteness } from './customers.service';

const ANY = { roles: 'any' as const };
const PRIVACY_OFFICERS = ['owner', 'hq', 'store_manager'] as const;
const tags = ['customers'];

export const customersPrivacyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/customers/:id/reveal',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Reveal a masked phone number or e-mail (recorded in the audit log)',
        params: idParamsSchema,
        body: revealBodySchema,
        response: { 200: z.object({ field: z.enum(['phone', 'email']), value: z.string() }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const c = await getCustomerRowOrThrow(db, p, req.params.id);
      const value = await revealContact(db, c, req.body.field, req.body.phoneId);
      await auditRequest(db, req, {
        action: 'customer.contact_revealed',
        entityType: 'customer',
        entityId: c.id,
        storeId: c.storeId,
        details: {
          field: req.body.field,
          phoneId: req.body.phoneId ?? null,
          reason: req.body.reason ?? null,
          isOwnerGuide: contactsVisibleTo(p, c),
        },
      });
      return { field: req.body.field, value };
    },
  );

  app.post(
    '/api/customers/:id/consents',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Record consent or an opt-out for a channel and purpose',
        params: idParamsSchema,
        body: consentInputSchema,
        response: { 200: customerSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const c = await getCustomerRowOrThrow(db, p, req.params.id);
      await recordConsent(db, actorOf(p), c.id, req.body);
      await refreshCompleteness(db, c);
      await auditRequest(db, req, {
        action: 'customer.consent_recorded',
        entityType: 'customer',
        entityId: c.id,
        storeId: c.storeId,
        details: { channel: req.body.channel, purpose: req.body.purpose, granted: req.body.granted },
      });
      return toCustomer(db, p, await getCustomerRowOrThrow(db, p, c.id));
    },
  );

  app.patch(
    '/api/customers/:id/flags',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Mark deceased or do-not-contact',
        params: idParamsSchema,
        body: flagsBodySchema,
        response: { 200: customerSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const c = await getCustomerRowOrThrow(db, p, req.params.id);
      await setFlags(db, actorOf(p), c, req.body);
      await auditRequest(db, req, {
        action: 'customer.flags_changed',
        entityType: 'customer',
        entityId: c.id,
        storeId: c.storeId,
        details: req.body,
      });
      return toCustomer(db, p, await getCustomerRowOrThrow(db, p, c.id));
    },
  );

  app.get(
    '/api/customers/:id/export',
    {
      config: { access: { roles: PRIVACY_OFFICERS } },
      schema: {
        tags,
        summary: 'Everything we hold about her, as JSON (right of access; audited)',
        params: idParamsSchema,
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const c = await getCustomerRowOrThrow(db, p, req.params.id);
      await auditRequest(db, req, {
        action: 'customer.exported',
        entityType: 'customer',
        entityId: c.id,
        storeId: c.storeId,
      });
      reply.header('content-disposition', `attachment; filename="customer-${c.id}.json"`);
      return exportCustomerData(db, c);
    },
  );

  app.post(
    '/api/customers/:id/erase',
    {
      config: { access: { roles: PRIVACY_OFFICERS } },
      schema: {
        tags,
        summary: 'Erase her personal data on request (anonymised; sales stay in the totals)',
        params: idParamsSchema,
        body: erasureBodySchema,
        response: { 200: customerSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const c = await getCustomerRowOrThrow(db, p, req.params.id);
      await eraseCustomer(db, actorOf(p), c);
      await auditRequest(db, req, {
        action: 'customer.erased',
        entityType: 'customer',
        entityId: c.id,
        storeId: c.storeId,
        details: { reason: req.body.reason },
      });
      return toCustomer(db, p, await getCustomerRowOrThrow(db, p, c.id));
    },
  );
};
