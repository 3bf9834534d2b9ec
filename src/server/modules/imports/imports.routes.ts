// HTTP for customer imports (upload → preview and mapping → dry run / run in the background → progress
// and summary) and for the export of the current customer list.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../contracts/common';
import {
  importJobSchema,
  importPreviewSchema,
  runImportBodySchema,
  uploadQuerySchema,
  uploadResultSchema,
} from '../../../contracts/imports';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { userOf } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.service';
import { actorOf } from '../customers/customers.service';
import { exportRoutes } from './export.routes';
import { createImportJob, getImportJobRow, getImportPreview, startImportJob, toImportJob } from './import-jobs';

export const IMPORT_ROLES = ['owner', 'hq', 'regional_manager', 'store_manager'] as const;
export const UPLOAD_LIMIT = 20 * 1024 * 1024;
const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
const tags = ['imports'];
const access = { roles: IMPORT_ROLES };

export const importsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // Encapsulated in this plugin: raw file bodies are accepted here only.
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) =>
    done(null, body),
  );
  const running = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });

  app.post(
    '/api/imports/customers',
    {
      bodyLimit: UPLOAD_LIMIT,
      config: { access },
      schema: {
        tags,
        summary:
          'Upload a customer file (CSV in UTF-8, GB18030, Big5 or Shift_JIS, or XLSX; up to 20 MB) as the raw request body',
        description:
          'Send the file bytes with `Content-Type: application/octet-stream` (or text/csv, or the XLSX type). Answers with the detected encoding and format, the headers, the proposed column mapping and the first rows.',
        querystring: uploadQuerySchema,
        response: { 201: uploadResultSchema },
      },
    },
    async (req, reply) => {
      const p = userOf(req);
      if (!Buffer.isBuffer(req.body) || req.body.length === 0)
        throw new AppError('import_invalid', { reason: 'No file was sent' }, [
          { field: 'body', code: 'required', message: 'Send the file as the request body' },
        ]);
      const result = await createImportJob(db, actorOf(p), {
        storeId: req.query.storeId,
        fileName: req.query.fileName,
        bytes: req.body,
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/imports/customers/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'An import: status, progress and, when done, the summary',
        params: idParamsSchema,
        response: { 200: importJobSchema },
      },
    },
    async (req) => {
      return toImportJob(await getImportJobRow(db, userOf(req), req.params.id));
    },
  );

  app.get(
    '/api/imports/customers/:id/preview',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Detected encoding and format, headers, proposed mapping and the first rows of an uploaded file',
        params: idParamsSchema,
        response: { 200: importPreviewSchema },
      },
    },
    async (req) => {
      const p = userOf(req);
      return getImportPreview(db, actorOf(p), req.params.id);
    },
  );

  app.post(
    '/api/imports/customers/:id/run',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Start a dry run or the real import in the background; poll the import for progress',
        params: idParamsSchema,
        body: runImportBodySchema,
        response: { 202: importJobSchema },
      },
    },
    async (req, reply) => {
      const p = userOf(req);
      const audit = { actorUserId: p.userId, ip: req.ip, requestId: req.id };
      const { job, done } = await startImportJob(db, actorOf(p), req.params.id, req.body, {
        onFinished: (row, summary) =>
          recordAudit(db, {
            orgId: p.orgId,
            action: 'customers.imported',
            entityType: 'import_job',
            entityId: row.id,
            storeId: row.storeId,
            details: {
              created: summary.created,
              updated: summary.updated,
              unchanged: summary.unchanged,
              rejected: summary.rejected.length,
              format: row.format,
              encoding: row.encoding,
              via: 'web',
            },
            ...audit,
          }),
        onError: (err) =>
          req.log.error(
            { err: { message: (err as Error).message, stack: (err as Error).stack } },
            'customer import failed',
          ),
      });
      running.add(done);
      void done.finally(() => running.delete(done));
      return reply.status(202).send(job);
    },
  );

  await app.register(exportRoutes, { db });
};
