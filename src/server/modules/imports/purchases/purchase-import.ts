// `keqing import purchases`: POS exports (one row per receipt line, or one row per receipt) become
// receipts. Every row is validated first; a receipt whose rows disagree, or that has any bad row, is
// rejected whole; the rest are written in batches, each batch in one transaction, so no receipt ever
// half-applies. Receipt numbers already stored for the store are "unchanged" (a re-import creates
// nothing). Customer aggregates are refreshed set-based for the customers touched.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ImportSummary } from '../../../../contracts/imports';
import type { Db } from '../../../db/client';
import { rows as sqlRows } from '../../../db/client';
import { customerPhones, customers, receiptLines, receipts, stores } from '../../../db/schema';
import { AppError } from '../../../errors';
import { normalizePhones } from '../../customers/customers.input';
import { createCustomer, type Actor } from '../../customers/customers.service';
import { categoriesByKey, ensureProducts } from '../../purchases/catalogue';
import { afterReceipts } from '../../purchases/receipt-hooks';
import type { Table } from '../read-table';
import { fileShape, purchaseMapping } from './purchase-headers';
import { parseLine, type LineRow, type Rejected } from './purchase-rows';
import { bulkInsert } from '../bulk-sql';

export type PurchaseImportOptions = {
  storeId: string;
  createCustomers: boolean;
  dryRun: boolean;
  onProgress?: (done: number, total: number) => void;
};

const BATCH = 5000;

type Group = { receiptNo: string; rows: LineRow[] };

