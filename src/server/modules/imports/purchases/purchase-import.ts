// `keqing import purchases`: POS exports (one row per receipt line, or one row per receipt) become
// receipts, in ONE transaction so an import never half-applies (a dry run is the same work, rolled back).
//
//   1. read: the rows stream in (CSV is parsed chunk by chunk); each is parsed on its own (dates in the
//      store's zone, amounts in minor units, member number, phone → E.164, return marker) and streamed
//      into a temporary staging table — by COPY on PostgreSQL, by multi-row INSERTs on PGlite;
//   2. check, set-based in SQL over the staging table: receipts with a bad row, rows that disagree on the
//      date or the customer, sales mixed with returns, unknown categories; customers matched by member
//      number, then phone (unknown member numbers create a minimal customer with --create-customers);
//      receipt numbers already recorded for the store are "unchanged" (a re-import creates nothing);
//   3. write: products, receipts and their lines with INSERT … SELECT; returns are matched to the sale
//      lines they give back (few, one by one); customer_stats refreshed set-based; afterReceipts once.
import { once } from 'node:events';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ImportSummary } from '../../../../contracts/imports';
import type { Db } from '../../../db/client';
import { rows as sqlRows } from '../../../db/client';
import { stores } from '../../../db/schema';
import { AppError } from '../../../errors';
import { normalizePhones } from '../../customers/customers.input';
import { createCustomer, type Actor } from '../../customers/customers.service';
import { categoriesByKey } from '../../purchases/catalogue';
import { afterReceipts } from '../../purchases/receipt-hooks';
import { refreshStatsForQuery } from '../../purchases/stats';
import type { RowStream } from '../stream-table';
import { fileShape, purchaseMapping } from './purchase-headers';
import { parseLine, type LineRow, type Rejected } from './purchase-rows';

export type ImportPhase = 'read' | 'check' | 'write' | 'aggregates';

export type PurchaseImportOptions = {
  storeId: string;
  createCustomers: boolean;
  dryRun: boolean;
  /** Rows read while reading (total 0: not known yet), then steps done of the later phases. */
  onProgress?: (done: number, total: number, phase: ImportPhase) => void;
};

export type PurchaseImportSummary = ImportSummary & { lines: number; customersCreated: number; rows: number };

class DryRunDone extends Error {
  constructor(readonly summary: PurchaseImportSummary) {
    super('dry run');
  }
}

// The staging table's columns, in COPY order.
const STAGE_COLUMNS: Array<[string, string]> = [
  ['line', 'int'],
  ['line_no', 'int'],
  ['ok', 'boolean'],
  ['receipt_no', 'text'],
  ['day', 'text'],
  ['occurred_at', 'timestamptz'],
  ['member_no', 'text'],
  ['phone', 'text'],
  ['phone_e164', 'text'],
  ['customer_name', 'text'],
  ['style_no', 'text'],
  ['product_name', 'text'],
  ['category', 'text'],
  ['size', 'text'],
  ['colour', 'text'],
  ['quantity', 'int'],
  ['unit_price', 'bigint'],
  ['discount', 'bigint'],
  ['paid', 'bigint'],
  ['payment_method', 'text'],
  ['is_return', 'boolean'],
];
type StageValue = string | number | boolean | null;

function stageValues(r: LineRow, lineNo: number, e164: string | null): StageValue[] {
  return [
    r.line,
    lineNo,
    true,
    r.receiptNo,
    r.day,
    r.occurredAt,
    r.memberNo,
    r.phone,
    e164,
    r.customerName,
    r.styleNo,
    r.productName,
    r.category,
    r.size,
    r.colour,
    r.quantity,
    r.unitPrice,
    r.discount,
    r.paidAmount,
    r.paymentMethod,
    r.isReturn,
  ];
}

/** A bad row still stages its receipt number, so that the whole receipt is rejected. */
function badStageValues(line: number, receiptNo: string): StageValue[] {
  const v: StageValue[] = STAGE_COLUMNS.map(() => null);
  v[0] = line;
  v[2] = false;
  v[3] = receiptNo;
  return v;
}

