// Housekeeping the server does on its own: expired sessions and old throttle rows go, idempotency keys
// expire after a week, and on the embedded database (which has no autovacuum daemon) planner statistics
// are refreshed so joins keep their good plans as the data grows.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { purgeIdempotencyKeys } from '../modules/purchases/idempotency';
import type { Job } from './scheduler';

export async function runMaintenance(database: Database): Promise<void> {
  const db = database.db;
  await db.execute(sql`delete from sessions where expires_at < now()`);
  await db.execute(sql`delete from login_attempts where at < now() - interval '1 day'`);
  await purgeIdempotencyKeys(db);
  if (database.kind === 'pglite') await db.execute(sql`analyze`);
}

/** Housekeeping every hour, starting half a minute after start. */
export const maintenanceJob: Job = {
  name: 'maintenance',
  everyMs: 60 * 60 * 1000,
  firstDelayMs: 30_000,
  run: (database) => runMaintenance(database),
};
