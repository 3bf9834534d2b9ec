// A fresh, migrated database per test file: in-memory PGlite, or a throw-away database on the
// PostgreSQL server in TEST_DATABASE_URL when the suite runs in the `postgres` project.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/client';

export const usesPostgres = () => process.env.KEQING_TEST_DB === 'postgres';

export async function createTestDatabase(): Promise<Database> {
  if (!usesPostgres()) {
    const database = await openDatabase({ inMemory: true });
    await database.migrate();
    return database;
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('KEQING_TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `keqing_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
