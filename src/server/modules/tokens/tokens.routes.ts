// API tokens: created by an owner, shown once, stored hashed, revocable.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common';
import {
  apiTokenSchema,
  createApiTokenBodySchema,
  createdApiTokenSchema,
  type ApiToken,
} from '../../../contracts/tokens';
import type { Db } from '../../db/client';
import { apiTokens } from '../../db/schema';
import { AppError, fieldError, notFound } from '../../errors';
import { userOf } from '../../plugins/auth';
import { randomToken, sha256 } from '../../security';
import { auditRequest } from '../audit/audit.service';

function toApiToken(t: typeof apiTokens.$inferSelect): ApiToken {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    storeId: t.storeId,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

export const tokensRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const access = { roles: ['owner'] as const };

  app.get(
    '/api/tokens',
    {
      config: { access },
      schema: {
        tags: ['tokens'],
        summary: 'API tokens of the organisation',
        response: { 200: z.object({ items: z.array(apiTokenSchema) }) },
      },
    },
    async (req) => {
      const list = await db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.orgId, userOf(req).orgId))
        .orderBy(desc(apiTokens.createdAt));
      return { items: list.map(toApiToken) };
    },
  );

  app.post(
    '/api/tokens',
    {
      config: { access },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token (the secret is shown once)',
        body: createApiTokenBodySchema,
        response: { 201: createdApiTokenSchema },
      },
    },
    async (req, reply) => {
      const p = userOf(req);
      if (req.body.storeId && !p.storeIds.includes(req.body.storeId)) {
        throw new AppError('validation_failed', {}, [fieldError('body.storeId', 'unknown_store')]);
      }
      const secret = `kq_${randomToken(30)}`;
      const [t] = await db
        .insert(apiTokens)
        .values({
          orgId: p.orgId,
          storeId: req.body.storeId,
          name: req.body.name,
          prefix: secret.slice(0, 10),
          tokenHash: sha256(secret),
          createdBy: p.userId,
        })
        .returning();
      await auditRequest(db, req, {
        action: 'token.created',
        entityType: 'api_token',
        entityId: t!.id,
        storeId: t!.storeId,
        details: { name: t!.name },
      });
      return reply.status(201).send({ ...toApiToken(t!), token: secret });
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token',
        params: idParamsSchema,
        response: { 200: apiTokenSchema },
      },
    },
    async (req) => {
      const p = userOf(req);
      const [t] = await db
        .update(apiTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiTokens.orgId, p.orgId), eq(apiTokens.id, req.params.id), isNull(apiTokens.revokedAt)))
        .returning();
      if (!t) throw notFound();
      await auditRequest(db, req, {
        action: 'token.revoked',
        entityType: 'api_token',
        entityId: t.id,
        storeId: t.storeId,
      });
      return toApiToken(t);
    },
  );
};