export async function importPurchases(
  db: Db,
  actor: Actor,
  table: Table,
  opts: PurchaseImportOptions,
): Promise<ImportSummary & { lines: number; customersCreated: number }> {
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
  const t0 = performance.now();
  const rejected: Rejected[] = [];
  const byReceipt = new Map<string, Group>();
  const bad = new Set<string>();
  for (const r of table.rows) {
    if (r.cells.every((c) => c === null || String(c).trim() === '')) continue;
    const { row, errors } = parseLine(r.line, r.cells, map, shape, {
      currency: store.currency,
      timeZone: store.timezone,
    });
    rejected.push(...errors);
    if (!row) {
      const no = r.cells[map.receiptNo!];
      if (no !== null && no !== undefined && String(no).trim()) bad.add(String(no).normalize('NFKC').trim());
      continue;
    }
    const g = byReceipt.get(row.receiptNo) ?? { receiptNo: row.receiptNo, rows: [] };
    g.rows.push(row);
    byReceipt.set(row.receiptNo, g);
  }
  if (process.env.KEQING_IMPORT_TIMING) console.error(`parse ${Math.round(performance.now() - t0)} ms`);
  const rejectGroup = (g: Group, field: string, message: string) => {
    for (const r of g.rows) rejected.push({ line: r.line, field, message });
    byReceipt.delete(g.receiptNo);
  };
  const categories = await categoriesByKey(db, actor.orgId);
  for (const g of [...byReceipt.values()]) {
    const first = g.rows[0]!;
    if (bad.has(g.receiptNo))
      rejectGroup(g, 'receipt_no', `Receipt ${g.receiptNo} has a rejected row; none of its rows were applied`);
    else if (g.rows.some((r) => r.occurredAt.slice(0, 10) !== first.occurredAt.slice(0, 10)))
      rejectGroup(g, 'date', `The rows of receipt ${g.receiptNo} disagree on the date`);
    else if (g.rows.some((r) => r.customerKey !== first.customerKey))
      rejectGroup(g, 'customer', `The rows of receipt ${g.receiptNo} disagree on the customer`);
    else if (g.rows.some((r) => r.isReturn !== first.isReturn))
      rejectGroup(g, 'kind', `Receipt ${g.receiptNo} mixes sales and returns`);
    else if (g.rows.some((r) => r.category && !categories.has(r.category)))
      rejectGroup(g, 'category', `Unknown category; use one of ${[...categories.keys()].join(', ')}`);
  }

  // Customers: by member number, then phone; unknown member numbers may create a minimal file.
  const memberNos = [
    ...new Set([...byReceipt.values()].map((g) => g.rows[0]!.memberNo).filter((m): m is string => !!m)),
  ];
  const known = new Map<string, string>();
  for (let i = 0; i < memberNos.length; i += 5000) {
    const found = await db
      .select({ id: customers.id, no: customers.memberNo })
      .from(customers)
      .where(and(eq(customers.orgId, actor.orgId), inArray(customers.memberNo, memberNos.slice(i, i + 5000))));
    for (const f of found) known.set(`m:${f.no}`, f.id);
  }
  const phoneGroups = [...byReceipt.values()].filter((g) => !g.rows[0]!.memberNo && g.rows[0]!.phone);
  if (phoneGroups.length) {
    const e164Of = new Map(
      phoneGroups.map((g) => [
        g.rows[0]!.phone!,
        normalizePhones([{ number: g.rows[0]!.phone! }], store.country).phones[0]?.e164 ?? null,
      ]),
    );
    const e164s = [...new Set([...e164Of.values()].filter((x): x is string => !!x))];
    const found = e164s.length
      ? await db
          .select({ id: customerPhones.customerId, e164: customerPhones.e164 })
          .from(customerPhones)
          .where(and(eq(customerPhones.orgId, actor.orgId), inArray(customerPhones.e164, e164s)))
      : [];
    const byE164 = new Map(found.map((f) => [f.e164, f.id]));
    for (const [raw, e164] of e164Of) if (e164 && byE164.has(e164)) known.set(`p:${raw}`, byE164.get(e164)!);
  }
  let createdCustomers = 0;
  for (const g of [...byReceipt.values()]) {
    const r = g.rows[0]!;
    if (!r.customerKey || known.has(r.customerKey)) continue;
    if (r.memberNo && opts.createCustomers) {
      if (opts.dryRun) {
        known.set(r.customerKey, 'dry-run');
        continue;
      }
      const c = await createCustomer(
        db,
        actor,
        {
          storeId: store.id,
          memberNo: r.memberNo,
          familyName: r.customerName ?? r.memberNo,
          allowDuplicate: true,
          source: 'import',
        },
        'import',
      );
      known.set(r.customerKey, c.id);
      createdCustomers++;
    } else
      rejectGroup(
        g,
        r.memberNo ? 'member_no' : 'phone',
        r.memberNo
          ? 'No customer has this member number (use --create-customers to add one)'
          : 'No customer has this phone number',
      );
  }

  // Receipt numbers already in the store: the same receipt again is unchanged, a different one an error.
  const numbers = [...byReceipt.keys()];
  const existing = new Map<string, { total: number; lines: number }>();
  for (let i = 0; i < numbers.length; i += 5000) {
    const found = await sqlRows<{ receipt_no: string; total: string; lines: number }>(
      db,
      sql`
      select r.receipt_no, r.total_paid as total, (select count(*)::int from receipt_lines l where l.receipt_id = r.id) as lines
      from receipts r where r.store_id = ${store.id} and r.receipt_no = any(${sql`array[${sql.join(
        numbers.slice(i, i + 5000).map((n) => sql`${n}`),
        sql`, `,
      )}]::text[]`})`,
    );
    for (const f of found) existing.set(f.receipt_no, { total: Number(f.total), lines: f.lines });
  }
  let unchanged = 0;
  for (const g of [...byReceipt.values()]) {
    const e = existing.get(g.receiptNo);
    if (!e) continue;
    const total = g.rows.reduce((s, r) => s + (r.isReturn ? -r.paidAmount : r.paidAmount), 0);
    if (e.total === total && e.lines === g.rows.length) {
      unchanged++;
      byReceipt.delete(g.receiptNo);
    } else rejectGroup(g, 'receipt_no', `Receipt ${g.receiptNo} is already recorded with different content`);
  }

  if (process.env.KEQING_IMPORT_TIMING) console.error(`checks ${Math.round(performance.now() - t0)} ms`);
  const sales = [...byReceipt.values()].filter((g) => !g.rows[0]!.isReturn);
  const returns = [...byReceipt.values()].filter((g) => g.rows[0]!.isReturn);
  const total = sales.length + returns.length;
  const touched = new Set<string>();
  const writtenIds: string[] = [];
  let created = 0;
  if (!opts.dryRun && sales.length) {
    const refs = sales
      .flatMap((g) => g.rows)
      .filter((r) => r.styleNo)
      .map((r) => ({
        styleNo: r.styleNo!,
        name: r.productName,
        categoryId: r.category ? categories.get(r.category)!.id : null,
        listPrice: r.unitPrice,
        currency: store.currency,
      }));
    const products = await ensureProducts(db, actor.orgId, refs);
    for (let i = 0; i < sales.length; i += BATCH) {
      const batch = sales.slice(i, i + BATCH);
      await db.transaction(async (tx) => {
        const receiptRows = batch.map((g) => {
          const r0 = g.rows[0]!;
          const customerId = r0.customerKey ? known.get(r0.customerKey)! : null;
          if (customerId) touched.add(customerId);
          return {
            id: crypto.randomUUID(),
            orgId: actor.orgId,
            storeId: store.id,
            customerId,
            receiptNo: g.receiptNo,
            kind: 'sale',
            occurredAt: new Date(r0.occurredAt),
            currency: store.currency,
            totalList: g.rows.reduce((s, r) => s + r.unitPrice * r.quantity, 0),
            totalDiscount: g.rows.reduce((s, r) => s + r.discount, 0),
            totalPaid: g.rows.reduce((s, r) => s + r.paidAmount, 0),
            paymentMethod: r0.paymentMethod,
            source: 'import',
            createdBy: actor.userId,
          };
        });
        for (const r of receiptRows) writtenIds.push(r.id);
        await bulkInsert(
          tx as unknown as Db,
          receipts,
          [
            'id',
            'orgId',
            'storeId',
            'customerId',
            'receiptNo',
            'kind',
            'occurredAt',
            'currency',
            'totalList',
            'totalDiscount',
            'totalPaid',
            'paymentMethod',
            'source',
            'createdBy',
          ],
          receiptRows,
        );
        const lineRows = batch.flatMap((g, k) =>
          g.rows.map((r, j) => ({
            orgId: actor.orgId,
            receiptId: receiptRows[k]!.id,
            lineNo: j + 1,
            productId: r.styleNo ? (products.get(r.styleNo)?.id ?? null) : null,
            styleNo: r.styleNo,
            productName: r.productName,
            categoryId: r.category
              ? categories.get(r.category)!.id
              : r.styleNo
                ? (products.get(r.styleNo)?.categoryId ?? null)
                : null,
            size: r.size,
            colour: r.colour,
            quantity: r.quantity,
            unitListPrice: r.unitPrice,
            discount: r.discount,
            paidAmount: r.paidAmount,
          })),
        );
        for (let j = 0; j < lineRows.length; j += 2000)
          await tx.insert(receiptLines).values(lineRows.slice(j, j + 2000));
      });
      created += batch.length;
      opts.onProgress?.(created, total);
    }
  } else created = sales.length;

  // Returns reference the latest sale line of the same customer and style with enough left to return.
  for (const g of returns) {
    const r0 = g.rows[0]!;
    const customerId = r0.customerKey ? (known.get(r0.customerKey) ?? null) : null;
    const picks: Array<{ row: LineRow; original: { id: string; unit: number } }> = [];
    for (const r of g.rows) {
      const [orig] =
        customerId && customerId !== 'dry-run'
          ? await sqlRows<{ id: string; unit: string }>(
              db,
              sql`
            select l.id, l.unit_list_price as unit from receipt_lines l join receipts s on s.id = l.receipt_id
            where s.customer_id = ${customerId} and s.kind = 'sale' and s.occurred_at <= ${r.occurredAt}::timestamptz
              and (l.style_no = ${r.styleNo} or (${r.styleNo}::text is null and l.product_name = ${r.productName}))
              and l.quantity + coalesce((select sum(x.quantity) from receipt_lines x where x.original_line_id = l.id), 0) >= ${r.quantity}
            order by s.occurred_at desc limit 1`,
            )
          : [];
      if (!orig) break;
      picks.push({ row: r, original: { id: orig.id, unit: Number(orig.unit) } });
    }
    if (picks.length < g.rows.length) {
      rejectGroup(g, 'quantity', `No earlier sale to this customer matches the return on receipt ${g.receiptNo}`);
      continue;
    }
    if (opts.dryRun) {
      created++;
      continue;
    }
    await db.transaction(async (tx) => {
      const id = crypto.randomUUID();
      writtenIds.push(id);
      await tx.insert(receipts).values({
        id,
        orgId: actor.orgId,
        storeId: store.id,
        customerId,
        receiptNo: g.receiptNo,
        kind: 'return',
        occurredAt: new Date(r0.occurredAt),
        currency: store.currency,
        totalList: -picks.reduce((s, p) => s + p.row.unitPrice * p.row.quantity, 0),
        totalDiscount: 0,
        totalPaid: -picks.reduce((s, p) => s + p.row.paidAmount, 0),
        source: 'import',
        createdBy: actor.userId,
      });
      await tx.insert(receiptLines).values(
        picks.map((p, j) => ({
          orgId: actor.orgId,
          receiptId: id,
          lineNo: j + 1,
          styleNo: p.row.styleNo,
          productName: p.row.productName,
          quantity: -p.row.quantity,
          unitListPrice: p.row.unitPrice,
          discount: 0,
          paidAmount: -p.row.paidAmount,
          originalLineId: p.original.id,
        })),
      );
    });
    if (customerId) touched.add(customerId);
    created++;
    opts.onProgress?.(created, total);
  }
  const writtenAt = performance.now();
  if (!opts.dryRun && touched.size) {
    await refreshStatsFor(db, [...touched]);
    await afterReceipts(db, {
      orgId: actor.orgId,
      customerIds: [...touched],
      receiptIds: writtenIds,
      source: 'import',
    });
  }
  if (process.env.KEQING_IMPORT_TIMING)
    console.error(`aggregates ${Math.round(performance.now() - writtenAt)} ms for ${touched.size} customers`);
  rejected.sort((a, b) => a.line - b.line);
  return {
    created,
    updated: 0,
    unchanged,
    rejected,
    customersCreated: createdCustomers,
    lines: [...byReceipt.values()].reduce((s, g) => s + g.rows.length, 0),
  };
}

