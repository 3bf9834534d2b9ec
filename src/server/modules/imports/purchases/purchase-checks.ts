// The checks, set-based in SQL over the staging table: one row per receipt in purchase_groups, whose status
// says what becomes of it (null: to be written, 'rejected' with a field and message, 'unchanged').
import { sql } from 'drizzle-orm';
import { rows as sqlRows } from '../../../db/client';
import { createCustomer } from '../../customers/customers.service';
import type { CategoryRow } from '../../purchases/catalogue';
import type { PurchaseImportRun } from './purchase-import';

/** Groups the staged rows by receipt, matches the customers and returns how many were created. */
export async function checkReceipts(
  { tx, actor, store, next, timing }: PurchaseImportRun,
  categories: Map<string, CategoryRow>,
  createCustomers: boolean,
): Promise<number> {
  const org = actor.orgId;
  // The first row (lowest line) of a receipt gives its time, customer and payment.
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
  if (createCustomers) {
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
  return customersCreated;
}
