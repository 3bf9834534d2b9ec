// Importing customers from a read file: every row validated like the API, matched to stored customers
// (member number → phone → e-mail), planned, then written in batches — or, for a dry run, only counted.
// Invalid rows are reported with their line and never half-applied; the valid rows go in.
import { eq, sql } from 'drizzle-orm';
import { type ColumnMapping, type ImportSummary, type RejectedRow } from '../../../contracts/imports';
import type { Db } from '../../db/client';
import { stores } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../customers/customers.service';
import { mappingProblems, proposeMapping } from './headers';
import { lookUpCustomers } from './import-lookups';
import { planImport, type PlannedCreate, type PlannedUpdate } from './import-plan';
import { writeBatch } from './import-write';
import type { Table } from './read-table';
import { isEmptyRow, rowToCandidate, type Candidate } from './row-input';

export type ImportOptions = {
  storeId: string;
  /** One target per header; the proposed mapping when omitted. */
  mapping?: ColumnMapping;
  dryRun: boolean;
  batchSize?: number;
  onProgress?: (processed: number, total: number) => Promise<void> | void;
  /** The date birthdays may not be after (tests pin it). */
  today?: string;
};

export const DEFAULT_BATCH = 500;
const ANALYZE_AFTER = 500;

/** Checks a mapping against the file's headers; throws `import_invalid` with the reasons. */
export function checkMapping(headers: string[], mapping: ColumnMapping): void {
  const problems =
    mapping.length === headers.length
      ? mappingProblems(mapping)
      : [`Give one target per column (${headers.length} columns)`];
  if (problems.length)
    throw new AppError(
      'import_invalid',
      { reason: problems.join('; ') },
      problems.map((message) => ({ field: 'body.mapping', code: 'invalid', message })),
    );
}

export async function importCustomers(db: Db, actor: Actor, table: Table, opts: ImportOptions): Promise<ImportSummary> {
  const orgStores = await db
    .select({ id: stores.id, country: stores.country, locale: stores.locale })
    .from(stores)
    .where(eq(stores.orgId, actor.orgId));
  const store = orgStores.find((s) => s.id === opts.storeId);
  if (!store || !actor.storeIds.includes(store.id))
    throw new AppError('validation_failed', {}, [
      { field: 'storeId', code: 'unknown_store', message: 'Unknown store' },
    ]);
  const mapping = opts.mapping ?? proposeMapping(table.headers);
  checkMapping(table.headers, mapping);
  const locales = new Map(orgStores.map((s) => [s.id, s.locale]));
  const ctx = {
    storeId: store.id,
    country: store.country,
    locale: store.locale,
    today: opts.today ?? new Date().toISOString().slice(0, 10),
  };

  const total = table.rows.length;
  const candidates: Candidate[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of table.rows) {
    if (isEmptyRow(row, mapping)) continue;
    const r = rowToCandidate(row, mapping, ctx);
    if (r.candidate) candidates.push(r.candidate);
    else rejected.push(...r.errors);
  }
  const lookups = await lookUpCustomers(db, actor.orgId, candidates);
  const plan = planImport(candidates, lookups, actor, rejected);
  const summary: ImportSummary = {
    created: plan.actions.filter((a) => a.kind === 'create').length,
    updated: plan.actions.filter((a) => a.kind === 'update').length,
    unchanged: plan.unchanged.length,
    rejected: plan.rejected,
  };
  if (opts.dryRun) {
    await opts.onProgress?.(total, total);
    return summary;
  }

  const indexOfLine = new Map(table.rows.map((r, i) => [r.line, i]));
  const batchSize = opts.batchSize ?? DEFAULT_BATCH;
  const conflicts: RejectedRow[] = [];
  for (let i = 0; i < plan.actions.length; i += batchSize) {
    const batch = plan.actions.slice(i, i + batchSize);
    const creates = batch.filter((a): a is PlannedCreate => a.kind === 'create');
    const updates = batch.filter((a): a is PlannedUpdate => a.kind === 'update');
    conflicts.push(
      ...(await writeBatch(
        db,
        { actor, storeId: store.id, localeOf: (id) => locales.get(id) ?? store.locale },
        creates,
        updates,
      )),
    );
    const lastLine = batch.at(-1)!.candidate.line;
    await opts.onProgress?.(Math.min(total, (indexOfLine.get(lastLine) ?? total - 1) + 1), total);
  }
  // After a bulk load the planner's statistics are stale (PGlite has no autovacuum): refresh them so
  // the search box and the next import keep their index plans.
  if (plan.actions.length >= ANALYZE_AFTER)
    await db.execute(sql`analyze customers, customer_phones, customer_search_keys`);
  await opts.onProgress?.(total, total);
  summary.updated -= conflicts.length;
  summary.rejected = [...plan.rejected, ...conflicts].sort((a, b) => a.line - b.line);
  return summary;
}
