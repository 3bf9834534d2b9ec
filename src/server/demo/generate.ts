// `keqing demo`: a deterministic synthetic brand — regions and stores in China, Taiwan and Japan, staff,
// customers with realistic names and files, Pareto-shaped spend with seasonality, returns, referrals,
// salon visits with prepaid cards, and repairs. Rows are written in large multi-row batches so a
// million purchase lines load in minutes on PostgreSQL.
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import {
  customerConsents,
  customerPhones,
  customers,
  customerSearchKeys,
  prepaidCards,
  prepaidLedger,
  productCategories,
  products,
  receiptLines,
  receipts,
  regions,
  repairEvents,
  repairTickets,
  serviceItems,
  serviceVisits,
  stores,
  userStores,
  users,
} from '../db/schema';
import { hashPassword } from '../security';
import { displayNameOf } from '../modules/customers/customers.mapping';
import { reverseDigits } from '../modules/customers/customers.input';
import { autoReading } from '../modules/customers/reading';
import { searchKeysOf } from '../modules/customers/search-index';
import { DEMO_PRODUCTS, DEMO_SERVICES, localPrice } from './catalogue';
import { prng, syntheticPerson, type Market } from './names';

export type DemoOptions = {
  customers: number;
  purchases: number;
  stores: number;
  seed: number;
  onProgress?: (stage: string, done: number, total: number) => void;
};
export type DemoSummary = {
  stores: number;
  staff: number;
  customers: number;
  receipts: number;
  lines: number;
  returns: number;
  visits: number;
  repairs: number;
  staffPassword: string;
};

export const DEMO_STAFF_PASSWORD = 'keqing-demo-2026';

const STORE_PLAN: Array<{
  code: string;
  name: string;
  market: Market;
  region: string;
  country: string;
  currency: string;
  timezone: string;
  locale: string;
}> = [
  {
    code: 'SH01',
    name: '上海静安店',
    market: 'CN',
    region: 'EAST',
    country: 'CN',
    currency: 'CNY',
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
  },
  {
    code: 'TPE01',
    name: '台北信義門市',
    market: 'TW',
    region: 'TW',
    country: 'TW',
    currency: 'TWD',
    timezone: 'Asia/Taipei',
    locale: 'zh-TW',
  },
  {
    code: 'TKY01',
    name: '銀座店',
    market: 'JP',
    region: 'JP',
    country: 'JP',
    currency: 'JPY',
    timezone: 'Asia/Tokyo',
    locale: 'ja',
  },
  {
    code: 'HZ01',
    name: '杭州湖滨店',
    market: 'CN',
    region: 'EAST',
    country: 'CN',
    currency: 'CNY',
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
  },
  {
    code: 'BJ01',
    name: '北京国贸店',
    market: 'CN',
    region: 'NORTH',
    country: 'CN',
    currency: 'CNY',
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
  },
  {
    code: 'OSA01',
    name: '梅田店',
    market: 'JP',
    region: 'JP',
    country: 'JP',
    currency: 'JPY',
    timezone: 'Asia/Tokyo',
    locale: 'ja',
  },
];
const REGION_NAMES: Record<string, string> = { EAST: '华东区', NORTH: '华北区', TW: '台灣區', JP: '日本エリア' };
const GUIDE_NAMES: Record<Market, string[]> = {
  CN: ['李婷', '王芳', '陈静', '刘洋'],
  TW: ['林美玲', '張雅婷', '陳怡君', '黃佩君'],
  JP: ['佐藤 美咲', '鈴木 恵', '高橋 由美', '田中 愛'],
};

async function insertBatches<T extends PgTable>(db: Db, table: T, rows: Array<T['$inferInsert']>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size) as never);
}

type Store = { id: string; market: Market; currency: string; locale: string; guides: string[] };