// COPY text format: tab-separated, \N for null, backslash escapes.
const copyText = (v: StageValue): string => {
  if (v === null) return '\\N';
  if (typeof v !== 'string') return String(v);
  return /[\\\t\n\r]/.test(v)
    ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : v;
};

// write() returns a promise only when it flushed a batch (no await per row).
type StageWriter = { write(values: StageValue[]): Promise<void> | undefined; end(): Promise<void> };

/** PostgreSQL: one COPY stream on the transaction's own connection. */
function copyWriter(client: pg.ClientBase): StageWriter {
  const stream = client.query(copyFrom('copy purchase_stage from stdin'));
  const failed = new Promise<never>((_, reject) => stream.on('error', reject));
  failed.catch(() => {});
  let buf: string[] = [];
  const flush = async () => {
    if (!buf.length) return;
    const chunk = buf.join('');
    buf = [];
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
  };
  return {
    write(values) {
      buf.push(values.map(copyText).join('\t') + '\n');
      return buf.length >= 2000 ? flush() : undefined;
    },
    async end() {
      await flush();
      stream.end();
      await Promise.race([once(stream, 'finish'), failed]);
    },
  };
}

/** PGlite: multi-row INSERTs of 2,000 rows (one array parameter per column). */
function insertWriter(tx: Db): StageWriter {
  let batch: StageValue[][] = [];
  const flush = async () => {
    if (!batch.length) return;
    const cols = STAGE_COLUMNS.map(([, type], i) => sql`${sql.param(batch.map((r) => r[i]))}::${sql.raw(type)}[]`);
    batch = [];
    await tx.execute(sql`insert into purchase_stage select * from unnest(${sql.join(cols, sql`, `)})`);
  };
  return {
    write(values) {
      batch.push(values);
      return batch.length >= 2000 ? flush() : undefined;
    },
    end: flush,
  };
}

function pgClientOf(tx: Db): pg.ClientBase | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}

export async function importPurchases(
  db: Db,
  actor: Actor,
  table: RowStream,
  opts: PurchaseImportOptions,
): Promise<PurchaseImportSummary> {
  const [store] = await db
    .select()
    .from(stores)
    .where(and(eq(stores.orgId, actor.orgId), eq(stores.id, opts.storeId)));
  if (!store)
    throw new AppError('validation_failed', {}, [
      { field: 'storeId', code: 'unknown_store', message: 'Unknown store' },
    ]);
  const map = purchaseMapping(table.headers);
  const shape = fileShape(map);
  if (!shape)
    throw new AppError('import_invalid', {
      reason: `No receipt-number column, or neither products nor amounts. Columns: ${table.headers.join(', ')}`,
    });
  const categories = await categoriesByKey(db, actor.orgId);
  const timing = process.env.KEQING_IMPORT_TIMING
    ? (label: string) => console.error(`${label} ${Math.round(performance.now() - t0)} ms`)
    : () => {};
  const t0 = performance.now();
  try {
    return await db.transaction(async (tx) => {
      const summary = await run(tx, actor, store, table, map, shape, categories, opts, timing);
      if (opts.dryRun) throw new DryRunDone(summary);
      return summary;
    });
  } catch (err) {
    if (err instanceof DryRunDone) return err.summary;
    throw err;
  }
}

