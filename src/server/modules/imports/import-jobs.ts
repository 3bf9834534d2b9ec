// Imports started from the web app: upload → preview and proposed mapping → dry run and/or real run in
// the background of this process. State and progress live in import_jobs so any instance can answer
// "how far is it?"; the file's bytes are dropped when the real run ends (or after a day unused).
import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import {
  columnTargetSchema,
  type ColumnMapping,
  type ImportJob,
  type ImportPreview,
  type ImportSummary,
} from '../../../contracts/imports';
import type { Db } from '../../db/client';
import { importJobs, stores } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import type { Actor } from '../customers/customers.service';
import { encodingHintFor } from './encoding';
import { proposeMapping } from './headers';
import { checkMapping, importCustomers } from './imports.service';
import { readTable, UnreadableFileError, type Table } from './read-table';
import { cellText } from './values';

type JobRow = typeof importJobs.$inferSelect;
export type RunHooks = {
  onFinished: (job: JobRow, summary: ImportSummary) => Promise<void>;
  onError?: (err: unknown) => void;
};

const PREVIEW_ROWS = 10;
const KEEP_UNUSED_FILES_MS = 24 * 3600_000;
// A run whose counters have not moved for this long died with its process.
const STALE_RUN_MS = 10 * 60_000;

export function toImportJob(j: JobRow): ImportJob {
  return {
    id: j.id,
    storeId: j.storeId,
    fileName: j.fileName,
    format: j.format as ImportJob['format'],
    encoding: j.encoding,
    headers: j.headers,
    mapping: j.mapping.map((t) => columnTargetSchema.catch('ignore').parse(t)),
    status: j.status as ImportJob['status'],
    dryRun: j.dryRun,
    processed: j.processed,
    total: j.total,
    summary: (j.summary as ImportSummary | null) ?? null,
    error: j.error,
    canRun: j.fileBytes !== null && ['uploaded', 'done', 'failed'].includes(j.status),
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

export function previewOf(table: Table, mapping: ColumnMapping): ImportPreview {
  return {
    format: table.format,
    encoding: table.encoding,
    headers: table.headers,
    mapping,
    rows: table.rows
      .slice(0, PREVIEW_ROWS)
      .map((r) => ({ line: r.line, cells: table.headers.map((_, i) => cellText(r.cells[i] ?? null)) })),
    total: table.rows.length,
  };
}

async function storeOf(db: Db, actor: Actor, storeId: string) {
  const [store] = await db
    .select()
    .from(stores)
    .where(and(eq(stores.orgId, actor.orgId), eq(stores.id, storeId)));
  if (!store || !actor.storeIds.includes(store.id))
    throw new AppError('validation_failed', {}, [
      { field: 'querystring.storeId', code: 'unknown_store', message: 'Unknown store' },
    ]);
  return store;
}

async function read(bytes: Uint8Array, fileName: string, country: string): Promise<Table> {
  try {
    return await readTable(bytes, fileName, encodingHintFor(country));
  } catch (err) {
    if (err instanceof UnreadableFileError)
      throw new AppError('import_invalid', { reason: err.message }, [
        { field: 'body', code: 'unreadable', message: err.message },
      ]);
    throw err;
  }
}

export async function createImportJob(
  db: Db,
  actor: Actor,
  input: { storeId: string; fileName: string; bytes: Uint8Array },
) {
  const store = await storeOf(db, actor, input.storeId);
  const table = await read(input.bytes, input.fileName, store.country);
  const mapping = proposeMapping(table.headers);
  // Files uploaded and never imported do not stay around.
  await db
    .update(importJobs)
    .set({ fileBytes: null })
    .where(
      and(
        eq(importJobs.orgId, actor.orgId),
        isNotNull(importJobs.fileBytes),
        inArray(importJobs.status, ['uploaded', 'done', 'failed']),
        lt(importJobs.updatedAt, new Date(Date.now() - KEEP_UNUSED_FILES_MS)),
      ),
    );
  const [job] = await db
    .insert(importJobs)
    .values({
      orgId: actor.orgId,
      storeId: store.id,
      createdBy: actor.userId,
      fileName: input.fileName,
      fileBytes: input.bytes,
      fileSize: input.bytes.length,
      format: table.format,
      encoding: table.encoding,
      headers: table.headers,
      mapping,
      total: table.rows.length,
    })
    .returning();
  return { job: toImportJob(job!), preview: previewOf(table, mapping) };
}

export async function getImportJobRow(db: Db, actor: Pick<Actor, 'orgId' | 'storeIds'>, id: string): Promise<JobRow> {
  const [job] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.orgId, actor.orgId), eq(importJobs.id, id)));
  if (!job || !actor.storeIds.includes(job.storeId)) throw notFound();
  if ((job.status === 'running' || job.status === 'queued') && Date.now() - job.updatedAt.getTime() > STALE_RUN_MS) {
    const [failed] = await db
      .update(importJobs)
      .set({
        status: 'failed',
        error: 'The import was interrupted (the server stopped); start it again',
        finishedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(and(eq(importJobs.id, id), eq(importJobs.updatedAt, job.updatedAt)))
      .returning();
    return failed ?? job;
  }
  return job;
}

export async function getImportPreview(db: Db, actor: Actor, id: string): Promise<ImportPreview> {
  const job = await getImportJobRow(db, actor, id);
  if (!job.fileBytes)
    throw new AppError('conflict', {}, [
      { field: 'id', code: 'file_gone', message: 'The file is no longer held; upload it again' },
    ]);
  const store = await storeOf(db, actor, job.storeId);
  return previewOf(await read(job.fileBytes, job.fileName, store.country), toImportJob(job).mapping);
}

/**
 * Claims the job (one run at a time, even across instances) and runs it in the background.
 * Returns the queued job at once and a promise of the run's end (for graceful shutdown and tests).
 */
export async function startImportJob(
  db: Db,
  actor: Actor,
  id: string,
  input: { mapping: ColumnMapping; dryRun: boolean },
  hooks: RunHooks,
) {
  const current = await getImportJobRow(db, actor, id);
  checkMapping(current.headers, input.mapping);
  const [job] = await db
    .update(importJobs)
    .set({
      status: 'queued',
      dryRun: input.dryRun,
      mapping: input.mapping,
      processed: 0,
      summary: null,
      error: null,
      startedAt: new Date(),
      finishedAt: null,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(importJobs.id, id),
        isNotNull(importJobs.fileBytes),
        inArray(importJobs.status, ['uploaded', 'done', 'failed']),
      ),
    )
    .returning();
  if (!job)
    throw new AppError('conflict', {}, [
      {
        field: 'id',
        code: current.fileBytes ? 'running' : 'file_gone',
        message: current.fileBytes
          ? 'This import is already running'
          : 'This file was already imported; upload it again',
      },
    ]);
  const done = runJob(db, actor, job, input.mapping, input.dryRun, hooks);
  return { job: toImportJob(job), done };
}

async function runJob(
  db: Db,
  actor: Actor,
  job: JobRow,
  mapping: ColumnMapping,
  dryRun: boolean,
  hooks: RunHooks,
): Promise<void> {
  const at = () => new Date();
  const forget = dryRun ? {} : { fileBytes: null };
  try {
    await db.update(importJobs).set({ status: 'running', updatedAt: at() }).where(eq(importJobs.id, job.id));
    const store = await storeOf(db, actor, job.storeId);
    const table = await read(job.fileBytes!, job.fileName, store.country);
    const summary = await importCustomers(db, actor, table, {
      storeId: job.storeId,
      mapping,
      dryRun,
      onProgress: async (processed, total) => {
        await db.update(importJobs).set({ processed, total, updatedAt: at() }).where(eq(importJobs.id, job.id));
      },
    });
    const [finished] = await db
      .update(importJobs)
      .set({
        status: 'done',
        summary,
        processed: sql`${importJobs.total}`,
        finishedAt: at(),
        updatedAt: at(),
        ...forget,
      })
      .where(eq(importJobs.id, job.id))
      .returning();
    if (!dryRun && finished) await hooks.onFinished(finished, summary);
  } catch (err) {
    if (!(err instanceof AppError)) hooks.onError?.(err);
    const error =
      err instanceof AppError && err.params.reason
        ? String(err.params.reason)
        : 'The import stopped on an unexpected error; nothing after the last completed batch was written';
    await db
      .update(importJobs)
      .set({ status: 'failed', error, finishedAt: at(), updatedAt: at(), ...forget })
      .where(eq(importJobs.id, job.id))
      .catch(() => {});
  }
}
