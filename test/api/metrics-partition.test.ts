// The swap of an organisation's customer_metrics partition (ADR 0012) waits for readers in short
// attempts instead of queueing every later reader behind it for as long as a report runs.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockForSwap } from '../../src/server/modules/metrics/metrics-partition';
import { createTestApp, type TestApp } from '../helpers/app';
import { usesPostgres } from '../helpers/db';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** A reader holding customer_metrics (a report) for `ms`, in a connection of its own. */
function readerFor(ms: number): Promise<void> {
  return t.database.db.transaction(async (tx) => {
    await tx.execute(sql`lock table customer_metrics in access share mode`);
    await tx.execute(sql`select pg_sleep(${ms / 1000})`);
  });
}

const started = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(usesPostgres())('the partition swap on PostgreSQL', () => {
  it('waits out a short reader by trying again', async () => {
    const reader = readerFor(400);
    await started(100);
    const t0 = Date.now();
    await t.database.db.transaction(async (tx) => {
      await lockForSwap(tx, true, { timeoutMs: 150, attempts: 10 });
    });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(200);
    await reader;
  });

  it('gives up with a lock timeout when a reader outlasts every attempt, and the transaction stays usable', async () => {
    const reader = readerFor(1500);
    await started(100);
    let code: string | undefined;
    await t.database.db.transaction(async (tx) => {
      try {
        await lockForSwap(tx, true, { timeoutMs: 100, attempts: 3 });
      } catch (e) {
        const err = e as { code?: string; cause?: { code?: string } };
        code = err.code ?? err.cause?.code;
      }
      // Each attempt was a savepoint: the transaction itself was not aborted.
      await tx.execute(sql`select 1`);
    });
    expect(code).toBe('55P03');
    await reader;
  });
});
