import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common';
import {
  createCustomFieldBodySchema,
  createSectionBodySchema,
  customFieldSchema,
  moveBodySchema,
  questionBankSchema,
  updateCustomFieldBodySchema,
  updateSectionBodySchema,
} from '../../../contracts/custom-fields';
import type { Db } from '../../db/client';
import { principalOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { getQuestionBank, toCustomFieldWithCount } from './question-bank';
import {
  createField,
  createSection,
  moveField,
  moveSection,
  updateField,
  updateSection,
} from './question-bank.service';

const HEAD = { roles: ['owner', 'hq'] as const };
const tags = ['question bank'];

export const questionBankRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const audit = (req: FastifyRequest, entityType: string, entityId: string, details: Record<string, unknown>) =>
    auditRequest(db, req, { action: 'question_bank.changed', entityType, entityId, details });

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
      const s = await createSection(db, p.orgId, req.body);
      await audit(req, 'custom_field_section', s.id, { key: s.key });
      return reply.status(201).send(await getQuestionBank(db, p.orgId, true));
    },
  );

  app.patch(
    '/api/custom-field-sections/:id',
    {
      config: { access: HEAD },
      schema: {
        tags,
        summary: 'Relabel or reposition a section',
        params: idParamsSchema,
        body: updateSectionBodySchema,
        response: { 200: questionBankSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const s = await updateSection(db, p.orgId, req.params.id, req.body);
      await audit(req, 'custom_field_section', s.id, { key: s.key, fields: Object.keys(req.body) });
      return getQuestionBank(db, p.orgId, true);
    },
  );

  app.post(
    '/api/custom-field-sections/:id/move',
    {
      config: { access: HEAD },
      schema: {
        tags,
        summary: 'Move a section one place up or down',
        params: idParamsSchema,
        body: moveBodySchema,
        response: { 200: questionBankSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      await moveSection(db, p.orgId, req.params.id, req.body.direction);
      await audit(req, 'custom_field_section', req.params.id, { moved: req.body.direction });
      return getQuestionBank(db, p.orgId, true);
    },
  );

  app.post(
    '/api/custom-fields',
    {
      config: { access: HEAD },
      schema: {
        tags,
        summary: 'Add a question (at the end of its section unless a position is given)',
        body: createCustomFieldBodySchema,
        response: { 201: customFieldSchema },
      },
    },
    async (req, reply) => {
      const f = await createField(db, principalOf(req).orgId, req.body);
      await audit(req, 'custom_field', f.id, { key: f.key, type: f.type });
      return reply.status(201).send(await toCustomFieldWithCount(db, f));
    },
  );

  app.patch(
    '/api/custom-fields/:id',
    {
      config: { access: HEAD },
      schema: {
        tags,
        summary: 'Relabel, reorder, move or retire a question (answers are kept)',
        params: idParamsSchema,
        body: updateCustomFieldBodySchema,
        response: { 200: customFieldSchema },
      },
    },
    async (req) => {
      const f = await updateField(db, principalOf(req).orgId, req.params.id, req.body);
      await audit(req, 'custom_field', f.id, { key: f.key, fields: Object.keys(req.body) });
      return toCustomFieldWithCount(db, f);
    },
  );

  app.post(
    '/api/custom-fields/:id/move',
    {
      config: { access: HEAD },
      schema: {
        tags,
        summary: 'Move a question one place up or down within its section',
        params: idParamsSchema,
        body: moveBodySchema,
        response: { 200: customFieldSchema },
      },
    },
    async (req) => {
      const f = await moveField(db, principalOf(req).orgId, req.params.id, req.body.direction);
      await audit(req, 'custom_field', f.id, { key: f.key, moved: req.body.direction });
      return toCustomFieldWithCount(db, f);
    },
  );
};
