// GET /api/customers/export: the current search or list as CSV or XLSX. Fastify's router prefers the
// static segment, so this path is never taken for GET /api/customers/:id (tested).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportQuerySchema } from '../../../contracts/imports';
import type { Db } from '../../db/client';
import { requestLocale } from '../../errors';
import { principalOf } from '../../plugins/auth';
import { auditRequest } from '../audit/audit.service';
import { csvStream, exportHeaders, exportPages, seesContacts, xlsxStream, type ExportCell } from './export.service';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
const SHEET_NAMES = { 'zh-CN': '顾客', 'zh-TW': '顧客', ja: '顧客', en: 'Customers' } as const;

export const exportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/customers/export',
    {
      config: { access: { roles: 'any' } },
      schema: {
        tags: ['customers'],
        summary:
          'Export the current search or list (all pages) as CSV (UTF-8 with BOM) or XLSX; contacts masked unless the role may see them; audited',
        querystring: exportQuerySchema,
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const masked = !seesContacts(p);
      const { format } = req.query;
      let rows = 0;
      let complete = false;
      // Counted as the pages stream out; the audit entry is written when the stream ends, even early.
      async function* counted(): AsyncGenerator<ExportCell[][]> {
        try {
          for await (const page of exportPages(db, p, req.query, masked)) {
            rows += page.length;
            yield page;
          }
          complete = true;
        } finally {
          await auditRequest(db, req, {
            action: 'customers.exported',
            entityType: 'customer',
            storeId: req.query.storeId ?? null,
            details: {
              rows,
              masked,
              format,
              filtered: Boolean(req.query.q || req.query.storeId || req.query.ownerUserId),
              complete,
            },
          });
        }
      }
      const locale = requestLocale(req);
      const headers = exportHeaders(locale);
      const stamp = new Date().toISOString().slice(0, 10);
      reply.header('content-type', CONTENT_TYPES[format]);
      reply.header('content-disposition', `attachment; filename="customers-${stamp}.${format}"`);
      reply.header('cache-control', 'no-store');
      return reply.send(
        format === 'csv' ? csvStream(headers, counted()) : xlsxStream(headers, counted(), SHEET_NAMES[locale]),
      );
    },
  );
};
