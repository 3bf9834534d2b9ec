// HTTP for segments (tags: tags.routes.ts). Any signed-in role builds and saves segments over the stores she works
// in (staff: only their stores' customers ever match); exports follow the customer export's rules.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema, pageSchema } from '../../../contracts/common';
import { customerListItemSchema } from '../../../contracts/customers';
import {
  previewBodySchema,
  previewSchema,
  segmentBodySchema,
  segmentCustomersQuerySchema,
  segmentExportQuerySchema,
  segmentListItemSchema,
  segmentListQuerySchema,
  segmentOptionsSchema,
  segmentSchema,
  updateSegmentBodySchema,
} from '../../../contracts/segments';
import type { Db } from '../../db/client';
import { requestLocale } from '../../errors';
import { principalOf, type Principal } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { toListItems } from '../customers/customers.mapping';
import { csvStream, exportHeaders, seesContacts, xlsxStream, type ExportCell } from '../imports/export.service';
import {
  contextFor,
  countSegment,
  createSegment,
  deleteSegment,
  getSegment,
  getSegmentRow,
  listSegments,
  previewSegment,
  savedSegmentContext,
  segmentCustomerPage,
  segmentExportPages,
  segmentOptions,
  updateSegment,
  type Scope,
} from './segments.service';

const ANY = { roles: 'any' as const };
const tags = ['segments'];
const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function scopeOf(p: Principal): Scope {
  return p.kind === 'user'
    ? { orgId: p.orgId, storeIds: p.storeIds, role: p.role, userId: p.userId }
    : { orgId: p.orgId, storeIds: p.storeIds };
}

export const segmentsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/segments/preview',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Count and the first 20 customers of a definition (contacts masked); nothing is saved',
        body: previewBodySchema,
        response: { 200: previewSchema },
      },
    },
    async (req) => {
      const p = scopeOf(principalOf(req));
      const ctx = await contextFor(db, p, req.body.storeId);
      const { count, sample } = await previewSegment(db, req.body.definition, ctx);
      return { count, sample: await toListItems(db, sample) };
    },
  );

  app.get(
    '/api/segments/options',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'What the builder offers: tiers, tags, question-bank fields, guides of your stores',
        response: { 200: segmentOptionsSchema },
      },
    },
    async (req) => segmentOptions(db, scopeOf(principalOf(req))),
  );

  app.get(
    '/api/segments',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Saved segments the caller can see (optionally with their current counts)',
        querystring: segmentListQuerySchema,
        response: { 200: z.object({ items: z.array(segmentListItemSchema) }) },
      },
    },
    async (req) => {
      const p = scopeOf(principalOf(req));
      const list = await listSegments(db, p);
      const items = [];
      for (const s of list) {
        let count: number | null = null;
        if (req.query.withCounts) {
          const row = await getSegmentRow(db, p, s.id);
          count = await countSegment(db, s.definition, await savedSegmentContext(db, p, row));
        }
        items.push({ ...s, count });
      }
      return { items };
    },
  );

  app.post(
    '/api/segments',
    {
      config: { access: ANY },
      schema: { tags, summary: 'Save a segment', body: segmentBodySchema, response: { 201: segmentSchema } },
    },
    async (req, reply) => {
      const segment = await createSegment(db, scopeOf(principalOf(req)), req.body);
      await auditRequest(db, req, {
        action: 'segment.created',
        entityType: 'segment',
        entityId: segment.id,
        storeId: segment.storeId,
        details: { name: segment.name },
      });
      return reply.status(201).send(segment);
    },
  );

  app.get(
    '/api/segments/:id',
    {
      config: { access: ANY },
      schema: { tags, summary: 'A saved segment', params: idParamsSchema, response: { 200: segmentSchema } },
    },
    async (req) => getSegment(db, scopeOf(principalOf(req)), req.params.id),
  );

  app.patch(
    '/api/segments/:id',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Change a saved segment (its author, or a manager of its store)',
        params: idParamsSchema,
        body: updateSegmentBodySchema,
        response: { 200: segmentSchema },
      },
    },
    async (req) => {
      const segment = await updateSegment(db, scopeOf(principalOf(req)), req.params.id, req.body);
      await auditRequest(db, req, {
        action: 'segment.updated',
        entityType: 'segment',
        entityId: segment.id,
        storeId: segment.storeId,
        details: { fields: Object.keys(req.body) },
      });
      return segment;
    },
  );

  app.delete(
    '/api/segments/:id',
    {
      config: { access: ANY },
      schema: { tags, summary: 'Delete a saved segment', params: idParamsSchema, response: { 200: okSchema } },
    },
    async (req) => {
      const p = scopeOf(principalOf(req));
      const row = await getSegmentRow(db, p, req.params.id);
      await deleteSegment(db, p, req.params.id);
      await auditRequest(db, req, {
        action: 'segment.deleted',
        entityType: 'segment',
        entityId: row.id,
        storeId: row.storeId,
        details: { name: row.name },
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/segments/:id/customers',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'The customers of a saved segment now, by name, page by page (contacts masked)',
        params: idParamsSchema,
        querystring: segmentCustomersQuerySchema,
        response: { 200: pageSchema(customerListItemSchema).extend({ count: z.number().int() }) },
      },
    },
    async (req) => {
      const p = scopeOf(principalOf(req));
      const row = await getSegmentRow(db, p, req.params.id);
      const ctx = await savedSegmentContext(db, p, row);
      const [page, count] = await Promise.all([
        segmentCustomerPage(db, row.definition, ctx, req.query),
        req.query.cursor ? Promise.resolve(-1) : countSegment(db, row.definition, ctx),
      ]);
      return { items: await toListItems(db, page.rows), nextCursor: page.nextCursor, count };
    },
  );

  app.get(
    '/api/segments/:id/export',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary:
          'Export a saved segment as CSV (UTF-8 with BOM) or XLSX, the customer export columns; contacts masked unless the role may see them; audited',
        params: idParamsSchema,
        querystring: segmentExportQuerySchema,
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const p = scopeOf(principal);
      const row = await getSegmentRow(db, p, req.params.id);
      const ctx = await savedSegmentContext(db, p, row);
      const masked = !seesContacts(principal);
      const { format } = req.query;
      let rows = 0;
      let complete = false;
      async function* counted(): AsyncGenerator<ExportCell[][]> {
        try {
          for await (const page of segmentExportPages(db, p, row.definition, ctx, masked)) {
            rows += page.length;
            yield page;
          }
          complete = true;
        } finally {
          await auditRequest(db, req, {
            action: 'customers.exported',
            entityType: 'segment',
            entityId: row.id,
            storeId: row.storeId,
            details: { rows, masked, format, segment: row.name, filtered: true, complete },
          });
        }
      }
      const locale = requestLocale(req);
      const stamp = new Date().toISOString().slice(0, 10);
      reply.header('content-type', CONTENT_TYPES[format]);
      reply.header('content-disposition', `attachment; filename="segment-${stamp}.${format}"`);
      reply.header('cache-control', 'no-store');
      const headers = exportHeaders(locale);
      return reply.send(
        format === 'csv' ? csvStream(headers, counted()) : xlsxStream(headers, counted(), row.name.slice(0, 31)),
      );
    },
  );
};
