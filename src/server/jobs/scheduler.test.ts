import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, usesPostgres } from '../../../test/helpers/db';
import { openDatabase, rows, type Database } from '../db/client';
import { withJobLock, withProcessLock } from './scheduler';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
};

describe('withJobLock', () => {
  it('runs a job once at a time in a process; a second attempt is skipped, not queued', async () => {
    const g = gate();
    const first = withJobLock(database, 'recompute', async () => {
      await g.opened;
      return 'first';
    });
    const second = await withJobLock(database, 'recompute', async () => 'second');
    expect(second).toEqual({ ran: false });
    expect(await withJobLock(database, 'other-job', async () => 'other')).toEqual({ ran: true, value: 'other' });
    g.open();
    expect(await first).toEqual({ ran: true, value: 'first' });
    expect(await withJobLock(database, 'recompute', async () => 'again')).toEqual({ ran: true, value: 'again' });
  });

  it.runIf(usesPostgres())('keeps a second app instance on the same PostgreSQL out while one runs', async () => {
    const [{ name }] = (await rows<{ name: string }>(database.db, sql`select current_database() as name`)) as [
      { name: string },
    ];
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const otherInstance = await openDatabase({ url: url.toString(), poolSize: 2 });
    try {
      const g = gate();
      const first = withJobLock(database, 'care-tasks', async () => {
        await g.opened;
        return 1;
      });
      await new Promise((r) => setTimeout(r, 100)); // let the first take the lock
      expect(await withJobLock(otherInstance, 'care-tasks', async () => 2)).toEqual({ ran: false });
      g.open();
      expect(await first).toEqual({ ran: true, value: 1 });
      expect(await withJobLock(otherInstance, 'care-tasks', async () => 3)).toEqual({ ran: true, value: 3 });
    } finally {
      await otherInstance.close();
    }
  });
});

describe('withProcessLock', () => {
  it('keeps one run at a time per process, without a database lock (for jobs that share work between instances)', async () => {
    const g = gate();
    const first = withProcessLock('outbox-sender', async () => {
      await g.opened;
      return 'first';
    });
    expect(await withProcessLock('outbox-sender', async () => 'second')).toEqual({ ran: false });
    if (usesPostgres()) {
      const [held] = await rows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from pg_locks where locktype = 'advisory'`,
      );
      expect(held?.n).toBe(0); // another instance's sender is not kept out
    }
    g.open();
    expect(await first).toEqual({ ran: true, value: 'first' });
  });
});
