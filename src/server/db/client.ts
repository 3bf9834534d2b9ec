// Opens the database: embedded PGlite in a folder by default, PostgreSQL when a URL is given.
// Both speak the same dialect, so the same Drizzle schema, migrations and queries serve both.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';
import { lockDataDir } from './lock';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

// Several app instances may start at once against one PostgreSQL: only one migrates at a time.
const MIGRATION_LOCK_KEY = 7_401_001;

export type OpenOptions = { url?: string; dataDir?: string; inMemory?: boolean; poolSize?: number };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10);
  if (opts.inMemory) return openPglite(undefined, () => {});
  if (!opts.dataDir) throw new Error('openDatabase needs a url, a dataDir or inMemory');
  const unlock = lockDataDir(opts.dataDir);
  try {
    return await openPglite(join(opts.dataDir, 'pg'), unlock);
  } catch (err) {
    unlock();
    throw err;
  }
}

async function openPglite(dir: string | undefined, unlock: () => void): Promise<Database> {
  const client = dir ? await PGlite.create(dir) : await PGlite.create();
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    async close() {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  // JIT off: the app's queries are short, and a segment count's correlated probes inflate the planner's
  // cost estimate past the JIT thresholds, so it spent ~100 ms compiling for a ~250 ms query.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c jit=off' });
  pool.on('error', () => {}); // an idle client dropped by the server; the pool replaces it
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  await db.execute(sql`select 1`); // fail fast with a clear error if the server is unreachable
  return {
    db,
    kind: 'postgres',
    async migrate() {
      const lockClient = await pool.connect();
      try {
        await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        lockClient.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Rows of a raw SQL query, whichever driver ran it. */
export async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
