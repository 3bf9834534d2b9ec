import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEventSchema, auditQuerySchema } from '../../../contracts/audit';
import { pageSchema } from '../../../contracts/common';
import type { Db } from '../../db/client';
import { principalOf } from '../../plugins/auth';
import { findAuditEvents } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/audit',
    {
      config: { access: { roles: ['owner', 'hq'] } },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log, newest first',
        querystring: auditQuerySchema,
        response: { 200: pageSchema(auditEventSchema) },
      },
    },
    async (req) => findAuditEvents(db, principalOf(req).orgId, req.query),
  );
};
