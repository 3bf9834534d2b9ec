// Housekeeping the server does on its own: expired sessions and old throttle rows go, idempotency keys
// expire after a week, and on the embedded database (which has no autovacuum daemon) planner statistics
// are refreshed so joins keep their good plans as the data grows.
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client';
import { purgeIdempotencyKeys } from '../modules/purchases/idempotency';

export async function runMaintenance(database: Database): Promise<void> {
  const db = database.db;
  await db.execute(sql`delete from sessions where expires_at < now()`);
  await db.execute(sql`delete from login_attempts where at < now() - interval '1 day'`);
  await purgeIdempotencyKeys(db);
  if (database.kind === 'pglite') await db.execute(sql`analyze`);
}

/** Runs maintenance shortly after start and then every `everyMs`; returns a stop function. */
export function scheduleMaintenance(database: Database, log: FastifyBaseLogger, everyMs = 60 * 60 * 1000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runMaintenance(database);
    } catch (err) {
      log.warn({ err: { message: (err as Error).message } }, 'maintenance failed; will retry');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 30_000);
  const timer = setInterval(() => void tick(), everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
