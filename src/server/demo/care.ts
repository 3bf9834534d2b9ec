// The demo brand's care: as if the engine had been running for a month, with a few occasions today
// for every guide — birthdays (solar, and lunar where the market keeps them), the call a week after a
// big purchase — then today's generation, so each guide opens a believable list.
import { sql } from 'drizzle-orm';
import { careSettingsSchema } from '../../contracts/care';
import { addDays, localDateOf, lunarDayOf, marketOf, zonedTimeToInstant } from '../../domain/care';
import { rows, type Database } from '../db/client';
import { generateCareTasks, type GenerateResult } from '../modules/care/generate';
import { loadStores } from '../modules/care/run-context';
import { refreshCustomerStats } from '../modules/purchases/stats';

const DAY_MS = 86_400_000;

export async function seedDemoCare(database: Database, orgId: string, now = new Date()): Promise<GenerateResult> {
  const db = database.db;
  const minReceipt = careSettingsSchema.parse({}).rules.after_purchase_call.minReceiptTotal;
  for (const store of await loadStores(db, orgId)) {
    const today = localDateOf(now, store.timezone);
    // The engine "has been running" for a month: occasions since then are not back-dated.
    await db.execute(sql`
      insert into care_runs (org_id, store_id, run_date, source, started_at, finished_at)
      select ${orgId}, ${store.id}, ${addDays(today, -30)}::date, 'demo', ${new Date(now.getTime() - 30 * DAY_MS).toISOString()}::timestamptz, now()
      where not exists (select 1 from care_runs where store_id = ${store.id})`);
    const guides = await rows<{ id: string }>(
      db,
      sql`select u.id from users u join user_stores us on us.user_id = u.id
          where us.store_id = ${store.id} and u.role = 'staff' and u.is_active order by u.email`,
    );
    const lunar = marketOf(store.country) !== 'JP' ? lunarDayOf(today) : null;
    const weekAgo = addDays(today, -7);
    for (const guide of guides) {
      // The guards would silently drop a birthday of a customer who refused care, cannot be reached or
      // was contacted lately: those who can be greeted come first, so every guide's list has them.
      const mine = await rows<{ id: string; birthday: string | null }>(
        db,
        sql`select c.id, c.birthday::text as birthday from customers c
            where c.owner_user_id = ${guide.id} and c.store_id = ${store.id} and not c.is_deceased and not c.do_not_contact
              and c.merged_into_id is null and c.erased_at is null
            order by not exists (select 1 from customer_consents k where k.customer_id = c.id and k.purpose = 'care' and k.granted),
                     exists (select 1 from customer_consents k where k.customer_id = c.id and k.purpose = 'care' and not k.granted),
                     not exists (select 1 from customer_phones p where p.customer_id = c.id),
                     (select count(*) from contact_log l where l.customer_id = c.id
                        and l.contacted_at > ${new Date(now.getTime() - 30 * DAY_MS).toISOString()}::timestamptz),
                     c.member_no
            limit 3`,
      );
      // Two solar birthdays today (keeping her birth year), one lunar where the market keeps them.
      for (const [i, c] of mine.entries()) {
        if (i === 2 && lunar && !lunar.isLeap) {
          await db.execute(sql`update customers set birthday = null, lunar_birth_month = ${lunar.month},
                                 lunar_birth_day = ${lunar.day}, lunar_birth_leap = false where id = ${c.id}`);
        } else {
          const year = c.birthday?.slice(0, 4) ?? String(1975 + i * 7);
          const md = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
          await db.execute(sql`update customers set birthday = ${`${year}-${md}`}::date, lunar_birth_month = null,
                                 lunar_birth_day = null where id = ${c.id}`);
        }
      }
      // Her biggest sale of the guide's customers moves to a week ago, sold by the guide: today's call.
      const min = minReceipt[store.currency] ?? 0;
      const [big] = await rows<{ id: string; customer_id: string }>(
        db,
        sql`select r.id, r.customer_id from receipts r join customers c on c.id = r.customer_id
            where c.owner_user_id = ${guide.id} and r.store_id = ${store.id} and r.kind = 'sale' and r.total_paid >= ${min}
              and not exists (select 1 from receipts x where x.original_receipt_id = r.id)
            order by r.total_paid desc limit 1`,
      );
      if (big) {
        const at = zonedTimeToInstant(weekAgo, 15 * 60, store.timezone);
        await db.execute(sql`update receipts set occurred_at = ${at.toISOString()}::timestamptz, seller_id = ${guide.id}
                             where id = ${big.id}`);
        await refreshCustomerStats(db, big.customer_id);
      }
    }
  }
  return generateCareTasks(database, { orgId, source: 'demo' });
}
