// `keqing import customers` end to end, on an embedded data folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client';
import { usesPostgres } from '../helpers/db';
import { runCli } from '../helpers/cli';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

describe.skipIf(usesPostgres())('keqing import customers', () => {
  it('prints the summary as JSON, is idempotent, and exits 0 even with rejected rows', async () => {
    const data = mkdtempSync(join(tmpdir(), 'keqing-import-'));
    const env = { KEQING_DATA_DIR: data };
    // The very first start prints the owner's password: with --json it must not reach stdout.
    const first = await runCli(
      ['import', 'customers', fixture('customers-gb18030.csv'), '--store', 'MAIN', '--json'],
      env,
    );
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ created: 5, updated: 0, unchanged: 0, rejected: [] });
    expect(first.stderr).toContain('password');

    const again = await runCli(['import', 'customers', fixture('customers.xlsx'), '--store', 'MAIN', '--json'], env);
    expect(JSON.parse(again.stdout)).toEqual({ created: 0, updated: 0, unchanged: 5, rejected: [] });

    const dry = await runCli(
      ['import', 'customers', fixture('customers-messy.csv'), '--store', 'MAIN', '--dry-run', '--json'],
      env,
    );
    expect(dry.code, dry.stderr).toBe(0);
    const planned = JSON.parse(dry.stdout) as {
      created: number;
      rejected: Array<{ line: number; field: string; message: string }>;
    };
    expect(planned.created).toBe(4);
    expect(planned.rejected.map((r) => `${r.line}:${r.field}`)).toEqual([
      '4:birthday',
      '5:phone',
      '6:name',
      '7:memberNo',
      '8:referredBy',
      '11:birthday',
      '13:email',
      '14:gender',
    ]);
    expect(planned.rejected[0]).toEqual({
      line: 4,
      field: 'birthday',
      message: '"2023-02-30" is not a real date (2023-02 has no day 30)',
    });

    const real = await runCli(['import', 'customers', fixture('customers-messy.csv'), '--store', 'MAIN'], env);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toContain('Created 4, updated 0, unchanged 0, rejected 8.');
    expect(real.stdout).toContain('line 7, memberNo: The same member number is already on line 2');
    expect(real.stderr).not.toContain('['); // no progress bar when stderr is not a terminal

    const db = await openDatabase({ dataDir: data });
    try {
      const customers = await db.db.query.customers.findMany();
      expect(customers.map((c) => c.memberNo).sort()).toEqual([
        'A001',
        'A002',
        'A003',
        'A004',
        'A005',
        'M001',
        'M007',
        'M012',
        'VIPABC',
      ]);
      const audit = (await db.db.query.auditEvents.findMany()).filter((e) => e.action === 'customers.imported');
      expect(audit.map((e) => e.details)).toEqual([
        expect.objectContaining({ created: 5, rejected: 0, encoding: 'gb18030', via: 'cli' }),
        expect.objectContaining({ created: 0, unchanged: 5, format: 'xlsx', via: 'cli' }),
        expect.objectContaining({ created: 4, rejected: 8, format: 'csv', via: 'cli' }),
      ]);
    } finally {
      await db.close();
    }
  }, 120_000); // four CLI processes, each opening the embedded database

  it('exits 2 on an unreadable file or an unknown store', async () => {
    const data = mkdtempSync(join(tmpdir(), 'keqing-import-'));
    const env = { KEQING_DATA_DIR: data };
    const missing = await runCli(['import', 'customers', join(data, 'nope.csv'), '--store', 'MAIN'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const old = join(data, 'old.xls');
    writeFileSync(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    const xls = await runCli(['import', 'customers', old, '--store', 'MAIN'], env);
    expect(xls.code).toBe(2);
    expect(xls.stderr).toContain('save it as .xlsx or CSV');
    const store = await runCli(
      ['import', 'customers', fixture('customers-utf8.csv'), '--store', 'NOPE', '--json'],
      env,
    );
    expect(store.code).toBe(2);
    expect(store.stderr).toContain('Unknown store code: NOPE');
    expect(store.stdout).toBe('');
  }, 60_000);
});
