import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, loginAs, OWNER, type TestApp } from '../../../test/helpers/app';
import { createTestDatabase } from '../../../test/helpers/db';
import { RestoreError, restoreBackup, writeBackup } from './backup';
import { rows } from './client';

let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'keqing-backup-'));

function body(file: string): string[] {
  // Everything but the header line, whose createdAt differs between two backups.
  return gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n').slice(1);
}

beforeAll(async () => {
  t = await createTestApp();
  const owner = await loginAs(t.app, OWNER.email, OWNER.password);
  await owner.post('/api/regions', { code: 'TW', name: '台灣' });
  await owner.post('/api/stores', {
    code: 'TPE',
    name: '台北店',
    country: 'TW',
    currency: 'TWD',
    timezone: 'Asia/Taipei',
    locale: 'zh-TW',
  });
  await owner.post('/api/users', {
    email: 'a@test.example',
    displayName: '阿美',
    role: 'staff',
    password: 'staff-password-1',
    storeIds: [t.mainStoreId],
  });
  await owner.post('/api/tokens', { name: 'POS' });
});
afterAll(() => t.close());

describe('backup and restore', () => {
  it('round-trips: a restored database backs up to the same rows', async () => {
    const first = join(dir, 'first.kqb');
    const summary = await writeBackup(t.database.db, first);
    expect(summary.tables.users).toBe(2);
    expect(summary.tables.audit_events).toBeGreaterThan(5);

    const target = await createTestDatabase();
    try {
      const restored = await restoreBackup(target.db, first);
      expect(restored).toEqual(Object.fromEntries(Object.entries(summary.tables).filter(([, n]) => n > 0)));
      const second = join(dir, 'second.kqb');
      await writeBackup(target.db, second);
      expect(body(second)).toEqual(body(first));
      // The restored copy works: the owner can log in with the same password.
      const [u] = await rows<{ email: string }>(target.db, sql`select email from users where role = 'owner'`);
      expect(u?.email).toBe(OWNER.email);
    } finally {
      await target.close();
    }
  });

  it('refuses to restore over existing data', async () => {
    const file = join(dir, 'again.kqb');
    await writeBackup(t.database.db, file);
    await expect(restoreBackup(t.database.db, file)).rejects.toThrow(RestoreError);
  });

  it('refuses a cut-short file and applies nothing', async () => {
    const full = join(dir, 'full.kqb');
    await writeBackup(t.database.db, full);
    const lines = gunzipSync(readFileSync(full)).toString('utf8').trim().split('\n');
    const cut = join(dir, 'cut.kqb');
    writeFileSync(cut, gzipSync(lines.slice(0, -3).join('\n') + '\n'));
    const target = await createTestDatabase();
    try {
      await expect(restoreBackup(target.db, cut)).rejects.toThrow(/incomplete/);
      const [n] = await rows<{ n: number }>(target.db, sql`select count(*)::int as n from organizations`);
      expect(n?.n).toBe(0);
    } finally {
      await target.close();
    }
  });
});
