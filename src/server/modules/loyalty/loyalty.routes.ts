// The VIP programme over HTTP: tiers and settings (owner / head office edit, everyone reads), the
// "what if" preview, her tier + points card, redeem and adjust. Every change is audited. Points
// campaigns are in campaigns.routes.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { idParamsSchema, pageSchema } from '../../../contracts/common';
import {
  adjustBodySchema,
  createTierBodySchema,
  customerLoyaltySchema,
  pointsEntrySchema,
  pointsQuerySchema,
  previewBodySchema,
  previewSchema,
  programmeSchema,
  programmeSettingsSchema,
  redeemBodySchema,
  reviewResultSchema,
  tierSchema,
  updateTierBodySchema,
} from '../../../contracts/loyalty';
import type { Db } from '../../db/client';
import { rows } from '../../db/client';
import { tierDefinitions } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { principalOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { getCustomerRowOrThrow } from '../customers/customers.service';
import { adjustPoints, getCustomerLoyalty, listPoints, redeemPoints } from './customer-loyalty.service';
import {
  getProgrammeSettings,
  loadTiers,
  parseTier,
  previewTiers,
  recomputeTiers,
  reviewTiers,
  saveProgrammeSettings,
} from './loyalty.service';

const tags = ['loyalty'];
const EDITORS = ['owner', 'hq'] as const;
const MANAGERS = ['owner', 'hq', 'regional_manager', 'store_manager'] as const;
const actor = (req: Parameters<typeof principalOf>[0]) => {
  const p = principalOf(req);
  return { orgId: p.orgId, userId: p.kind === 'user' ? p.userId : null };
};

async function tiersWithCounts(db: Db, orgId: string) {
  const tiers = await loadTiers(db, orgId);
  const counts = await rows<{ tier: string; n: number }>(
    db,
    sql`select tier, count(*)::int as n from customers where org_id = ${orgId} and tier is not null and merged_into_id is null group by tier`,
  );
  return tiers.map((t) => ({ ...t, members: counts.find((c) => c.tier === t.key)?.n ?? 0 }));
}

function rankTaken(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string }; message?: string };
  return err.code === '23505' || err.cause?.code === '23505' || /duplicate key/.test(err.message ?? '');
}

