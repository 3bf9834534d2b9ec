// Points campaigns over HTTP (e.g. double points in some stores for a week): everyone reads, owner / head
// office start and change them. Every change is audited. Split out of loyalty.routes.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common';
import { campaignSchema, createCampaignBodySchema, updateCampaignBodySchema } from '../../../contracts/loyalty';
import type { Db } from '../../db/client';
import { pointsCampaigns, stores } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { principalOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';

const tags = ['loyalty'];
const EDITORS = ['owner', 'hq'] as const;
type CampaignRow = typeof pointsCampaigns.$inferSelect;
const toCampaign = (c: CampaignRow) => ({
  id: c.id,
  name: c.name,
  multiplier: Number(c.multiplier),
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  storeIds: c.storeIds ?? null,
  isActive: c.isActive,
});

async function checkStores(db: Db, orgId: string, ids: string[] | null | undefined) {
  if (!ids?.length) return;
  const found = await db
    .select({ id: stores.id })
    .from(stores)
    .where(and(eq(stores.orgId, orgId), sql`${stores.id} = any(${sql.param(ids)}::uuid[])`));
  const missing = ids.findIndex((id) => !found.some((f) => f.id === id));
  if (missing >= 0)
    throw new AppError('validation_failed', {}, [
      { field: `body.storeIds.${missing}`, code: 'unknown_store', message: 'Unknown store' },
    ]);
}

export const campaignRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/loyalty/campaigns',
    {
      config: { access: { roles: 'any' } },
      schema: { tags, summary: 'Points campaigns', response: { 200: z.object({ items: z.array(campaignSchema) }) } },
    },
    async (req) => ({
      items: (
        await db
          .select()
          .from(pointsCampaigns)
          .where(eq(pointsCampaigns.orgId, principalOf(req).orgId))
          .orderBy(asc(pointsCampaigns.startsOn))
      ).map(toCampaign),
    }),
  );

  app.post(
    '/api/loyalty/campaigns',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags,
        summary: 'Start a points campaign (e.g. double points in some stores for a week)',
        body: createCampaignBodySchema,
        response: { 201: campaignSchema },
      },
    },
    async (req, reply) => {
      const orgId = principalOf(req).orgId;
      await checkStores(db, orgId, req.body.storeIds);
      const [c] = await db
        .insert(pointsCampaigns)
        .values({ orgId, ...req.body, multiplier: String(req.body.multiplier) })
        .returning();
      await auditRequest(db, req, {
        action: 'points.campaign_created',
        entityType: 'points_campaign',
        entityId: c!.id,
        details: { multiplier: req.body.multiplier, startsOn: req.body.startsOn, endsOn: req.body.endsOn },
      });
      return reply.status(201).send(toCampaign(c!));
    },
  );

  app.patch(
    '/api/loyalty/campaigns/:id',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags,
        summary: 'Change or stop a campaign',
        params: idParamsSchema,
        body: updateCampaignBodySchema,
        response: { 200: campaignSchema },
      },
    },
    async (req) => {
      const orgId = principalOf(req).orgId;
      await checkStores(db, orgId, req.body.storeIds);
      const { multiplier, ...rest } = req.body;
      const [before] = await db
        .select()
        .from(pointsCampaigns)
        .where(and(eq(pointsCampaigns.orgId, orgId), eq(pointsCampaigns.id, req.params.id)));
      if (!before) throw notFound();
      const startsOn = rest.startsOn ?? before.startsOn;
      const endsOn = rest.endsOn ?? before.endsOn;
      if (endsOn < startsOn)
        throw new AppError('validation_failed', {}, [
          { field: 'body.endsOn', code: 'invalid', message: 'Ends before it starts' },
        ]);
      const [c] = await db
        .update(pointsCampaigns)
        .set({ ...rest, ...(multiplier !== undefined ? { multiplier: String(multiplier) } : {}) })
        .where(eq(pointsCampaigns.id, before.id))
        .returning();
      await auditRequest(db, req, {
        action: 'points.campaign_updated',
        entityType: 'points_campaign',
        entityId: c!.id,
        details: { fields: Object.keys(req.body) },
      });
      return toCampaign(c!);
    },
  );
};
