// Managers' acts across customer files: merge two files, reassign to another guide, the file contest.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { z } from 'zod';
import { idParamsSchema, uuidSchema } from '../../../contracts/common';
import {
  customerSchema,
  fileQualityQuerySchema,
  fileQualityReportSchema,
  mergeBodySchema,
  reassignBodySchema,
} from '../../../contracts/customers';
import { principalOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { maskHistoryValue, toCustomer } from './customers.mapping';
import { maskPhone } from '../../../domain/phone';
import { mergeCustomers, mergePreview } from './customers.merge';
import { CONTEST_RULES } from '../../../domain/file-contest';
import { fileQuality } from './file-contest.queries';
import { reassignCustomers } from './customers.reassign';
import { actorOf, getCustomerRowOrThrow } from './customers.service';

const MANAGERS = ['owner', 'hq', 'regional_manager', 'store_manager'] as const;
const tags = ['customers'];

export const customersAdminRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/customers/:id/merge-preview',
    {
      config: { access: { roles: MANAGERS } },
      schema: {
        tags,
        summary: 'Both files side by side, field by field, before a merge',
        params: idParamsSchema,
        querystring: z.object({ otherId: uuidSchema }),
        response: {
          200: z.object({
            fields: z.array(
              z.object({ field: z.string(), survivor: z.unknown(), other: z.unknown(), differs: z.boolean() }),
            ),
            phones: z.object({ survivor: z.array(z.string()), other: z.array(z.string()) }),
          }),
        },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const [a, b] = await Promise.all([
        getCustomerRowOrThrow(db, p, req.params.id),
        getCustomerRowOrThrow(db, p, req.query.otherId),
      ]);
      const preview = await mergePreview(db, a, b);
      return {
        ...preview,
        phones: { survivor: preview.phones.survivor.map(maskPhone), other: preview.phones.other.map(maskPhone) },
        fields: preview.fields.map((f) => ({
          ...f,
          survivor: maskHistoryValue(f.field, f.survivor),
          other: maskHistoryValue(f.field, f.other),
        })),
      };
    },
  );

  app.post(
    '/api/customers/:id/merge',
    {
      config: { access: { roles: MANAGERS } },
      schema: {
        tags,
        summary: 'Merge another file into this one; history, notes and purchases move here',
        params: idParamsSchema,
        body: mergeBodySchema,
        response: { 200: customerSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const [a, b] = await Promise.all([
        getCustomerRowOrThrow(db, p, req.params.id),
        getCustomerRowOrThrow(db, p, req.body.otherId),
      ]);
      const merged = await mergeCustomers(db, actorOf(p), a, b, req.body.take);
      await auditRequest(db, req, {
        action: 'customer.merged',
        entityType: 'customer',
        entityId: a.id,
        storeId: a.storeId,
        details: { mergedId: b.id, took: req.body.take },
      });
      return toCustomer(db, p, merged);
    },
  );

  app.get(
    '/api/customers/file-quality',
    {
      config: { access: { roles: MANAGERS } },
      schema: {
        tags,
        summary:
          'Customer-file contest: per owner guide, files (optionally those created or changed in a period), average completeness, how many are rich and current, score and rank',
        querystring: fileQualityQuerySchema,
        response: { 200: fileQualityReportSchema },
      },
    },
    async (req) => ({
      items: await fileQuality(db, principalOf(req), req.query),
      rules: CONTEST_RULES,
    }),
  );

  app.post(
    '/api/customers/reassign',
    {
      config: { access: { roles: MANAGERS } },
      schema: {
        tags,
        summary: 'Give customers to another owner guide (e.g. when someone leaves); files stay with the store',
        body: reassignBodySchema,
        response: { 200: z.object({ reassigned: z.number().int() }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const n = await reassignCustomers(db, actorOf(p), req.body);
      await auditRequest(db, req, {
        action: 'customer.reassigned',
        entityType: 'user',
        entityId: req.body.toUserId,
        details: { count: n, fromUserId: req.body.fromUserId ?? null, storeId: req.body.storeId ?? null },
      });
      return { reassigned: n };
    },
  );
};
