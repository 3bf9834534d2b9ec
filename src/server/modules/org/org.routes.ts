// Organisation structure over HTTP: stores, regions, the organisation itself. Staff accounts: users.routes.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { idParamsSchema, uuidSchema } from '../../../contracts/common';
import {
  createRegionBodySchema,
  createStoreBodySchema,
  regionSchema,
  storeSchema,
  updateRegionBodySchema,
  updateStoreBodySchema,
} from '../../../contracts/org';
import type { Db } from '../../db/client';
import { organizations } from '../../db/schema';
import { forbidden, notFound } from '../../errors';
import { principalOf, userOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { createRegion, findRegions, updateRegion } from './regions.service';
import { createStore, findStores, getStoreOrThrow, toStore, updateStore } from './stores.service';

const HEAD = ['owner', 'hq'] as const;
const orgSchema = z.object({ id: uuidSchema, name: z.string() });

export const orgRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/org',
    {
      config: { access: { roles: 'any' } },
      schema: { tags: ['org'], summary: 'The organisation', response: { 200: orgSchema } },
    },
    async (req) => {
      const [o] = await db
        .select()
        .from(organizations)
        .where(eq(organizations.orgId, principalOf(req).orgId));
      if (!o) throw notFound();
      return { id: o.orgId, name: o.name };
    },
  );

  app.patch(
    '/api/org',
    {
      config: { access: { roles: ['owner'] } },
      schema: {
        tags: ['org'],
        summary: 'Rename the organisation',
        body: z.object({ name: z.string().trim().min(1).max(100) }),
        response: { 200: orgSchema },
      },
    },
    async (req) => {
      const p = userOf(req);
      const [o] = await db
        .update(organizations)
        .set({ name: req.body.name })
        .where(eq(organizations.orgId, p.orgId))
        .returning();
      await auditRequest(db, req, {
        action: 'org.updated',
        entityType: 'organization',
        entityId: p.orgId,
        details: { fields: ['name'] },
      });
      return { id: o!.orgId, name: o!.name };
    },
  );

  app.get(
    '/api/stores',
    {
      config: { access: { roles: 'any', tokens: true } },
      schema: {
        tags: ['org'],
        summary: 'Stores the caller may work in',
        response: { 200: z.object({ items: z.array(storeSchema) }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return { items: await findStores(db, p.orgId, p.storeIds) };
    },
  );

  app.get(
    '/api/stores/:id',
    {
      config: { access: { roles: 'any', tokens: true } },
      schema: { tags: ['org'], summary: 'One store', params: idParamsSchema, response: { 200: storeSchema } },
    },
    async (req) => {
      const p = principalOf(req);
      if (!p.storeIds.includes(req.params.id)) throw notFound();
      return toStore(await getStoreOrThrow(db, p.orgId, req.params.id));
    },
  );

  app.post(
    '/api/stores',
    {
      config: { access: { roles: HEAD } },
      schema: { tags: ['org'], summary: 'Open a store', body: createStoreBodySchema, response: { 201: storeSchema } },
    },
    async (req, reply) => {
      const p = userOf(req);
      const s = await createStore(db, p.orgId, req.body);
      await auditRequest(db, req, {
        action: 'store.created',
        entityType: 'store',
        entityId: s.id,
        storeId: s.id,
        details: { code: s.code },
      });
      return reply.status(201).send(toStore(s));
    },
  );

  app.patch(
    '/api/stores/:id',
    {
      config: { access: { roles: [...HEAD, 'regional_manager', 'store_manager'] } },
      schema: {
        tags: ['org'],
        summary: 'Change a store',
        params: idParamsSchema,
        body: updateStoreBodySchema,
        response: { 200: storeSchema },
      },
    },
    async (req) => {
      const p = userOf(req);
      if (!p.storeIds.includes(req.params.id)) throw notFound();
      // Managers below head office may rename their store but not move it, close it or change its money.
      const structural = ['regionId', 'isActive', 'currency', 'country'] as const;
      if (!HEAD.includes(p.role as (typeof HEAD)[number]) && structural.some((k) => req.body[k] !== undefined))
        throw forbidden();
      const s = await updateStore(db, p.orgId, req.params.id, req.body);
      await auditRequest(db, req, {
        action: 'store.updated',
        entityType: 'store',
        entityId: s.id,
        storeId: s.id,
        details: { fields: Object.keys(req.body) },
      });
      return toStore(s);
    },
  );

  app.get(
    '/api/regions',
    {
      config: { access: { roles: [...HEAD, 'regional_manager'] } },
      schema: {
        tags: ['org'],
        summary: 'Regions of the organisation',
        response: { 200: z.object({ items: z.array(regionSchema) }) },
      },
    },
    async (req) => ({ items: await findRegions(db, principalOf(req).orgId) }),
  );

  app.post(
    '/api/regions',
    {
      config: { access: { roles: HEAD } },
      schema: {
        tags: ['org'],
        summary: 'Create a region',
        body: createRegionBodySchema,
        response: { 201: regionSchema },
      },
    },
    async (req, reply) => {
      const p = userOf(req);
      const r = await createRegion(db, p.orgId, req.body);
      await auditRequest(db, req, {
        action: 'region.created',
        entityType: 'region',
        entityId: r.id,
        details: { code: r.code },
      });
      return reply
        .status(201)
        .send({ id: r.id, code: r.code, name: r.name, storeCount: 0, createdAt: r.createdAt.toISOString() });
    },
  );

  app.patch(
    '/api/regions/:id',
    {
      config: { access: { roles: HEAD } },
      schema: {
        tags: ['org'],
        summary: 'Change a region',
        params: idParamsSchema,
        body: updateRegionBodySchema,
        response: { 200: regionSchema },
      },
    },
    async (req) => {
      const p = userOf(req);
      const r = await updateRegion(db, p.orgId, req.params.id, req.body);
      await auditRequest(db, req, {
        action: 'region.updated',
        entityType: 'region',
        entityId: r.id,
        details: { fields: Object.keys(req.body) },
      });
      const all = await findRegions(db, p.orgId);
      return all.find((x) => x.id === r.id)!;
    },
  );
};
