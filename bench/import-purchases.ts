// Importing POS purchase lines on PostgreSQL against a plain COPY of the same rows into a scratch table,
// in the same run (issue 4: the import should reach at least half the speed of COPY while validating,
// matching customers and updating their aggregates). Needs BENCH_DATABASE_URL; a throw-away database is
// created and dropped. BENCH_PURCHASE_LINES (default 1,000,000) and BENCH_IMPORT_CUSTOMERS scale it.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
import { prng } from '../src/server/demo/names';
import { rows, type Db } from '../src/server/db/client';
import { stores } from '../src/server/db/schema';
import { toMinor } from '../src/domain/money';
import { zonedToUtc } from '../src/server/modules/imports/purchases/purchase-rows';
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
    // A store's customer table has statistics (autovacuum analyses it); a fresh one would not have them yet.
    await database.db.execute(sql`analyze customers`);
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

    // The floor: the same rows COPYed straight into the real receipts and receipt_lines (their primary
    // keys, indexes and foreign keys, products already there), i.e. what any import that stores these
    // rows must pay at least. Building the two files (the customer and product ids looked up, totals
    // summed, instants in the store's zone) is not measured; the tables are emptied before the import.
    const floor = await copyIntoRealTables(database.db, url.toString(), dir, file, boot.orgId, store!);
    const floorRate = Math.round(lines / floor.seconds);

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
      floor: {
        seconds: Math.round(floor.seconds * 10) / 10,
        receiptsSeconds: Math.round(floor.receiptsSeconds * 10) / 10,
        linesSeconds: Math.round(floor.linesSeconds * 10) / 10,
        rowsPerSecond: floorRate,
        ratioToCopy: Math.round((floorRate / copyRate) * 100) / 100,
        importRatioToFloor: Math.round((importRate / floorRate) * 100) / 100,
        note: 'psql \\copy of the same rows into receipts + receipt_lines (PKs, indexes, FKs), no validation or aggregates',
      },
    };
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP_DB) console.error(`kept database ${name}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

function psqlCopy(url: string, command: string): number {
  const t0 = performance.now();
  const r = spawnSync('psql', [url, '-q', '-c', command], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql ${command} failed: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

async function copyIntoRealTables(
  db: Db,
  url: string,
  dir: string,
  csv: string,
  orgId: string,
  store: typeof stores.$inferSelect,
): Promise<{ seconds: number; receiptsSeconds: number; linesSeconds: number }> {
  const customerOf = new Map(
    (
      await rows<{ member_no: string; id: string }>(
        db,
        sql`select member_no, id from customers where org_id = ${orgId}`,
      )
    ).map((c) => [c.member_no, c.id]),
  );
  // The products the import would create (one per style), so that the lines carry their product_id.
  await db.execute(sql`
    insert into products (org_id, style_no, name, currency)
    select distinct ${orgId}::uuid, style_no, min(product), ${store.currency} from scratch_copy group by style_no`);
  const productOf = new Map(
    (
      await rows<{ style_no: string; id: string }>(db, sql`select style_no, id from products where org_id = ${orgId}`)
    ).map((p) => [p.style_no, p.id]),
  );
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(csv, 'utf8');
  const receiptsOut: string[] = [];
  const linesOut: string[] = [];
  const instant = new Map<string, string>();
  let current: {
    no: string;
    id: string;
    at: string;
    customer: string;
    lines: number;
    list: number;
    paid: number;
  } | null = null;
  const flush = () => {
    if (!current) return;
    const c = current;
    receiptsOut.push(
      [c.id, orgId, store.id, c.customer, c.no, 'sale', c.at, store.currency, c.list, 0, c.paid, 'import'].join('\t') +
        '\n',
    );
  };
  let start = text.indexOf('\n') + 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const [no, day, member, style, product, qty, price, amount] = text.slice(start, end).split(',');
    start = end + 1;
    if (!no) continue;
    if (!current || current.no !== no) {
      flush();
      let at = instant.get(day!);
      if (!at) instant.set(day!, (at = zonedToUtc(day!, '12:00:00', store.timezone)));
      current = { no, id: randomUUID(), at, customer: customerOf.get(member!)!, lines: 0, list: 0, paid: 0 };
    }
    const minor = (v: string) => toMinor(Number(v), store.currency);
    current.lines++;
    current.list += minor(price!) * Number(qty);
    current.paid += minor(amount!);
    linesOut.push(
      [
        orgId,
        current.id,
        current.lines,
        productOf.get(style!)!,
        style,
        product,
        Number(qty),
        minor(price!),
        0,
        minor(amount!),
      ].join('\t') + '\n',
    );
  }
  flush();
  const receiptsFile = join(dir, 'receipts.tsv');
  const linesFile = join(dir, 'lines.tsv');
  writeFileSync(receiptsFile, receiptsOut.join(''));
  writeFileSync(linesFile, linesOut.join(''));
  receiptsOut.length = 0;
  linesOut.length = 0;
  const receiptsSeconds = psqlCopy(
    url,
    `\\copy receipts (id, org_id, store_id, customer_id, receipt_no, kind, occurred_at, currency, total_list, total_discount, total_paid, source) from '${receiptsFile}'`,
  );
  const linesSeconds = psqlCopy(
    url,
    `\\copy receipt_lines (org_id, receipt_id, line_no, product_id, style_no, product_name, quantity, unit_list_price, discount, paid_amount) from '${linesFile}'`,
  );
  await db.execute(sql`truncate receipt_lines, receipts, products cascade`);
  const [left] = await rows<{ n: number }>(db, sql`select count(*)::int as n from customers where org_id = ${orgId}`);
  if (left!.n !== customerOf.size) throw new Error('truncating the floor tables must leave the customers');
  return { seconds: receiptsSeconds + linesSeconds, receiptsSeconds, linesSeconds };
}
