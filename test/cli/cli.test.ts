// The `keqing` command end to end, on an embedded data folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client';
import { usesPostgres } from '../helpers/db';
import { runCli, serve } from '../helpers/cli';

const tmp = () => mkdtempSync(join(tmpdir(), 'keqing-cli-'));

describe.skipIf(usesPostgres())('keqing CLI', () => {
  it('lists its commands', async () => {
    const r = await runCli(['--help'], {});
    expect(r.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'create-store', 'create-user', 'backup', 'restore'])
      expect(r.stdout).toContain(cmd);
  });

  it('migrates, bootstraps once with a printed password, creates a store and a user, backs up and restores', async () => {
    const data = tmp();
    const env = {
      KEQING_DATA_DIR: data,
      KEQING_STORE_COUNTRY: 'JP',
      KEQING_STORE_CURRENCY: 'JPY',
      KEQING_STORE_TIMEZONE: 'Asia/Tokyo',
      KEQING_STORE_LOCALE: 'ja',
    };
    const first = await runCli(['migrate'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('owner@example.com');
    expect(first.stdout).toMatch(/password: \S{4}-\S{4}-\S{4}-\S{4}/);
    const second = await runCli(['migrate'], env);
    expect(second.stdout).not.toContain('password:');

    const bad = await runCli(
      [
        'create-store',
        '--code',
        'OSA',
        '--name',
        '大阪店',
        '--country',
        'JP',
        '--currency',
        'yen',
        '--timezone',
        'Asia/Tokyo',
        '--locale',
        'ja',
      ],
      env,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--currency');
    const store = await runCli(
      [
        'create-store',
        '--code',
        'OSA',
        '--name',
        '大阪店',
        '--country',
        'JP',
        '--currency',
        'JPY',
        '--timezone',
        'Asia/Tokyo',
        '--locale',
        'ja',
      ],
      env,
    );
    expect(store.code, store.stderr).toBe(0);
    const user = await runCli(
      ['create-user', '--email', 'hanako@test.example', '--name', '花子', '--role', 'staff', '--stores', 'OSA'],
      env,
    );
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toMatch(/Password: \S+/);

    const file = join(data, '..', `${Date.now()}.kqb`);
    const backup = await runCli(['backup', file], env);
    expect(backup.code, backup.stderr).toBe(0);
    const target = tmp();
    const restore = await runCli(['restore', file], {
      ...env,
      KEQING_DATA_DIR: target,
      KEQING_ADMIN_PASSWORD: 'ignored-password',
    });
    expect(restore.code, restore.stderr).toBe(0);
    const db = await openDatabase({ dataDir: target });
    try {
      const stores = await db.db.query.stores.findMany();
      expect(stores.map((s) => s.code).sort()).toEqual(['MAIN', 'OSA']);
      expect(stores.find((s) => s.code === 'MAIN')?.currency).toBe('JPY');
      const users = await db.db.query.users.findMany();
      expect(users.map((u) => u.email).sort()).toEqual(['hanako@test.example', 'owner@example.com']);
    } finally {
      await db.close();
    }
  }, 120_000); // seven CLI processes, each opening and migrating the embedded database

  it('gives a clear error when a second process opens the same data folder', async () => {
    const data = tmp();
    const held = await openDatabase({ dataDir: data });
    try {
      const r = await runCli(['migrate'], { KEQING_DATA_DIR: data });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('already in use by another Keqing process');
    } finally {
      await held.close();
    }
    const after = await runCli(['migrate'], { KEQING_DATA_DIR: data });
    expect(after.code, after.stderr).toBe(0);
  });

  it('stops on SIGTERM after finishing in-flight requests, losing nothing it acknowledged', async () => {
    const data = tmp();
    const env = {
      KEQING_DATA_DIR: data,
      KEQING_ADMIN_EMAIL: 'o@test.example',
      KEQING_ADMIN_PASSWORD: 'owner-password-9',
    };
    const s = await serve(env);
    const base = `http://127.0.0.1:${s.port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'o@test.example', password: 'owner-password-9' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
    const writes = Array.from({ length: 15 }, (_, i) =>
      fetch(`${base}/api/regions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ code: `R${i}`, name: `区域${i}` }),
      })
        .then((r) => r.status)
        .catch(() => 0),
    );
    await new Promise((r) => setTimeout(r, 30));
    s.child.kill('SIGTERM');
    const statuses = await Promise.all(writes);
    expect(await s.stopped).toBe(0);
    expect(s.output()).toContain('stopped cleanly');
    const acknowledged = statuses.filter((st) => st === 201).length;
    expect(acknowledged).toBeGreaterThan(0);
    const db = await openDatabase({ dataDir: data });
    try {
      expect((await db.db.query.regions.findMany()).length).toBe(acknowledged);
    } finally {
      await db.close();
    }
  });
});
