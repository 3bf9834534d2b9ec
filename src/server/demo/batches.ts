// Multi-row inserts in batches small enough for the parameter limit.
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';

export async function insertBatches<T extends PgTable>(db: Db, table: T, rows: Array<T['$inferInsert']>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size) as never);
}
