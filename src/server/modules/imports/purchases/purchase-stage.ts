// The staging table: every row of the file, parsed on its own, streamed into a temporary table dropped at
// commit — by COPY on PostgreSQL, by multi-row INSERTs on PGlite. The checks and writes run over it in SQL.
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../../../db/client';
import { normalizePhones } from '../../customers/customers.input';
import type { RowStream } from '../stream-table';
import type { FileShape, PurchaseField } from './purchase-headers';
import type { ImportPhase, PurchaseImportRun } from './purchase-import';
import { parseLine, type LineRow, type Rejected } from './purchase-rows';

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

/** Creates purchase_stage in the transaction, with the session settings a large import needs. */
export async function createStage(tx: Db): Promise<void> {
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
}

/** Reads, parses and stages every row; the rows rejected on their own are returned. */
export async function stageRows(
  { tx, store, timing }: PurchaseImportRun,
  table: RowStream,
  map: Partial<Record<PurchaseField, number>>,
  shape: FileShape,
  progress: (done: number, total: number, phase: ImportPhase) => void,
): Promise<{ rejected: Rejected[]; read: number }> {
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
  return { rejected, read };
}
