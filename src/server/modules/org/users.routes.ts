import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common';
import {
  colleagueSchema,
  createUserBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userSchema,
} from '../../../contracts/org';
import type { Db } from '../../db/client';
import { forbidden, notFound } from '../../errors';
import { userOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { findColleagues } from './colleagues';
import { canAccessStore } from './store-access';
import { createUser, findUsers, getUserOrThrow, updateUser } from './users.service';

const MANAGERS = ['owner', 'hq', 'regional_manager', 'store_manager'] as const;

export const usersRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/users',
    {
      config: { access: { roles: MANAGERS } },
      schema: {
        tags: ['users'],
        summary: 'Staff accounts the caller manages',
        querystring: userListQuerySchema,
        response: { 200: z.object({ items: z.array(userSchema) }) },
      },
    },
    async (req) => ({ items: await findUsers(db, userOf(req), req.query) }),
  );

  app.get(
    '/api/stores/:id/colleagues',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['users'],
        summary: 'Active colleagues of a store the caller works in: id and name only (to name who served)',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(colleagueSchema) }) },
      },
    },
    async (req) => {
      const p = userOf(req);
      // Another store is "not found", as for its customers.
      if (!canAccessStore(p.storeIds, req.params.id)) throw notFound();
      return { items: await findColleagues(db, p.orgId, req.params.id) };
    },
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: { roles: MANAGERS } },
      schema: { tags: ['users'], summary: 'One staff account', params: idParamsSchema, response: { 200: userSchema } },
    },
    async (req) => {
      const p = userOf(req);
      const u = await getUserOrThrow(db, p.orgId, req.params.id);
      const wide = p.role === 'owner' || p.role === 'hq';
      if (!wide && u.id !== p.userId && !u.storeIds.some((id) => p.storeIds.includes(id))) throw forbidden();
      return u;
    },
  );

  app.post(
    '/api/users',
    {
      config: { access: { roles: MANAGERS } },
      schema: {
        tags: ['users'],
        summary: 'Create a staff account',
        body: createUserBodySchema,
        response: { 201: userSchema },
      },
    },
    async (req, reply) => {
      const p = userOf(req);
      const u = await createUser(db, p.orgId, p, req.body);
      await auditRequest(db, req, {
        action: 'user.created',
        entityType: 'user',
        entityId: u.id,
        details: { role: u.role, storeIds: u.storeIds },
      });
      return reply.status(201).send(u);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: { roles: MANAGERS } },
      schema: {
        tags: ['users'],
        summary: 'Change, deactivate or reactivate a staff account',
        params: idParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userSchema },
      },
    },
    async (req) => {
      const p = userOf(req);
      const { before, after } = await updateUser(db, p, req.params.id, req.body);
      const fields = Object.keys(req.body).filter((k) => k !== 'password');
      if (req.body.password) fields.push('password');
      const action =
        before.isActive && !after.isActive
          ? 'user.deactivated'
          : !before.isActive && after.isActive
            ? 'user.reactivated'
            : 'user.updated';
      await auditRequest(db, req, {
        action,
        entityType: 'user',
        entityId: after.id,
        details: {
          fields,
          ...(req.body.role && req.body.role !== before.role ? { roleFrom: before.role, roleTo: after.role } : {}),
        },
      });
      return after;
    },
  );
};
