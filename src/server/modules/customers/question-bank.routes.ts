import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common';
import {
  createCustomFieldBodySchema,
  createSectionBodySchema,
  customFieldSchema,
  questionBankSchema,
  updateCustomFieldBodySchema,
} from '../../../contracts/custom-fields';
import type { Db } from '../../db/client';
import { customFields, customFieldSections } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { principalOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { getQuestionBank, toCustomField } from './question-bank';

const HEAD = { roles: ['owner', 'hq'] as const };
const tags = ['question bank'];
const taken = (key: string) =>
  new AppError('validation_failed', {}, [
    { field: 'body.key', code: 'taken', message: `The key ${key} is already used` },
  ]);

export const questionBankRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/custom-fields',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'The question bank: custom profile questions by section',
        querystring: z.object({ includeInactive: z.enum(['true', 'false']).default('false') }),
        response: { 200: questionBankSchema },
      },
    },
    async (req) => getQuestionBank(db, principalOf(req).orgId, req.query.includeInactive === 'true'),
  );

  app.post(
    '/api/custom-field-sections',
    {
      config: { access: HEAD },
      schema: { tags, summary: 'Add a section', body: createSectionBodySchema, response: { 201: questionBankSchema } },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const [s] = await db
        .insert(customFieldSections)
        .values({ orgId: p.orgId, ...req.body })
        .onConflictDoNothing()
        .returning();
      if (!s) throw taken(req.body.key);
      await auditRequest(db, req, {
        action: 'question_bank.changed',
        entityType: 'custom_field_section',
        entityId: s.id,
        details: { key: s.key },
      });
      return reply.status(201).send(await getQuestionBank(db, p.orgId, true));
    },
  );

  app.post(
    '/api/custom-fields',
    {
      config: { access: HEAD },
      schema: {
        tags,
        summary: 'Add a question',
        body: createCustomFieldBodySchema,
        response: { 201: customFieldSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const [section] = await db
        .select()
        .from(customFieldSections)
        .where(and(eq(customFieldSections.orgId, p.orgId), eq(customFieldSections.id, req.body.sectionId)));
      if (!section)
        throw new AppError('validation_failed', {}, [
          { field: 'body.sectionId', code: 'unknown_section', message: 'No such section' },
        ]);
      const [f] = await db
        .insert(customFields)
        .values({ orgId: p.orgId, ...req.body })
        .onConflictDoNothing()
        .returning();
      if (!f) throw taken(req.body.key);
      await auditRequest(db, req, {
        action: 'question_bank.changed',
        entityType: 'custom_field',
        entityId: f.id,
        details: { key: f.key, type: f.type },
      });
      return reply.status(201).send(toCustomField(f));
    },
  );

  app.patch(
    '/api/custom-fields/:id',
    {
      config: { access: HEAD },
      schema: {
        tags,
        summary: 'Relabel, reorder or retire a question (answers are kept)',
        params: idParamsSchema,
        body: updateCustomFieldBodySchema,
        response: { 200: customFieldSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const [f] = await db
        .update(customFields)
        .set(req.body)
        .where(and(eq(customFields.orgId, p.orgId), eq(customFields.id, req.params.id)))
        .returning();
      if (!f) throw notFound();
      await auditRequest(db, req, {
        action: 'question_bank.changed',
        entityType: 'custom_field',
        entityId: f.id,
        details: { fields: Object.keys(req.body) },
      });
      return toCustomField(f);
    },
  );
};