/** Set-based refresh of customer_stats and last visit for the given customers. */
export async function refreshStatsFor(db: Db, ids: string[]) {
  for (let i = 0; i < ids.length; i += 10_000) {
    const arr = sql`array[${sql.join(
      ids.slice(i, i + 10_000).map((x) => sql`${x}::uuid`),
      sql`, `,
    )}]`;
    await db.execute(sql`
      insert into customer_stats (customer_id, org_id, lifetime_spend, receipt_count, visit_count, first_purchase_at, last_purchase_at)
      select c.id, c.org_id, coalesce(sum(r.total_paid), 0), count(r.id) filter (where r.kind = 'sale'),
             count(distinct (r.occurred_at at time zone s.timezone)::date) filter (where r.kind = 'sale'),
             min(r.occurred_at) filter (where r.kind = 'sale'), max(r.occurred_at) filter (where r.kind = 'sale')
      from customers c join stores s on s.id = c.store_id left join receipts r on r.customer_id = c.id
      where c.id = any(${arr}) group by c.id, c.org_id
      on conflict (customer_id) do update set lifetime_spend = excluded.lifetime_spend, receipt_count = excluded.receipt_count,
        visit_count = excluded.visit_count, first_purchase_at = excluded.first_purchase_at, last_purchase_at = excluded.last_purchase_at, updated_at = now()`);
    await db.execute(sql`
      update customers c set last_visit_at = greatest(
        (select max(occurred_at) from receipts where customer_id = c.id and kind = 'sale'),
        (select max(visited_at) from service_visits where customer_id = c.id))
      where c.id = any(${arr})`);
  }
}
