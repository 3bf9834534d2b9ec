import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, loginAs, OWNER, type TestApp } from '../../../test/helpers/app';
import { rows } from '../db/client';
import { runMaintenance } from './maintenance';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('maintenance', () => {
  it('removes expired sessions but keeps live ones', async () => {
    const live = await loginAs(t.app, OWNER.email, OWNER.password);
    await loginAs(t.app, OWNER.email, OWNER.password);
    await t.database.db.execute(
      sql`update sessions set expires_at = now() - interval '1 minute' where id = (select id from sessions order by created_at desc limit 1)`,
    );
    await runMaintenance(t.database);
    const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from sessions`);
    expect(n?.n).toBe(1);
    expect((await live.get('/api/auth/me')).statusCode).toBe(200);
  });
});
