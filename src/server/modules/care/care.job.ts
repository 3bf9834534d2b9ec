// The care engine's background jobs.
// - care-daily: every 15 minutes, each store whose local day has begun (06:00 store time) and has no
//   finished job run for that day gets its tasks generated. Idempotent: a run cut short by a restart is
//   simply done again, and finds what the first one wrote.
// - care-escalation: every 30 minutes, overdue open tasks go to the store manager (once).
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { localDateOf } from '../../../domain/care';
import { zonedParts } from '../../../domain/care/dates';
import { rows, type Database } from '../../db/client';
import { recordJobRun, type Job } from '../../jobs/scheduler';
import { escalateOverdueTasks } from './escalation';
import { loadStores } from './run-context';
import { generateCareTasks } from './generate';

/** Local hour from which a store's tasks of the day are generated. */
export const DAILY_START_MINUTES = 6 * 60;

async function organisations(database: Database): Promise<string[]> {
  return (await rows<{ org_id: string }>(database.db, sql`select org_id from organizations order by org_id`)).map(
    (o) => o.org_id,
  );
}

/** One pass of the daily job: returns the stores it generated for. */
export async function runDailyCare(database: Database, log?: FastifyBaseLogger, now = new Date()) {
  const done: Array<{ orgId: string; storeCode: string; date: string; created: number }> = [];
  for (const orgId of await organisations(database)) {
    for (const store of await loadStores(database.db, orgId)) {
      if (zonedParts(now, store.timezone).minutes < DAILY_START_MINUTES) continue;
      const date = localDateOf(now, store.timezone);
      const [ran] = await rows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from care_runs where org_id = ${orgId} and store_id = ${store.id}
            and run_date = ${date}::date and source = 'job' and finished_at is not null`,
      );
      if (ran!.n > 0) continue;
      const startedAt = new Date();
      try {
        const r = await generateCareTasks(database, { orgId, storeId: store.id, date, source: 'job' });
        await recordJobRun(database, {
          orgId,
          job: 'care-daily',
          startedAt,
          status: 'ok',
          detail: { store: store.code, date, created: r.created, unchanged: r.unchanged, suppressed: r.suppressed },
        });
        done.push({ orgId, storeCode: store.code, date, created: r.created });
        log?.info({ store: store.code, date, created: r.created }, 'care: tasks of the day generated');
      } catch (err) {
        await recordJobRun(database, {
          orgId,
          job: 'care-daily',
          startedAt,
          status: 'failed',
          detail: { store: store.code, date, error: (err as Error).message },
        });
        throw err;
      }
    }
  }
  return done;
}

export async function runEscalation(database: Database, now = new Date()) {
  let escalated = 0;
  for (const orgId of await organisations(database)) {
    escalated += (await escalateOverdueTasks(database.db, { orgId, now })).escalated;
  }
  return escalated;
}

export const careDailyJob: Job = {
  name: 'care-daily',
  everyMs: 15 * 60_000,
  firstDelayMs: 90_000,
  run: async (database, log) => {
    await runDailyCare(database, log);
  },
};

export const careEscalationJob: Job = {
  name: 'care-escalation',
  everyMs: 30 * 60_000,
  firstDelayMs: 120_000,
  run: async (database, log) => {
    const n = await runEscalation(database);
    if (n) log.info({ escalated: n }, 'care: overdue tasks escalated to store managers');
  },
};