export const loyaltyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/loyalty/programme',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'The VIP programme: tiers (by rank) with their rules, benefits and members, and its settings',
        response: { 200: programmeSchema },
      },
    },
    async (req) => {
      const orgId = principalOf(req).orgId;
      return { tiers: await tiersWithCounts(db, orgId), settings: await getProgrammeSettings(db, orgId) };
    },
  );

  app.patch(
    '/api/loyalty/settings',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags,
        summary: 'Change the rolling window, the yearly review and grace period, points earning and expiry',
        body: programmeSettingsSchema,
        response: { 200: programmeSettingsSchema },
      },
    },
    async (req) => {
      const orgId = principalOf(req).orgId;
      await saveProgrammeSettings(db, orgId, req.body);
      await auditRequest(db, req, {
        action: 'tier.settings_updated',
        entityType: 'organization',
        entityId: orgId,
        details: { fields: Object.keys(req.body) },
      });
      return getProgrammeSettings(db, orgId);
    },
  );

  app.post(
    '/api/loyalty/tiers',
    {
      config: { access: { roles: EDITORS } },
      schema: { tags, summary: 'Add a tier', body: createTierBodySchema, response: { 201: tierSchema } },
    },
    async (req, reply) => {
      const orgId = principalOf(req).orgId;
      let row;
      try {
        [row] = await db
          .insert(tierDefinitions)
          .values({ orgId, ...req.body })
          .returning();
      } catch (e) {
        if (rankTaken(e))
          throw new AppError('validation_failed', {}, [
            { field: 'body.rank', code: 'taken', message: 'Another tier has this key or rank' },
          ]);
        throw e;
      }
      await auditRequest(db, req, {
        action: 'tier.created',
        entityType: 'tier',
        entityId: row!.id,
        details: { key: row!.key, rank: row!.rank },
      });
      return reply.status(201).send({ ...parseTier(row!), members: 0 });
    },
  );

  app.patch(
    '/api/loyalty/tiers/:id',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags,
        summary: 'Change a tier: labels, rank, rules, benefits, or retire it (isActive false)',
        params: idParamsSchema,
        body: updateTierBodySchema,
        response: { 200: tierSchema },
      },
    },
    async (req) => {
      const orgId = principalOf(req).orgId;
      let row;
      try {
        [row] = await db
          .update(tierDefinitions)
          .set({ ...req.body, updatedAt: new Date() })
          .where(and(eq(tierDefinitions.orgId, orgId), eq(tierDefinitions.id, req.params.id)))
          .returning();
      } catch (e) {
        if (rankTaken(e))
          throw new AppError('validation_failed', {}, [
            { field: 'body.rank', code: 'taken', message: 'Another tier has this rank' },
          ]);
        throw e;
      }
      if (!row) throw notFound();
      await auditRequest(db, req, {
        action: 'tier.updated',
        entityType: 'tier',
        entityId: row.id,
        details: { key: row.key, fields: Object.keys(req.body) },
      });
      // Easier rules take effect at once: whoever meets a higher tier now moves up.
      await recomputeTiers(db, orgId);
      return (await tiersWithCounts(db, orgId)).find((t) => t.id === row.id)!;
    },
  );

  app.post(
    '/api/loyalty/tiers/preview',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags,
        summary: 'What changes if I edit the rules: who would move up at once and down at the next review',
        body: previewBodySchema,
        response: { 200: previewSchema },
      },
    },
    async (req) => previewTiers(db, principalOf(req).orgId, req.body),
  );

  app.post(
    '/api/loyalty/review',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags,
        summary: 'Run (or with dryRun, preview) the yearly tier review',
        body: z.object({ asOf: z.iso.date().optional(), dryRun: z.boolean().default(true) }),
        response: { 200: reviewResultSchema },
      },
    },
    async (req) => {
      const a = actor(req);
      const result = await reviewTiers(db, a.orgId, { ...req.body, actorUserId: a.userId });
      if (!req.body.dryRun)
        await auditRequest(db, req, {
          action: 'tier.reviewed',
          entityType: 'organization',
          entityId: a.orgId,
          details: { reviewDate: result.reviewDate, downgraded: result.downgraded, inGrace: result.inGrace },
        });
      return result;
    },
  );

  app.get(
    '/api/customers/:id/loyalty',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'Her tier, what she needs for the next one, her points and her tier history',
        params: idParamsSchema,
        response: { 200: customerLoyaltySchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const c = await getCustomerRowOrThrow(db, p, req.params.id);
      return getCustomerLoyalty(db, p.orgId, c);
    },
  );

  app.get(
    '/api/customers/:id/points',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'Her points ledger, newest first',
        params: idParamsSchema,
        querystring: pointsQuerySchema,
        response: { 200: pageSchema(pointsEntrySchema) },
      },
    },
    async (req) => {
      const c = await getCustomerRowOrThrow(db, principalOf(req), req.params.id);
      return listPoints(db, c.id, req.query);
    },
  );

  const entryReply = z.object({ balance: z.number().int(), entryId: z.string() });

  app.post(
    '/api/customers/:id/points/redeem',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags,
        summary: 'Redeem points (never more than her balance)',
        params: idParamsSchema,
        body: redeemBodySchema,
        response: { 201: entryReply },
      },
    },
    async (req, reply) => {
      const c = await getCustomerRowOrThrow(db, principalOf(req), req.params.id);
      const r = await redeemPoints(db, actor(req), c, req.body.points, req.body.reason);
      await auditRequest(db, req, {
        action: 'points.redeemed',
        entityType: 'customer',
        entityId: c.id,
        storeId: c.storeId,
        details: { points: req.body.points, entryId: r.entry.id },
      });
      return reply.status(201).send({ balance: r.balance, entryId: r.entry.id });
    },
  );

  app.post(
    '/api/customers/:id/points/adjust',
    {
      config: { access: { roles: MANAGERS } },
      schema: {
        tags,
        summary: 'Add or take away points, with the reason (store managers and above)',
        params: idParamsSchema,
        body: adjustBodySchema,
        response: { 201: entryReply },
      },
    },
    async (req, reply) => {
      const c = await getCustomerRowOrThrow(db, principalOf(req), req.params.id);
      const r = await adjustPoints(db, actor(req), c, req.body.points, req.body.reason);
      await auditRequest(db, req, {
        action: 'points.adjusted',
        entityType: 'customer',
        entityId: c.id,
        storeId: c.storeId,
        details: { points: req.body.points, entryId: r.entry.id },
      });
      return reply.status(201).send({ balance: r.balance, entryId: r.entry.id });
    },
  );
};
