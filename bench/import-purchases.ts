// Importing POS purchase lines on PostgreSQL against a plain COPY of the same rows into a scratch table,
// in the same run (issue 4: the import should reach at least half the speed of COPY while validating,
// matching customers and updating their aggregates). Needs BENCH_DATABASE_URL; a throw-away database is
// created and dropped. BENCH_PURCHASE_LINES (default 1,000,000) and BENCH_IMPORT_CUSTOMERS scale it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
import { prng } from '../src/server/demo/names';
import { stores } from '../src/server/db/schema';
import { openTableStream } from '../src/server/modules/imports/stream-table';
import { importPurchases } from '../src/server/modules/imports/purchases/purchase-import';
import { ensureBootstrapped } from '../src/server/modules/org/bootstrap';

export async function benchImportPurchases(): Promise<Record<string, unknown>> {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) return { skipped: 'set BENCH_DATABASE_URL=postgres://… to run the purchase-import benchmark' };
  const lines = Number(process.env.BENCH_PURCHASE_LINES ?? 1_000_000);
  const customerCount = Number(process.env.BENCH_IMPORT_CUSTOMERS ?? 100_000);
  const name = `keqing_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), 'keqing-bench-import-'));
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  try {
    await database.migrate();
    const config = loadConfig({
      KEQING_ADMIN_EMAIL: 'bench@example.com',
      KEQING_ADMIN_PASSWORD: 'bench-password-1',
      LOG_LEVEL: 'silent',
    });
    const boot = await ensureBootstrapped(database.db, config);
    if (!boot.created) throw new Error('fresh database expected');
    const t0 = performance.now();
    // The customers the export names (member numbers D3000001…), inserted directly: the setup is not measured.
    await database.db.execute(sql`
      insert into customers (org_id, store_id, member_no, family_name, display_name, source)
      select ${boot.orgId}, ${boot.storeId}, 'D3' || lpad(g::text, 6, '0'), '顾', '顾客' || g, 'import'
      from generate_series(1, ${customerCount}::int) g`);
    const setupSeconds = (performance.now() - t0) / 1000;

    // The POS export: receipts of 1–3 lines for known member numbers.
    const r = prng(11);
    const out: string[] = ['receipt_no,date,member_no,style_no,product,qty,price,amount'];
    let n = 0;
    let receipt = 0;
    while (n < lines) {
      receipt++;
      const member = `D3${String(1 + Math.floor(r() * customerCount)).padStart(6, '0')}`;
      const day = `2025-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
      const k = Math.min(lines - n, 1 + Math.floor(r() * 3));
      for (let j = 0; j < k; j++) {
        const price = 100 + Math.floor(r() * 3000);
        out.push(`B${receipt},${day},${member},ST-${Math.floor(r() * 500)},Item ${j},1,${price},${price}`);
      }
      n += k;
    }
    const file = join(dir, 'pos.csv');
    writeFileSync(file, out.join('\n') + '\n');
    out.length = 0; // the export is on disk: its million strings must not weigh on the import's GC

    // Baseline: COPY of the same rows into a scratch table, through psql.
    await database.db.execute(
      sql`create unlogged table scratch_copy (receipt_no text, date text, member_no text, style_no text, product text, qty text, price text, amount text)`,
    );
    const c0 = performance.now();
    const copy = spawnSync('psql', [url.toString(), '-q', '-c', `\\copy scratch_copy from '${file}' csv header`], {
      encoding: 'utf8',
    });
    const copySeconds = (performance.now() - c0) / 1000;
    if (copy.status !== 0) throw new Error(`psql \\copy failed: ${copy.stderr}`);

    const [store] = await database.db
      .select()
      .from(stores)
      .where(sql`id = ${boot.storeId}`);
    const i0 = performance.now();
    const table = await openTableStream(file, 'pos.csv');
    const summary = await importPurchases(
      database.db,
      { principal: null, userId: null, orgId: boot.orgId, storeIds: [store!.id] },
      table,
      { storeId: store!.id, createCustomers: false, dryRun: false },
    );
    const importSeconds = (performance.now() - i0) / 1000;
    const copyRate = Math.round(lines / copySeconds);
    const importRate = Math.round(lines / importSeconds);
    return {
      lines,
      customers: customerCount,
      setupSeconds: Math.round(setupSeconds),
      receipts: summary.created,
      rejected: summary.rejected.length,
      copy: { seconds: Math.round(copySeconds * 10) / 10, rowsPerSecond: copyRate },
      import: {
        seconds: Math.round(importSeconds * 10) / 10,
        rowsPerSecond: importRate,
        note: 'in-process service: stream-read + validate + stage (COPY) + match + write + aggregates, one transaction',
      },
      ratio: Math.round((importRate / copyRate) * 100) / 100,
      target: 0.5,
    };
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
