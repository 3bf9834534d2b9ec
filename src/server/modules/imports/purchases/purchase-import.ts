// `keqing import purchases`: POS exports (one row per receipt line, or one row per receipt) become
// receipts, in ONE transaction so an import never half-applies (a dry run is the same work, rolled back).
//
//   1. read (purchase-stage.ts): the rows stream in (CSV is parsed chunk by chunk); each is parsed on its
//      own (purchase-rows.ts: dates in the store's zone, amounts in minor units, member number, phone →
//      E.164, return marker) and streamed into a temporary staging table — by COPY on PostgreSQL, by
//      multi-row INSERTs on PGlite;
//   2. check (purchase-checks.ts), set-based in SQL over the staging table: receipts with a bad row, rows
//      that disagree on the date or the customer, sales mixed with returns, unknown categories; customers
//      matched by member number, then phone (unknown member numbers create a minimal customer with
//      --create-customers); receipt numbers already recorded for the store are "unchanged" (a re-import
//      creates nothing);
//   3. write (purchase-write.ts): products, receipts and their lines with INSERT … SELECT; returns are
//      matched to the sale lines they give back (few, one by one); customer_stats refreshed set-based;
//      afterReceipts once.
import { and, eq, sql } from 'drizzle-orm';
import type { ImportSummary } from '../../../../contracts/imports';
import type { Db } from '../../../db/client';
import { rows as sqlRows } from '../../../db/client';
import { stores } from '../../../db/schema';
import { AppError } from '../../../errors';
import type { Actor } from '../../customers/customers.service';
import { categoriesByKey, type CategoryRow } from '../../purchases/catalogue';
import type { RowStream } from '../stream-table';
import { checkReceipts } from './purchase-checks';
import { fileShape, purchaseMapping, type FileShape, type PurchaseField } from './purchase-headers';
import { createStage, stageRows } from './purchase-stage';
import { refreshAggregates, writeReturns, writeSales } from './purchase-write';

export type ImportPhase = 'read' | 'check' | 'write' | 'aggregates';

export type PurchaseImportOptions = {
  storeId: string;
  createCustomers: boolean;
  dryRun: boolean;
  /** Rows read while reading (total 0: not known yet), then steps done of the later phases. */
  onProgress?: (done: number, total: number, phase: ImportPhase) => void;
};

export type PurchaseImportSummary = ImportSummary & { lines: number; customersCreated: number; rows: number };

class DryRunDone extends Error {
  constructor(readonly summary: PurchaseImportSummary) {
    super('dry run');
  }
}

/** What the phases of one import share, inside its transaction. */
export type PurchaseImportRun = {
  tx: Db;
  actor: Actor;
  store: typeof stores.$inferSelect;
  /** One step of the phases after reading is done. */
  next: () => void;
  timing: (label: string) => void;
};

export async function importPurchases(
  db: Db,
  actor: Actor,
  table: RowStream,
  opts: PurchaseImportOptions,
): Promise<PurchaseImportSummary> {
  const [store] = await db
    .select()
    .from(stores)
    .where(and(eq(stores.orgId, actor.orgId), eq(stores.id, opts.storeId)));
  if (!store)
    throw new AppError('validation_failed', {}, [
      { field: 'storeId', code: 'unknown_store', message: 'Unknown store' },
    ]);
  const map = purchaseMapping(table.headers);
  const shape = fileShape(map);
  if (!shape)
    throw new AppError('import_invalid', {
      reason: `No receipt-number column, or neither products nor amounts. Columns: ${table.headers.join(', ')}`,
    });
  const categories = await categoriesByKey(db, actor.orgId);
  const timing = process.env.KEQING_IMPORT_TIMING
    ? (label: string) => console.error(`${label} ${Math.round(performance.now() - t0)} ms`)
    : () => {};
  const t0 = performance.now();
  try {
    return await db.transaction(async (tx) => {
      const summary = await runImport(tx, actor, store, table, map, shape, categories, opts, timing);
      if (opts.dryRun) throw new DryRunDone(summary);
      return summary;
    });
  } catch (err) {
    if (err instanceof DryRunDone) return err.summary;
    throw err;
  }
}

async function runImport(
  tx: Db,
  actor: Actor,
  store: typeof stores.$inferSelect,
  table: RowStream,
  map: Partial<Record<PurchaseField, number>>,
  shape: FileShape,
  categories: Map<string, CategoryRow>,
  opts: PurchaseImportOptions,
  timing: (label: string) => void,
): Promise<PurchaseImportSummary> {
  const progress = opts.onProgress ?? (() => {});
  const steps = 8;
  let step = 0;
  const next = () => progress(++step, steps, step < 4 ? 'check' : step < 7 ? 'write' : 'aggregates');
  const run: PurchaseImportRun = { tx, actor, store, next, timing };
  await createStage(tx);
  const { rejected, read } = await stageRows(run, table, map, shape, progress);
  const customersCreated = await checkReceipts(run, categories, opts.createCustomers);
  await writeSales(run);
  await writeReturns(run);
  const counts = await refreshAggregates(run);

  // Every row of a rejected receipt is reported, with the rows that failed on their own.
  const groupRejections = await sqlRows<{ line: number; field: string; message: string }>(
    tx,
    sql`select s.line, g.field, g.message from purchase_stage s join purchase_groups g on g.receipt_no = s.receipt_no
        where g.status = 'rejected' and s.ok`,
  );
  for (const r of groupRejections) rejected.push({ line: r.line, field: r.field, message: r.message });
  rejected.sort((a, b) => a.line - b.line);
  return {
    created: counts.created,
    updated: 0,
    unchanged: counts.unchanged,
    rejected,
    customersCreated,
    lines: counts.lines,
    rows: read,
  };
}
