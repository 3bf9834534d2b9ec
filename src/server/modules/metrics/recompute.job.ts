// The nightly recompute (ADR 0004): every hour the job looks for organisations whose last successful
// recompute is older than today (in the organisation's first store's time zone) and whose local time
// is past 02:00, and recomputes them one after the other. Restart-safe: a run cut short rolls back
// (recomputeAll is one transaction) and leaves no "ok" run, so the next tick does it again; several
// app instances are safe because the scheduler holds an advisory lock for the job.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { rows } from '../../db/client';
import { recordJobRun, withJobLock, type Job } from '../../jobs/scheduler';
import { recomputeAll, type RecomputeOptions, type RecomputeResult } from './metrics.service';

export const RECOMPUTE_JOB = 'recompute';
/** Local hour after which the nightly run may start (after the shops have closed their tills). */
export const NIGHTLY_HOUR = 2;

/** Organisations due for their nightly recompute now. */
export async function organisationsDue(database: Database, now = new Date()): Promise<string[]> {
  const due = await rows<{ org_id: string }>(
    database.db,
    sql`
    with tz as (
      select distinct on (s.org_id) s.org_id, s.timezone from stores s order by s.org_id, s.created_at, s.id
    )
    select tz.org_id from tz
    where extract(hour from (${now.toISOString()}::timestamptz at time zone tz.timezone)) >= ${NIGHTLY_HOUR}
      and not exists (
        select 1 from job_runs j where j.org_id = tz.org_id and j.job = ${RECOMPUTE_JOB} and j.status = 'ok'
          and (j.started_at at time zone tz.timezone)::date = (${now.toISOString()}::timestamptz at time zone tz.timezone)::date)`,
  );
  return due.map((d) => d.org_id);
}

/** One recorded recompute of an organisation (the job, the CLI and the API all come through here). */
export async function runRecompute(
  database: Database,
  orgId: string,
  options: RecomputeOptions & { startedAt?: Date } = {},
): Promise<RecomputeResult> {
  const startedAt = options.startedAt ?? new Date();
  try {
    const result = await recomputeAll(database, orgId, options);
    await recordJobRun(database, { orgId, job: RECOMPUTE_JOB, startedAt, status: 'ok', detail: result });
    return result;
  } catch (err) {
    await recordJobRun(database, {
      orgId,
      job: RECOMPUTE_JOB,
      startedAt,
      status: 'failed',
      detail: { error: (err as Error).message },
    });
    throw err;
  }
}

/** The same under the cluster-wide lock: `null` when another instance or task is already recomputing. */
export async function runRecomputeLocked(
  database: Database,
  orgId: string,
  options: RecomputeOptions = {},
): Promise<RecomputeResult | null> {
  const r = await withJobLock(database, RECOMPUTE_JOB, () => runRecompute(database, orgId, options));
  return r.ran ? r.value : null;
}

/** Runs every due organisation; what it did, for the tests and the log. */
export async function runNightlyRecompute(database: Database, now = new Date()): Promise<string[]> {
  const due = await organisationsDue(database, now);
  for (const orgId of due) await runRecompute(database, orgId, { startedAt: now });
  return due;
}

export const recomputeJob: Job = {
  name: RECOMPUTE_JOB,
  everyMs: 60 * 60 * 1000,
  firstDelayMs: 5 * 60 * 1000,
  run: async (database, log) => {
    const done = await runNightlyRecompute(database);
    if (done.length) log.info({ job: RECOMPUTE_JOB, organisations: done.length }, 'nightly recompute done');
  },
};
