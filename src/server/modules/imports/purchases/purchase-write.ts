// The writes, for the receipts the checks left without a status: products, sales and their lines with
// INSERT … SELECT; returns matched to the sale lines they give back (few, one by one); then the aggregates.
import { sql, type SQL } from 'drizzle-orm';
import { rows as sqlRows } from '../../../db/client';
import { afterReceipts } from '../../purchases/receipt-hooks';
import { refreshStatsForQuery } from '../../purchases/stats';
import type { PurchaseImportRun } from './purchase-import';

export async function writeSales({ tx, actor, store, next, timing }: PurchaseImportRun): Promise<void> {
  const org = actor.orgId;
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
}

export async function writeReturns({ tx, actor, store, next }: PurchaseImportRun): Promise<void> {
  const org = actor.orgId;
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
}

/** Refreshes what depends on the receipts written and counts them. */
export async function refreshAggregates({ tx, actor, next, timing }: PurchaseImportRun) {
  const org = actor.orgId;
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
  return counts!;
}
