// Background work the server does on its own (recompute, care tasks, the outbox, reviews): each job
// runs on a timer, never twice at once in one process, and — on PostgreSQL with several app
// instances — never twice at once across instances, thanks to a transaction-scoped advisory lock.
// Jobs must be idempotent: a run cut short by a restart is simply done again by the next tick.
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client';
import { jobRuns } from '../db/schema';

export type Job = {
  /** Stable name: also the advisory-lock key, and what job_runs records. */
  name: string;
  everyMs: number;
  /** Delay before the first run after start (default: one minute, so start-up stays quick). */
  firstDelayMs?: number;
  /**
   * `cluster` (default): one run at a time across all instances (advisory lock). `process`: one at a
   * time per process only — for jobs that share work between instances themselves (the outbox sender
   * claims rows with FOR UPDATE SKIP LOCKED), where a cluster lock would idle every instance but one.
   */
  lock?: 'cluster' | 'process';
  run(database: Database, log: FastifyBaseLogger): Promise<void>;
};

export type LockResult<T> = { ran: true; value: T } | { ran: false };

const runningHere = new Set<string>();

/**
 * Runs `fn` only if no other process (PostgreSQL) or task in this process (both) holds the lock named
 * `name`; otherwise returns `{ ran: false }` at once. On PostgreSQL the lock is a
 * `pg_try_advisory_xact_lock` held by one pooled connection for the duration of `fn`; `fn` itself
 * uses the pool as usual. PGlite has one process per data folder, so the in-process guard suffices.
 */
export async function withJobLock<T>(database: Database, name: string, fn: () => Promise<T>): Promise<LockResult<T>> {
  if (runningHere.has(name)) return { ran: false };
  runningHere.add(name);
  try {
    if (database.kind === 'pglite') return { ran: true, value: await fn() };
    let result: LockResult<T> = { ran: false };
    await database.db.transaction(async (tx) => {
      const got = (await tx.execute(
        sql`select pg_try_advisory_xact_lock(7402, hashtext(${name})) as ok`,
      )) as unknown as { rows: Array<{ ok: boolean }> };
      if (!got.rows[0]?.ok) return;
      result = { ran: true, value: await fn() };
    });
    return result;
  } finally {
    runningHere.delete(name);
  }
}

/** Runs `fn` unless the same job is already running in this process. */
export async function withProcessLock<T>(name: string, fn: () => Promise<T>): Promise<LockResult<T>> {
  if (runningHere.has(name)) return { ran: false };
  runningHere.add(name);
  try {
    return { ran: true, value: await fn() };
  } finally {
    runningHere.delete(name);
  }
}

/** Records one run of a job for an organisation (shown as "last run" in the UI, kept for support). */
export async function recordJobRun(
  database: Database,
  run: { orgId: string; job: string; startedAt: Date; status: 'ok' | 'failed' | 'skipped'; detail?: unknown },
): Promise<void> {
  await database.db.insert(jobRuns).values({
    orgId: run.orgId,
    job: run.job,
    startedAt: run.startedAt,
    finishedAt: new Date(),
    status: run.status,
    detail: (run.detail ?? {}) as Record<string, unknown>,
  });
}

/** Starts every job on its timer; returns a stop function (called on shutdown). */
export function scheduleJobs(database: Database, log: FastifyBaseLogger, jobs: Job[]): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    const tick = async () => {
      try {
        const run = () => job.run(database, log);
        await (job.lock === 'process' ? withProcessLock(job.name, run) : withJobLock(database, job.name, run));
      } catch (err) {
        log.warn({ job: job.name, err: { message: (err as Error).message } }, 'job failed; the next run retries');
      }
    };
    const first = setTimeout(() => void tick(), job.firstDelayMs ?? 60_000);
    const every = setInterval(() => void tick(), job.everyMs);
    first.unref();
    every.unref();
    timers.push(first, every);
  }
  return () => {
    for (const t of timers) clearTimeout(t);
  };
}
