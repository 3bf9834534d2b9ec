// HTTP for the message library: everyone reads it and previews; head office edits the brand's words.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  messageTemplateInputSchema,
  previewResultSchema,
  templateIdParamsSchema,
  templateQuerySchema,
  templateSaveResultSchema,
  templateSchema,
} from '../../../contracts/care-tasks';
import { previewTemplate } from '../../../domain/care';
import type { Db } from '../../db/client';
import { principalOf } from '../../plugins/auth';
import { createTemplate, libraryOf, setTemplateActive, updateTemplate } from './templates.service';

const ANY = { roles: 'any' as const };
const EDITORS = { roles: ['owner', 'hq'] as const };
const tags = ['care'];
const userIdOf = (p: ReturnType<typeof principalOf>) => (p.kind === 'user' ? p.userId : null);

export const careTemplatesRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/care/templates',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'The message library by category and language (defaults, edited copies, the brand’s own)',
        querystring: templateQuerySchema,
        response: { 200: z.object({ items: z.array(templateSchema) }) },
      },
    },
    async (req) => ({ items: await libraryOf(db, principalOf(req).orgId, req.query) }),
  );

  app.post(
    '/api/care/templates/preview',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'The text with sample values, variable errors, tone warnings and length; saves nothing',
        body: messageTemplateInputSchema,
        response: { 200: previewResultSchema },
      },
    },
    async (req) => {
      const b = req.body;
      return previewTemplate({
        id: 'preview',
        category: b.category,
        locale: b.locale,
        format: b.format,
        title: b.title,
        subject: b.subject ?? null,
        body: b.body,
        allowsBenefit: b.allowsBenefit,
        holidayId: b.holidayId ?? null,
        termId: b.termId ?? null,
      });
    },
  );

  app.post(
    '/api/care/templates',
    {
      config: { access: EDITORS },
      schema: {
        tags,
        summary: 'Add a template; unknown variables are refused field by field, tone findings come back as warnings',
        body: messageTemplateInputSchema,
        response: { 201: templateSaveResultSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return reply.status(201).send(await createTemplate(db, p.orgId, userIdOf(p), req.body));
    },
  );

  app.patch(
    '/api/care/templates/:id',
    {
      config: { access: EDITORS },
      schema: {
        tags,
        summary: 'Edit a template; a default is copied into your library on its first edit',
        params: templateIdParamsSchema,
        body: messageTemplateInputSchema,
        response: { 200: templateSaveResultSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return updateTemplate(db, p.orgId, userIdOf(p), req.params.id, req.body);
    },
  );

  for (const [action, active] of [
    ['retire', false],
    ['restore', true],
  ] as const)
    app.post(
      `/api/care/templates/:id/${action}`,
      {
        config: { access: EDITORS },
        schema: {
          tags,
          summary: active ? 'Bring a retired template back' : 'Retire a template: no longer suggested',
          params: templateIdParamsSchema,
          response: { 200: templateSchema },
        },
      },
      async (req) => {
        const p = principalOf(req);
        return setTemplateActive(db, p.orgId, userIdOf(p), req.params.id, active);
      },
    );
};
