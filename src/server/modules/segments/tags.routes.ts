// HTTP for customer tags: the organisation's tags (managers create, rename, recolour and delete them)
// and the tags on a customer (anyone who may see her file puts them on and takes them off). Audited.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../../contracts/common';
import { customerTagParamsSchema, tagBodySchema, tagSchema } from '../../../contracts/segments';
import type { Db } from '../../db/client';
import { principalOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { getCustomerRowOrThrow } from '../customers/customers.service';
import { scopeOf } from './segments.routes';
import { assignTag, createTag, deleteTag, listTags, tagsOfCustomer, unassignTag, updateTag } from './segments.service';

const ANY = { roles: 'any' as const };
const MANAGERS = { roles: ['owner', 'hq', 'regional_manager', 'store_manager'] as const };
const tags = ['segments'];
const tagRef = tagSchema.omit({ customers: true });

export const tagsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/tags',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'The organisation’s customer tags, with how many of your customers carry each',
        response: { 200: z.object({ items: z.array(tagSchema) }) },
      },
    },
    async (req) => ({ items: await listTags(db, scopeOf(principalOf(req))) }),
  );

  app.post(
    '/api/tags',
    {
      config: { access: MANAGERS },
      schema: { tags, summary: 'Create a tag', body: tagBodySchema, response: { 201: tagSchema } },
    },
    async (req, reply) => {
      const tag = await createTag(db, scopeOf(principalOf(req)), req.body);
      await auditRequest(db, req, { action: 'tag.created', entityType: 'tag', entityId: tag.id });
      return reply.status(201).send(tag);
    },
  );

  app.patch(
    '/api/tags/:id',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Rename or recolour a tag',
        params: idParamsSchema,
        body: tagBodySchema.partial(),
        response: { 200: tagSchema },
      },
    },
    async (req) => {
      const tag = await updateTag(db, scopeOf(principalOf(req)), req.params.id, req.body);
      await auditRequest(db, req, {
        action: 'tag.updated',
        entityType: 'tag',
        entityId: req.params.id,
        details: { fields: Object.keys(req.body) },
      });
      return tag;
    },
  );

  app.delete(
    '/api/tags/:id',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Delete a tag (and take it off everyone)',
        params: idParamsSchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await deleteTag(db, scopeOf(principalOf(req)), req.params.id);
      await auditRequest(db, req, { action: 'tag.deleted', entityType: 'tag', entityId: req.params.id });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/customers/:id/tags',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Her tags',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(tagRef) }) },
      },
    },
    async (req) => {
      const c = await getCustomerRowOrThrow(db, principalOf(req), req.params.id);
      return { items: await tagsOfCustomer(db, c.id) };
    },
  );

  app.put(
    '/api/customers/:id/tags/:tagId',
    {
      config: { access: ANY },
      schema: { tags, summary: 'Put a tag on her', params: customerTagParamsSchema, response: { 200: okSchema } },
    },
    async (req) => {
      const principal = principalOf(req);
      const c = await getCustomerRowOrThrow(db, principal, req.params.id);
      await assignTag(db, scopeOf(principal), c, req.params.tagId);
      await auditRequest(db, req, {
        action: 'customer.tag_added',
        entityType: 'customer',
        entityId: c.id,
        storeId: c.storeId,
        details: { tagId: req.params.tagId },
      });
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/customers/:id/tags/:tagId',
    {
      config: { access: ANY },
      schema: { tags, summary: 'Take a tag off her', params: customerTagParamsSchema, response: { 200: okSchema } },
    },
    async (req) => {
      const c = await getCustomerRowOrThrow(db, principalOf(req), req.params.id);
      await unassignTag(db, c, req.params.tagId);
      await auditRequest(db, req, {
        action: 'customer.tag_removed',
        entityType: 'customer',
        entityId: c.id,
        storeId: c.storeId,
        details: { tagId: req.params.tagId },
      });
      return { ok: true as const };
    },
  );
};
