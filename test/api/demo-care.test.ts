// The demo brand leaves every guide a believable list for today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/server/db/client';
import { seedDemoCare } from '../../src/server/demo/care';
import { generateDemo } from '../../src/server/demo/generate';
import { listTasks, loadStores } from '../../src/server/modules/care';
import { localDateOf } from '../../src/domain/care';
import type { GenerateResult } from '../../src/server/modules/care';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
let care: GenerateResult;
const now = new Date();

beforeAll(async () => {
  t = await createTestApp();
  await generateDemo(t.database.db, t.orgId, t.mainStoreId, { customers: 300, purchases: 1500, stores: 3, seed: 5 });
  care = await seedDemoCare(t.database, t.orgId, now);
}, 120_000);
afterAll(() => t.close());

describe('demo care', () => {
  it('gives every guide of every store tasks for today, with birthdays and after-purchase calls', async () => {
    expect(care.byRule.birthday).toBeGreaterThan(0);
    expect(care.byRule.after_purchase_call).toBeGreaterThan(0);
    for (const store of await loadStores(t.database.db, t.orgId)) {
      const today = localDateOf(now, store.timezone);
      const guides = await rows<{ id: string }>(
        t.database.db,
        sql`select u.id from users u join user_stores us on us.user_id = u.id where us.store_id = ${store.id} and u.role = 'staff'`,
      );
      expect(guides.length).toBeGreaterThan(0);
      for (const g of guides) {
        const list = await listTasks(t.database.db, {
          orgId: t.orgId,
          viewer: { userId: g.id, role: 'staff', storeIds: [store.id] },
          view: 'today',
          scope: 'mine',
          date: today,
        });
        expect(list.items.length, `${store.code} guide ${g.id}`).toBeGreaterThanOrEqual(2);
        expect(list.items[0]!.reasons[0]!.text).not.toMatch(/^care\./);
      }
    }
  });

  it('running the day again creates nothing new', async () => {
    const again = await seedDemoCare(t.database, t.orgId, now);
    expect(again.created).toBe(0);
  });
});