async function run(
  tx: Db,
  actor: Actor,
  store: typeof stores.$inferSelect,
  table: RowStream,
  map: ReturnType<typeof purchaseMapping>,
  shape: NonNullable<ReturnType<typeof fileShape>>,
  categories: Awaited<ReturnType<typeof categoriesByKey>>,
  opts: PurchaseImportOptions,
  timing: (label: string) => void,
): Promise<PurchaseImportSummary> {
  const progress = opts.onProgress ?? (() => {});
  const org = actor.orgId;
  const cols = sql.raw(STAGE_COLUMNS.map(([n, t]) => `${n} ${t}`).join(', '));
  // Temporary tables live in the session's own buffers (8 MB by default): a million staged rows thrash
  // them. The size can only be raised before the session's first temporary table, hence the savepoint.
  if (process.env.KEQING_IMPORT_TEMP_BUFFERS !== '0')
    await tx
      .transaction(async (sp) => {
        await sp.execute(sql`set local temp_buffers = '256MB'`);
      })
      .catch(() => {});
  await tx.execute(sql`create temp table purchase_stage (${cols}) on commit drop`);
  // Hash joins and aggregates over a million staged rows stay in memory.
  await tx.execute(sql`set local work_mem = '256MB'`);

  // 1. Read and stage.
  const rejected: Rejected[] = [];
  const ctx = { currency: store.currency, timeZone: store.timezone };
  const e164Of = new Map<string, string | null>();
  const lineCount = new Map<string, number>();
  const client = pgClientOf(tx);
  const writer = client ? copyWriter(client) : insertWriter(tx);
  let read = 0;
  for await (const r of table.rows) {
    read++;
    if (read % 50_000 === 0) progress(read, 0, 'read');
    const { row, errors } = parseLine(r.line, r.cells, map, shape, ctx);
    if (!row) {
      for (const e of errors) rejected.push(e);
      const no = r.cells[map.receiptNo!];
      if (no !== null && no !== undefined && String(no).trim())
        await writer.write(badStageValues(r.line, String(no).normalize('NFKC').trim()));
      continue;
    }
    let e164: string | null = null;
    if (row.phone) {
      e164 = e164Of.get(row.phone) ?? null;
      if (!e164Of.has(row.phone)) {
        e164 = normalizePhones([{ number: row.phone }], store.country).phones[0]?.e164 ?? null;
        e164Of.set(row.phone, e164);
      }
    }
    // The line's number on its receipt, in file order (rows of one receipt need not be adjacent).
    const lineNo = (lineCount.get(row.receiptNo) ?? 0) + 1;
    lineCount.set(row.receiptNo, lineNo);
    const flushed = writer.write(stageValues(row, lineNo, e164));
    if (flushed) await flushed;
  }
  await writer.end();
  lineCount.clear();
  progress(read, read, 'read');
  timing(client ? 'read + stage (COPY)' : 'read + stage (INSERT)');

  // 2. Check, per receipt. The first row (lowest line) gives the receipt's time, customer and payment.
  const steps = 8;
  let step = 0;
  const next = () => progress(++step, steps, step < 4 ? 'check' : step < 7 ? 'write' : 'aggregates');
  await tx.execute(sql`analyze purchase_stage`);
  await tx.execute(sql`
    create temp table purchase_groups on commit drop as
    select a.receipt_no, gen_random_uuid() as id, f.line as first_line, f.occurred_at, f.member_no, f.phone, f.phone_e164,
           f.customer_name, f.payment_method, f.is_return, a.n, a.bad, a.days, a.customers, a.kinds, a.bad_categories,
           a.total_list, a.total_discount, a.total_paid, a.signed_total,
           -- customers by member number here (one pass, not an UPDATE of every group); then by phone below
           c.id as customer_id, null::text as status, null::text as field, null::text as message
    from (
      -- min <> max rather than count(distinct …): one hash aggregate, no sort per receipt
      select s.receipt_no, min(s.line) filter (where s.ok) as first_line,
             count(*) filter (where s.ok) as n, count(*) filter (where not s.ok) as bad,
             (min(s.day) <> max(s.day)) as days,
             (min(coalesce('m:' || s.member_no, 'p:' || s.phone, '')) filter (where s.ok)
               <> max(coalesce('m:' || s.member_no, 'p:' || s.phone, '')) filter (where s.ok)) as customers,
             (bool_and(s.is_return) <> bool_or(s.is_return)) as kinds,
             count(*) filter (where s.category is not null and c.id is null) as bad_categories,
             sum(s.unit_price * s.quantity) as total_list, sum(s.discount) as total_discount, sum(s.paid) as total_paid,
             sum(case when s.is_return then -s.paid else s.paid end) as signed_total
      from purchase_stage s left join product_categories c on c.org_id = ${org} and c.key = s.category
      group by s.receipt_no) a
    join purchase_stage f on f.line = a.first_line
    left join customers c on c.org_id = ${org} and c.member_no = f.member_no`);
  await tx.execute(sql`create unique index on purchase_groups (receipt_no)`);
  timing('groups');
  const categoryList = [...categories.keys()].join(', ');
  await tx.execute(sql`
    update purchase_groups set status = 'rejected',
      field = case when bad > 0 then 'receipt_no' when days then 'date' when customers then 'customer'
                   when kinds then 'kind' else 'category' end,
      message = case when bad > 0 then 'Receipt ' || receipt_no || ' has a rejected row; none of its rows were applied'
                     when days then 'The rows of receipt ' || receipt_no || ' disagree on the date'
                     when customers then 'The rows of receipt ' || receipt_no || ' disagree on the customer'
                     when kinds then 'Receipt ' || receipt_no || ' mixes sales and returns'
                     else ${`Unknown category; use one of ${categoryList}`} end
    where bad > 0 or days or customers or kinds or bad_categories > 0`);
  next();

  // Customers: by member number (matched above; again after creating the unknown ones), then phone (E.164).
  const matchMembers = () =>
    tx.execute(sql`
      update purchase_groups g set customer_id = c.id from customers c
      where g.status is null and g.customer_id is null and g.member_no is not null
        and c.org_id = ${org} and c.member_no = g.member_no`);
  await tx.execute(sql`
    update purchase_groups g set customer_id = p.customer_id
    from (select distinct on (e164) e164, customer_id from customer_phones where org_id = ${org}
          and e164 in (select phone_e164 from purchase_groups where status is null and customer_id is null)
          order by e164, customer_id) p
    where g.status is null and g.customer_id is null and g.phone_e164 = p.e164`);
  let customersCreated = 0;
  if (opts.createCustomers) {
    const unknown = await sqlRows<{ member_no: string; customer_name: string | null }>(
      tx,
      sql`select distinct on (member_no) member_no, customer_name from purchase_groups
          where status is null and customer_id is null and member_no is not null order by member_no, first_line`,
    );
    for (const u of unknown) {
      await createCustomer(
        tx,
        actor,
        {
          storeId: store.id,
          memberNo: u.member_no,
          familyName: u.customer_name ?? u.member_no,
          allowDuplicate: true,
          source: 'import',
        },
        'import',
      );
      customersCreated++;
    }
    if (unknown.length) await matchMembers();
  }
  await tx.execute(sql`
    update purchase_groups set status = 'rejected',
      field = case when member_no is not null then 'member_no' else 'phone' end,
      message = case when member_no is not null then 'No customer has this member number (use --create-customers to add one)'
                     else 'No customer has this phone number' end
    where status is null and customer_id is null and (member_no is not null or phone is not null)`);
  next();

  // Receipt numbers already recorded for the store: the same receipt again is unchanged, other content an error.
  await tx.execute(sql`
    update purchase_groups g set
      status = case when r.total_paid = g.signed_total
                     and (select count(*) from receipt_lines l where l.receipt_id = r.id) = g.n then 'unchanged' else 'rejected' end,
      field = 'receipt_no',
      message = 'Receipt ' || g.receipt_no || ' is already recorded with different content'
    from receipts r
    where g.status is null and r.store_id = ${store.id} and r.receipt_no = g.receipt_no`);
  next();
  timing('checks');

  // 3. Write the sales.
  await tx.execute(sql`
    insert into products (org_id, style_no, name, category_id, list_price, currency)
    select distinct on (s.style_no) ${org}::uuid, s.style_no, s.product_name, c.id, s.unit_price, ${store.currency}
    from purchase_stage s join purchase_groups g on g.receipt_no = s.receipt_no
      left join product_categories c on c.org_id = ${org} and c.key = s.category
    where g.status is null and not g.is_return and s.ok and s.style_no is not null
    order by s.style_no, s.line desc
    on conflict (org_id, style_no) do update set
      category_id = coalesce(products.category_id, excluded.category_id),
      list_price = coalesce(products.list_price, excluded.list_price)
    where products.category_id is null or products.list_price is null`);
  next();
  timing('products');
  await tx.execute(sql`
    insert into receipts (id, org_id, store_id, customer_id, receipt_no, kind, occurred_at, currency, total_list,
                          total_discount, total_paid, payment_method, source, created_by)
    select id, ${org}, ${store.id}, customer_id, receipt_no, 'sale', occurred_at, ${store.currency}, total_list,
           total_discount, total_paid, payment_method, 'import', ${actor.userId}
    from purchase_groups where status is null and not is_return`);
  next();
  timing('receipts');
  await tx.execute(sql`
    insert into receipt_lines (org_id, receipt_id, line_no, product_id, style_no, product_name, category_id, size, colour,
                               quantity, unit_list_price, discount, paid_amount)
    select ${org}, g.id, s.line_no, p.id, s.style_no, s.product_name,
           coalesce(c.id, p.category_id), s.size, s.colour, s.quantity, s.unit_price, s.discount, s.paid
    from purchase_stage s join purchase_groups g on g.receipt_no = s.receipt_no
      left join products p on p.org_id = ${org} and p.style_no = s.style_no
      left join product_categories c on c.org_id = ${org} and c.key = s.category
    where g.status is null and not g.is_return and s.ok`);
  // The sales still without a status are now written: "created" (status null) from here on, rather than
  // an UPDATE of every group.
  next();
  timing('sales written');

  // Returns reference the latest sale line of the same customer and style with enough left to return.
  const returnRows = await sqlRows<{
    receipt_no: string;
    customer_id: string | null;
    occurred_at: string | Date;
    line: number;
    style_no: string | null;
    product_name: string;
    quantity: number;
    unit_price: string;
    paid: string;
  }>(
    tx,
    sql`select g.receipt_no, g.customer_id, g.occurred_at, s.line, s.style_no, s.product_name, s.quantity, s.unit_price, s.paid
        from purchase_groups g join purchase_stage s on s.receipt_no = g.receipt_no and s.ok
        where g.status is null and g.is_return order by g.receipt_no, s.line`,
  );
  const returnIds: string[] = [];
  const failedReturns: string[] = [];
  for (let i = 0; i < returnRows.length;) {
    let j = i;
    while (j < returnRows.length && returnRows[j]!.receipt_no === returnRows[i]!.receipt_no) j++;
    const rows = returnRows.slice(i, j);
    i = j;
    const r0 = rows[0]!;
    const at = new Date(r0.occurred_at).toISOString();
    const picks: string[] = [];
    for (const r of rows) {
      const [orig] = r0.customer_id
        ? await sqlRows<{ id: string }>(
            tx,
            sql`
            select l.id from receipt_lines l join receipts s on s.id = l.receipt_id
            where s.customer_id = ${r0.customer_id} and s.kind = 'sale' and s.occurred_at <= ${at}::timestamptz
              and (l.style_no = ${r.style_no} or (${r.style_no}::text is null and l.product_name = ${r.product_name}))
              and l.quantity + coalesce((select sum(x.quantity) from receipt_lines x where x.original_line_id = l.id), 0) >= ${r.quantity}
            order by s.occurred_at desc limit 1`,
          )
        : [];
      if (!orig) break;
      picks.push(orig.id);
    }
    if (picks.length < rows.length) {
      failedReturns.push(r0.receipt_no);
      continue;
    }
    const [written] = await sqlRows<{ id: string }>(
      tx,
      sql`insert into receipts (org_id, store_id, customer_id, receipt_no, kind, occurred_at, currency, total_list,
                                total_discount, total_paid, source, created_by)
          values (${org}, ${store.id}, ${r0.customer_id}, ${r0.receipt_no}, 'return', ${at}::timestamptz, ${store.currency},
                  ${-rows.reduce((s, r) => s + Number(r.unit_price) * r.quantity, 0)}, 0,
                  ${-rows.reduce((s, r) => s + Number(r.paid), 0)}, 'import', ${actor.userId})
          returning id`,
    );
    await tx.execute(sql`
      insert into receipt_lines (org_id, receipt_id, line_no, style_no, product_name, quantity, unit_list_price, discount,
                                 paid_amount, original_line_id)
      select ${org}, ${written!.id}, u.n, u.style_no, u.product_name, -u.quantity, u.unit_price, 0, -u.paid, u.original
      from unnest(${sql.param(rows.map((_, k) => k + 1))}::int[], ${sql.param(rows.map((r) => r.style_no))}::text[],
                  ${sql.param(rows.map((r) => r.product_name))}::text[], ${sql.param(rows.map((r) => r.quantity))}::int[],
                  ${sql.param(rows.map((r) => Number(r.unit_price)))}::bigint[], ${sql.param(rows.map((r) => Number(r.paid)))}::bigint[],
                  ${sql.param(picks)}::uuid[]) as u(n, style_no, product_name, quantity, unit_price, paid, original)`);
    await tx.execute(
      sql`update purchase_groups set status = 'created', id = ${written!.id} where receipt_no = ${r0.receipt_no}`,
    );
    returnIds.push(written!.id);
  }
  if (failedReturns.length)
    await tx.execute(sql`
      update purchase_groups set status = 'rejected', field = 'quantity',
        message = 'No earlier sale to this customer matches the return on receipt ' || receipt_no
      where receipt_no = any(${sql.param(failedReturns)}::text[])`);
  next();

  // Aggregates of the customers touched, then the other modules' derived state, once.
  const created = sql`(status is null or status = 'created')`;
  const touched: SQL = sql`select customer_id from purchase_groups where ${created} and customer_id is not null`;
  await refreshStatsForQuery(tx, touched);
  timing('aggregates');
  const [counts] = await sqlRows<{ created: number; unchanged: number; lines: number }>(
    tx,
    sql`select count(*) filter (where ${created})::int as created, count(*) filter (where status = 'unchanged')::int as unchanged,
               coalesce(sum(n) filter (where ${created}), 0)::int as lines
        from purchase_groups`,
  );
  if (counts!.created) {
    const ids = await sqlRows<{ id: string | null; customer_id: string | null }>(
      tx,
      sql`select id, null::uuid as customer_id from purchase_groups where ${created}
          union all select null, customer_id from (select distinct customer_id from purchase_groups
            where ${created} and customer_id is not null) c`,
    );
    await afterReceipts(tx, {
      orgId: org,
      customerIds: ids.filter((x) => x.customer_id).map((x) => x.customer_id!),
      receiptIds: ids.filter((x) => x.id).map((x) => x.id!),
      source: 'import',
    });
  }
  next();
  timing('after receipts');

  // Every row of a rejected receipt is reported, with the rows that failed on their own.
  const groupRejections = await sqlRows<{ line: number; field: string; message: string }>(
    tx,
    sql`select s.line, g.field, g.message from purchase_stage s join purchase_groups g on g.receipt_no = s.receipt_no
        where g.status = 'rejected' and s.ok`,
  );
  for (const r of groupRejections) rejected.push({ line: r.line, field: r.field, message: r.message });
  rejected.sort((a, b) => a.line - b.line);
  return {
    created: counts!.created,
    updated: 0,
    unchanged: counts!.unchanged,
    rejected,
    customersCreated,
    lines: counts!.lines,
    rows: read,
  };
}