export async function generateDemo(
  db: Db,
  orgId: string,
  mainStoreId: string,
  opts: DemoOptions,
): Promise<DemoSummary> {
  const r = prng(opts.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const progress = opts.onProgress ?? (() => {});
  const passwordHash = await hashPassword(DEMO_STAFF_PASSWORD);
  const stamp = `${opts.seed}`;

  // Stores: the first start's MAIN store, plus more across the three markets when asked.
  const storeList: Store[] = [];
  const [main] = await db
    .select()
    .from(stores)
    .where(sql`id = ${mainStoreId}`);
  storeList.push({
    id: main!.id,
    market: main!.country === 'JP' ? 'JP' : main!.country === 'TW' ? 'TW' : 'CN',
    currency: main!.currency,
    locale: main!.locale,
    guides: [],
  });
  const regionIds = new Map<string, string>();
  for (const plan of STORE_PLAN.slice(0, Math.max(0, opts.stores - 1))) {
    if (!regionIds.has(plan.region)) {
      const [reg] = await db
        .insert(regions)
        .values({ orgId, code: `${plan.region}-${stamp}`, name: REGION_NAMES[plan.region]! })
        .onConflictDoNothing()
        .returning();
      if (reg) regionIds.set(plan.region, reg.id);
    }
    const [s] = await db
      .insert(stores)
      .values({
        orgId,
        code: `${plan.code}-${stamp}`,
        name: plan.name,
        regionId: regionIds.get(plan.region) ?? null,
        country: plan.country,
        currency: plan.currency,
        timezone: plan.timezone,
        locale: plan.locale,
      })
      .returning();
    storeList.push({ id: s!.id, market: plan.market, currency: plan.currency, locale: plan.locale, guides: [] });
  }

  // Staff: a manager and three guides per store, all with the demo password.
  let staff = 0;
  for (const [i, s] of storeList.entries()) {
    const names = GUIDE_NAMES[s.market];
    for (const [j, name] of names.entries()) {
      const role = j === 0 ? 'store_manager' : 'staff';
      const [u] = await db
        .insert(users)
        .values({
          orgId,
          email: `demo${stamp}-s${i}-${j}@example.com`,
          displayName: name,
          role,
          locale: s.locale,
          passwordHash,
        })
        .onConflictDoNothing()
        .returning();
      if (!u) continue;
      await db.insert(userStores).values({ orgId, userId: u.id, storeId: s.id });
      s.guides.push(u.id);
      staff++;
    }
  }

  // Catalogue.
  const cats = new Map(
    (
      await db
        .select()
        .from(productCategories)
        .where(sql`org_id = ${orgId}`)
    ).map((c) => [c.key, c.id]),
  );
  await db
    .insert(products)
    .values(
      DEMO_PRODUCTS.map((p) => ({
        orgId,
        styleNo: p.styleNo,
        name: p.name['zh-CN'],
        categoryId: cats.get(p.category) ?? null,
        season: p.season,
        listPrice: localPrice(p.priceCny, 'CNY'),
        currency: 'CNY',
      })),
    )
    .onConflictDoNothing();
  const productIds = new Map(
    (
      await db
        .select({ id: products.id, styleNo: products.styleNo })
        .from(products)
        .where(sql`org_id = ${orgId}`)
    ).map((p) => [p.styleNo, p.id]),
  );

  // Customers.
  const now = Date.now();
  const DAY = 86_400_000;
  const cust: Array<{ id: string; store: Store; weight: number; createdAt: number }> = [];
  const CHUNK = 2000;
  for (let start = 0; start < opts.customers; start += CHUNK) {
    const rowsC: Array<typeof customers.$inferInsert> = [];
    const rowsP: Array<typeof customerPhones.$inferInsert> = [];
    const rowsK: Array<typeof customerSearchKeys.$inferInsert> = [];
    const rowsConsent: Array<typeof customerConsents.$inferInsert> = [];
    for (let i = start; i < Math.min(opts.customers, start + CHUNK); i++) {
      const store = storeList[i % storeList.length]!;
      const p = syntheticPerson(r, store.market, i);
      const id = crypto.randomUUID();
      const memberNo = `D${stamp}${String(i + 1).padStart(6, '0')}`;
      const reading = p.reading ?? autoReading(p.familyName, p.givenName, store.locale);
      const createdAt = now - Math.floor(r() * 900) * DAY;
      const hasKids = r() < 0.4;
      const lunar = store.market !== 'JP' && r() < 0.2;
      const birthYear = 1960 + Math.floor(r() * 42);
      const referrer = cust.length > 20 && r() < 0.1 ? cust[Math.floor(r() * cust.length)]! : null;
      rowsC.push({
        id,
        orgId,
        storeId: store.id,
        memberNo,
        familyName: p.familyName,
        givenName: p.givenName,
        displayName: displayNameOf(p.familyName, p.givenName, store.locale),
        reading,
        gender: p.gender,
        email: p.email,
        birthday:
          lunar || r() < 0.3
            ? null
            : `${birthYear}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
        lunarBirthMonth: lunar ? 1 + Math.floor(r() * 12) : null,
        lunarBirthDay: lunar ? 1 + Math.floor(r() * 29) : null,
        lunarBirthYear: lunar ? birthYear : null,
        source: referrer ? 'referral' : pick(['walk_in', 'walk_in', 'walk_in', 'event', 'online']),
        referredById: referrer?.id ?? null,
        ownerUserId: store.guides.length ? pick(store.guides) : null,
        profile: {
          clothingSize: pick(['S', 'M', 'M', 'L', 'XL']),
          ...(r() < 0.5 ? { colourPreferences: [pick(['米色', '藏青', '黑色', '酒红', '燕麦色'])] } : {}),
          ...(r() < 0.4 ? { stylePreferences: [pick(['通勤', '简约', '优雅', '休闲'])] } : {}),
          ...(r() < 0.3 ? { hobbies: [pick(['瑜伽', '插花', '旅行', '烘焙', '茶道'])] } : {}),
          ...(hasKids ? { family: [{ relation: 'child', age: 2 + Math.floor(r() * 20) }] } : {}),
        },
        completeness: 15 + Math.floor(r() * 60),
        createdAt: new Date(createdAt),
        updatedAt: new Date(createdAt),
      });
      rowsP.push({ orgId, customerId: id, e164: p.phone, reversedDigits: reverseDigits(p.phone), isPrimary: true });
      for (const k of searchKeysOf({
        familyName: p.familyName,
        givenName: p.givenName,
        reading,
        memberNo,
        email: p.email,
      }))
        rowsK.push({ orgId, customerId: id, storeId: store.id, ...k });
      if (r() < 0.8)
        rowsConsent.push({
          orgId,
          customerId: id,
          channel: store.market === 'CN' ? 'messaging' : 'sms',
          purpose: 'care',
          granted: true,
          method: 'verbal',
        });
      if (r() < 0.4)
        rowsConsent.push({
          orgId,
          customerId: id,
          channel: 'sms',
          purpose: 'marketing',
          granted: r() < 0.7,
          method: 'written',
        });
      // Pareto weights (alpha ≈ 1.16 gives the 80/20 split of seed 002).
      cust.push({ id, store, weight: 1 / Math.pow(1 - r() * 0.999, 1 / 1.16), createdAt });
    }
    await insertBatches(db, customers, rowsC, 500);
    await insertBatches(db, customerPhones, rowsP);
    await insertBatches(db, customerSearchKeys, rowsK, 2000);
    await insertBatches(db, customerConsents, rowsConsent);
    progress('customers', Math.min(opts.customers, start + CHUNK), opts.customers);
  }

  // Purchases: receipts of 1–3 lines until the wanted number of lines; busier in spring and before winter.
  const totalWeight = cust.reduce((s, c) => s + c.weight, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const c of cust) cumulative.push((acc += c.weight / totalWeight));
  const drawCustomer = () => {
    const x = r();
    let lo = 0,
      hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return cust[lo]!;
  };
  const seasonal = () => {
    for (;;) {
      const t = now - Math.floor(r() * 730) * DAY - Math.floor(r() * 10 * 3600_000);
      const m = new Date(t).getUTCMonth();
      const boost = m === 2 || m === 3 || m === 10 || m === 11 ? 1 : 0.55;
      if (r() < boost) return t;
    }
  };
  let lines = 0,
    receiptCount = 0,
    returns = 0;
  let batchR: Array<typeof receipts.$inferInsert> = [];
  let batchL: Array<typeof receiptLines.$inferInsert> = [];
  const flush = async () => {
    await insertBatches(db, receipts, batchR, 1000);
    await insertBatches(db, receiptLines, batchL, 1000);
    batchR = [];
    batchL = [];
    progress('purchase lines', lines, opts.purchases);
  };
  while (lines < opts.purchases && cust.length) {
    const c = r() < 0.1 ? null : drawCustomer();
    const store = c?.store ?? pick(storeList);
    const at = Math.max(seasonal(), c?.createdAt ?? 0);
    const id = crypto.randomUUID();
    const n = Math.min(opts.purchases - lines, 1 + Math.floor(r() * r() * 3));
    let list = 0,
      disc = 0,
      paid = 0;
    const saleLines: Array<typeof receiptLines.$inferInsert> = [];
    for (let k = 0; k < n; k++) {
      const prod = pick(DEMO_PRODUCTS);
      const price = localPrice(prod.priceCny, store.currency);
      const qty = r() < 0.9 ? 1 : 2;
      const discount = r() < 0.3 ? Math.round(price * qty * pick([0.1, 0.2, 0.25])) : 0;
      list += price * qty;
      disc += discount;
      paid += price * qty - discount;
      saleLines.push({
        id: crypto.randomUUID(),
        orgId,
        receiptId: id,
        lineNo: k + 1,
        productId: productIds.get(prod.styleNo) ?? null,
        styleNo: prod.styleNo,
        productName: prod.name[store.locale as 'zh-CN'] ?? prod.name['zh-CN'],
        categoryId: cats.get(prod.category) ?? null,
        size: pick(['S', 'M', 'L']),
        colour: pick(['黑', '米白', '藏青', '酒红']),
        quantity: qty,
        unitListPrice: price,
        discount,
        paidAmount: price * qty - discount,
      });
    }
    batchR.push({
      id,
      orgId,
      storeId: store.id,
      customerId: c?.id ?? null,
      sellerId: store.guides.length ? pick(store.guides) : null,
      receiptNo: `D${stamp}-${++receiptCount}`,
      kind: 'sale',
      occurredAt: new Date(at),
      currency: store.currency,
      totalList: list,
      totalDiscount: disc,
      totalPaid: paid,
      paymentMethod: pick(['card', 'wechat_pay', 'alipay', 'cash']),
      source: 'demo',
    });
    batchL.push(...saleLines);
    lines += saleLines.length;
    if (c && r() < 0.05) {
      const line = saleLines[0]!;
      const rid = crypto.randomUUID();
      returns++;
      batchR.push({
        id: rid,
        orgId,
        storeId: store.id,
        customerId: c.id,
        receiptNo: `D${stamp}-${receiptCount}-R`,
        kind: 'return',
        originalReceiptId: id,
        occurredAt: new Date(Math.min(now, at + 3 * DAY)),
        currency: store.currency,
        totalList: -(line.unitListPrice * line.quantity),
        totalDiscount: 0,
        totalPaid: -line.paidAmount,
        paymentMethod: 'card',
        source: 'demo',
      });
      batchL.push({
        orgId,
        receiptId: rid,
        lineNo: 1,
        styleNo: line.styleNo,
        productName: line.productName,
        quantity: -line.quantity,
        unitListPrice: line.unitListPrice,
        discount: 0,
        paidAmount: -line.paidAmount,
        originalLineId: line.id,
      });
    }
    if (batchL.length >= 5000) await flush();
  }
  await flush();

  // Salon: a service menu, and visits with care logs and 10-visit cards for a fifth of the customers.
  const [facial, neck] = await db
    .insert(serviceItems)
    .values(
      DEMO_SERVICES.map((s) => ({
        orgId,
        name: s.name['zh-CN'],
        durationMinutes: s.minutes,
        price: localPrice(s.priceCny, 'CNY'),
        currency: 'CNY',
      })),
    )
    .returning();
  let visits = 0;
  const salonCustomers = cust.filter(() => r() < 0.2).slice(0, 2000);
  for (const c of salonCustomers) {
    const [card] = await db
      .insert(prepaidCards)
      .values({
        orgId,
        storeId: c.store.id,
        customerId: c.id,
        kind: 'count',
        name: '补水护理 10 次卡',
        serviceItemId: facial!.id,
        currency: c.store.currency,
        pricePaid: localPrice(2980, c.store.currency),
        soldAt: new Date(now - 120 * DAY),
      })
      .returning();
    await db
      .insert(prepaidLedger)
      .values({ orgId, cardId: card!.id, entry: 'issue', countDelta: 10, at: new Date(now - 120 * DAY) });
    const n = 1 + Math.floor(r() * 4);
    for (let k = 0; k < n; k++) {
      const [v] = await db
        .insert(serviceVisits)
        .values({
          orgId,
          storeId: c.store.id,
          customerId: c.id,
          beauticianId: c.store.guides.length ? pick(c.store.guides) : null,
          visitedAt: new Date(now - (100 - k * 25) * DAY),
          services: [
            { serviceItemId: facial!.id, name: facial!.name },
            ...(r() < 0.3 ? [{ serviceItemId: neck!.id, name: neck!.name }] : []),
          ],
          skinCondition: pick(['T 区偏油', '两颊偏干', '轻微泛红', '状态稳定']),
          feedback: pick(['很舒服', '希望力度轻一点', '满意', null]),
        })
        .returning();
      await db
        .insert(prepaidLedger)
        .values({ orgId, cardId: card!.id, entry: 'redeem', countDelta: -1, visitId: v!.id, at: v!.visitedAt });
      visits++;
    }
  }

  // A few repairs, taken in at the store of the purchase.
  const repairable =
    await db.execute(sql`select l.id, r.customer_id, r.store_id, r.currency, l.product_name from receipt_lines l join receipts r on r.id = l.receipt_id
    where r.org_id = ${orgId} and r.kind = 'sale' and r.customer_id is not null and r.source = 'demo' order by r.occurred_at desc limit ${Math.max(3, Math.floor(opts.customers / 50))}`);
  let repairs = 0;
  for (const row of (
    repairable as unknown as {
      rows: Array<{ id: string; customer_id: string; store_id: string; currency: string; product_name: string }>;
    }
  ).rows) {
    const [t] = await db
      .insert(repairTickets)
      .values({
        orgId,
        storeId: row.store_id,
        customerId: row.customer_id,
        receiptLineId: row.id,
        ticketNo: `RD${stamp}-${String(++repairs).padStart(4, '0')}`,
        itemDescription: row.product_name,
        fault: pick(['开线', '纽扣脱落', '拉链损坏', '起球']),
        cause: pick(['quality', 'wear']),
        currency: row.currency,
        reportedOn: new Date(now).toISOString().slice(0, 10),
      })
      .onConflictDoNothing()
      .returning();
    if (t) await db.insert(repairEvents).values({ orgId, ticketId: t.id, status: 'received' });
  }

  // Aggregates in one pass.
  progress('aggregates', 0, 1);
  await db.execute(sql`
    insert into customer_stats (customer_id, org_id, lifetime_spend, receipt_count, visit_count, first_purchase_at, last_purchase_at)
    select c.id, c.org_id, coalesce(sum(r.total_paid), 0), count(*) filter (where r.kind = 'sale'),
           count(distinct (r.occurred_at at time zone s.timezone)::date) filter (where r.kind = 'sale'),
           min(r.occurred_at) filter (where r.kind = 'sale'), max(r.occurred_at) filter (where r.kind = 'sale')
    from customers c join stores s on s.id = c.store_id left join receipts r on r.customer_id = c.id
    where c.org_id = ${orgId}
    group by c.id, c.org_id
    on conflict (customer_id) do update set lifetime_spend = excluded.lifetime_spend, receipt_count = excluded.receipt_count,
      visit_count = excluded.visit_count, first_purchase_at = excluded.first_purchase_at, last_purchase_at = excluded.last_purchase_at, updated_at = now()`);
  await db.execute(sql`
    update customers c set last_visit_at = v.at from (
      select customer_id, max(at) as at from (
        select customer_id, occurred_at as at from receipts where org_id = ${orgId} and kind = 'sale' and customer_id is not null
        union all select customer_id, visited_at from service_visits where org_id = ${orgId}) x group by customer_id) v
    where c.id = v.customer_id`);
  progress('aggregates', 1, 1);
  return {
    stores: storeList.length,
    staff,
    customers: opts.customers,
    receipts: receiptCount,
    lines,
    returns,
    visits,
    repairs,
    staffPassword: DEMO_STAFF_PASSWORD,
  };
}
